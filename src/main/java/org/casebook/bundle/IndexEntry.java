package org.casebook.bundle;

import java.util.ArrayList;
import java.util.List;
import org.casebook.evidence.Plural;

/** One line of the index, and the same line of the outline. */
record IndexEntry(String title, String key, int level, String detail) {
    static final String COVER = "cover";
    static final String INDEX = "index";
    static final String EXHIBIT_LIST = "exhibit-list";
    static final String SUMMARY = "summary";
    static final String CHRONOLOGY = "chronology";
    static final String STATEMENT = BundleStatement.KEY;
    static final String WHO_IS_WHO = "who-is-who";
    static final String CONTINUITY = "continuity";
    static final String DIARY = "diary";
    static final String EXHIBITS = "exhibits";
    static final String APPENDIX = "appendix";

    /** Every section, and every exhibit under "Exhibits", in bundle order. */
    static List<IndexEntry> of(BundleContent content) {
        List<IndexEntry> out = new ArrayList<>();
        out.add(new IndexEntry("Cover", COVER, 0, null));
        out.add(new IndexEntry("Index", INDEX, 0, null));
        if (content.options().profile() == BundleProfile.POLICE) {
            out.add(new IndexEntry("Exhibit list", EXHIBIT_LIST, 0, null));
        }
        if (SummaryPage.hasConduct(content.summary())) {
            out.add(new IndexEntry("Course-of-conduct summary", SUMMARY, 0, null));
        }
        if (WarningSignsPage.shown(content)) {
            out.add(new IndexEntry("Warning signs (a screening aid)", WarningSignsPage.KEY, 0, null));
        }
        if (WhoIsWhoPage.shown(content)) {
            out.add(new IndexEntry("Who is who", WHO_IS_WHO, 0, null));
        }
        out.add(new IndexEntry("Chronology", CHRONOLOGY, 0, null));
        if (!content.exhibits().isEmpty()) {
            out.add(new IndexEntry("Continuity of the exhibits", CONTINUITY, 0, null));
        }
        out.add(new IndexEntry("Witness statement", STATEMENT, 0, null));
        String diaryMark = StatementExhibits.diaryMark(content);
        out.add(new IndexEntry("Diary entries", DIARY, 0, Plural.of(content.incidents().size(), "entry")
                + (diaryMark == null ? "" : ", exhibit " + diaryMark)));
        out.add(new IndexEntry("Exhibits", EXHIBITS, 0, Plural.of(content.exhibits().size(), "exhibit")));
        for (ExhibitItem e : content.exhibits()) {
            // where and when each was found or produced is the police profile's exhibit list, not the index
            out.add(new IndexEntry(e.reference() + " — " + e.description(), e.key(), 1,
                    Dates.of(e, content.aCase().zone())));
        }
        out.add(new IndexEntry("Integrity appendix", APPENDIX, 0, null));
        return out;
    }

    /** Who prepared the bundle: the name given for this bundle, else the case's cover, else "the witness". */
    static String producer(BundleContent content) {
        String by = content.options().preparedBy();
        if (by == null || by.isBlank()) {
            by = content.cover().preparedBy();
        }
        return by == null || by.isBlank() ? "the witness" : by;
    }
}
