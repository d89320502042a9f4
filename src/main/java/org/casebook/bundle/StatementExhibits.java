package org.casebook.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.casebook.statement.ExhibitRef;
import org.casebook.statement.StatementProfile;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;

/**
 * The exhibits a statement produces, marked exactly as the bundle marks them: the case's exhibits in time order,
 * then the diary (when there are diary entries) under the next number, so that adding the diary never renumbers
 * another exhibit.
 */
public final class StatementExhibits {
    private StatementExhibits() {
    }

    /** The whole case's exhibits as a bundle of everything in {@code profile} numbers them. */
    public static List<ExhibitRef> of(Vault vault, long caseId, StatementProfile profile) {
        BundleOptions options = BundleOptions.all().withProfile(BundleProfile.fromCode(profile.code()));
        return of(BundleSelection.load(vault, caseId, options, Progress.NONE));
    }

    static List<ExhibitRef> of(BundleContent content) {
        List<ExhibitRef> out = new ArrayList<>();
        for (ExhibitItem e : content.exhibits()) {
            out.add(ref(e));
        }
        String diary = diaryMark(content);
        if (diary != null) {
            var first = content.incidents().get(0);
            out.add(new ExhibitRef(diary, first.id(), "diary", "Diary", "my diary entries", null,
                    first.when().at(), content.incidents().get(content.incidents().size() - 1).when().at(),
                    content.incidents().size(), List.of(), List.of()));
        }
        return out;
    }

    /** The diary's mark, e.g. "SM/15" after 14 exhibits, or null when the bundle holds no diary entry. */
    static String diaryMark(BundleContent content) {
        if (content.incidents().isEmpty()) {
            return null;
        }
        String prefix = content.options().exhibitPrefix() == null || content.options().exhibitPrefix().isBlank()
                ? content.aCase().initials() : content.options().exhibitPrefix().strip();
        return prefix + "/" + (content.exhibits().size() + 1);
    }

    private static ExhibitRef ref(ExhibitItem e) {
        List<ExhibitRef> parts = new ArrayList<>();
        for (ExhibitItem f : e.files()) {
            parts.add(ref(f));
        }
        return new ExhibitRef(e.reference(), e.itemId(), e.kind().name().toLowerCase(Locale.ROOT), e.typeLabel(),
                e.description(), e.fileName(), e.at(), e.until(), e.messages().size(), e.incidentIds(), parts);
    }
}
