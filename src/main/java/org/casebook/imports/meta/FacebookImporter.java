package org.casebook.imports.meta;

import org.casebook.imports.ImportFormat;

/**
 * Facebook Messenger's "Download your information" JSON: a zip with {@code .../messages/inbox/<thread>/
 * message_1.json, message_2.json...}, or one of those files (its sibling parts in the same folder are read
 * too). Each thread's parts are merged, sorted oldest first and deduplicated on (sender, timestamp_ms,
 * content); see {@link MetaExport} for the memory this takes. Every string of the download (text, names,
 * title, participants, reactions, shared links, file names) is decoded from Meta's latin-1-escaped UTF-8 once,
 * as it is read, when that is provably safe ({@link MetaText}); a shared link and reactions are kept after the
 * text. Also reads Messenger's end-to-end-encrypted chat export (camelCase fields:
 * {@code threadName}, {@code senderName}, {@code timestamp}, {@code text}, {@code media}, {@code reactions},
 * {@code isUnsent}; plain UTF-8, oldest first), whose conversations are keyed {@code e2ee/<threadName>}. The HTML download is refused with a request for
 * the JSON one.
 */
public final class FacebookImporter extends MetaImporter {
    public FacebookImporter() {
        super(ImportFormat.FACEBOOK, new MetaExport(MetaExport.Platform.FACEBOOK, "Messenger", true,
            "Facebook Messenger download"));
    }
}
