package org.casebook.bundle;

import java.util.ArrayList;
import java.util.List;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;

/**
 * The exhibits a bundle with these options would hold, in the sections and order it would print them: what the
 * app shows for the user to rearrange before building. Their marks are the ones the bundle would give.
 */
public final class ExhibitArrangement {
    /**
     * One exhibit: its mark, title and day, its item (what a section plan names it by) and the section it is in.
     */
    public record Listed(String mark, String title, String date, long itemId, String section) {
    }

    private ExhibitArrangement() {
    }

    public static List<Listed> of(Vault vault, long caseId, BundleOptions options, Progress progress) {
        BundleContent content = BundleSelection.load(vault, caseId, options, progress);
        Redactor redactor = new Redactor(options.redactions());
        List<Listed> out = new ArrayList<>();
        for (ExhibitGroups.Group g : ExhibitGroups.of(content)) {
            for (ExhibitItem e : g.exhibits()) {
                out.add(new Listed(e.reference(), redactor.plain(e.description()), IndexEntry.day(e, content),
                        e.itemId(), g.title()));
            }
        }
        return out;
    }
}
