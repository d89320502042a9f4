package org.casebook.bundle;

import java.util.ArrayList;
import java.util.List;
import org.casebook.evidence.Plural;

/**
 * One line of the index, and the same line of the outline.
 *
 * @param mark for an exhibit, its reference (then {@code title} is its description and {@code detail} its date);
 *             else null
 */
record IndexEntry(String title, String key, int level, String detail, String mark) {
    IndexEntry(String title, String key, int level, String detail) {
        this(title, key, level, detail, null);
    }

    IndexEntry atLevel(int newLevel) {
        return new IndexEntry(title, key, newLevel, detail, mark);
    }

    /** How an exhibit is named in a bookmark: "JS/3 — description"; else the title. */
    String named() {
        return mark == null ? title : mark + " — " + title;
    }

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
        List<ExhibitGroups.Group> groups = ExhibitGroups.of(content);
        // a family bundle's orders come before the statements (FPR PD27A's order)
        groups.stream().filter(g -> g.kind() == ExhibitGroups.Kind.ORDERS).forEach(g -> group(out, g, content));
        out.add(new IndexEntry("Witness statement", STATEMENT, 0, null));
        String diaryMark = StatementExhibits.diaryMark(content);
        out.add(new IndexEntry("Diary entries", DIARY, 0, Plural.of(content.incidents().size(), "entry")
                + (diaryMark == null ? "" : ", exhibit " + diaryMark)));
        groups.stream().filter(g -> g.kind() != ExhibitGroups.Kind.ORDERS).forEach(g -> group(out, g, content));
        out.add(new IndexEntry("Integrity appendix", APPENDIX, 0, null));
        if (content.options().profile() == BundleProfile.FAMILY) {
            return FamilySections.nest(out, FamilySections.of(groups));
        }
        return out;
    }

    /** A section of exhibits and, under it, each exhibit on one row: mark, title, date (and page). */
    private static void group(List<IndexEntry> out, ExhibitGroups.Group g, BundleContent content) {
        out.add(new IndexEntry(g.title(), g.key(), 0, Plural.of(g.exhibits().size(), "exhibit")));
        for (ExhibitItem e : g.exhibits()) {
            // where and when each was found or produced is the police profile's exhibit list, not the index
            out.add(new IndexEntry(e.description(), e.key(), 1, day(e, content), e.reference()));
        }
    }

    /** The day an exhibit is of, as one short column: "about" when its time is an estimate (not a known day). */
    static String day(ExhibitItem e, BundleContent content) {
        return (e.approximate() && !TimeSources.dateOnly(e.timeSource()) ? "about " : "")
                + Dates.day(e.at().withZoneSameInstant(content.aCase().zone()).toLocalDate());
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
