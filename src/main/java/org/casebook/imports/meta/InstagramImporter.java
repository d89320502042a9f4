package org.casebook.imports.meta;

import org.casebook.imports.ImportFormat;

/**
 * Instagram's "Download your information" messages: the same {@code message_N.json} schema and mojibake as
 * Facebook Messenger (see {@link FacebookImporter}, {@link MetaText}), under
 * {@code your_instagram_activity/messages/inbox/<thread>/}; channel "Instagram". Told apart from a Facebook
 * download by its folder names (or a zip or folder named for Instagram).
 */
public final class InstagramImporter extends MetaImporter {
    public InstagramImporter() {
        super(ImportFormat.INSTAGRAM, new MetaExport(MetaExport.Platform.INSTAGRAM, "Instagram", false,
            "Instagram download"));
    }
}
