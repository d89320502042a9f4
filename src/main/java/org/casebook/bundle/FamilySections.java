package org.casebook.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A family bundle's sections as FPR PD27A defines them, in its order: preliminary documents (here the cover,
 * index, summary, who is who, chronology and continuity), applications and orders (the orders' own documents),
 * statements and affidavits (the witness statement, the diary and the exhibits the statement produces), then any
 * sections the user named (PD27A's other documents, divided as appropriate) and other documents (the integrity
 * appendix). Care plans and experts' reports have no place in what Casebook holds, so those sections are left
 * out rather than printed empty. Each section present gets the next letter, and its pages are numbered within it
 * (A1, A2, ..., B1, ...): the printed number is the page label.
 */
final class FamilySections {
    static final String PRELIMINARY = "Preliminary documents";
    static final String STATEMENTS = "Statements and affidavits";
    static final String OTHER = "Other documents";

    /**
     * One section: its letter, title, the key of its first page, and whether it is a group of exhibits (whose index
     * entry is the section's own) rather than a run of the bundle's own parts.
     */
    record Part(String letter, String title, String key, boolean exhibitGroup) {
        String heading() {
            return "Section " + letter + " \u2014 " + title;
        }
    }

    private FamilySections() {
    }

    static List<Part> of(List<ExhibitGroups.Group> groups) {
        List<Part> out = new ArrayList<>();
        out.add(part(out, PRELIMINARY, IndexEntry.COVER, false));
        for (ExhibitGroups.Group g : groups) {
            if (g.kind() == ExhibitGroups.Kind.ORDERS) {
                out.add(part(out, g.title(), g.key(), true));
            }
        }
        out.add(part(out, STATEMENTS, IndexEntry.STATEMENT, false));
        for (ExhibitGroups.Group g : groups) {
            if (g.kind() == ExhibitGroups.Kind.NAMED) {
                out.add(part(out, g.title(), g.key(), true));
            }
        }
        out.add(part(out, OTHER, IndexEntry.APPENDIX, false));
        return out;
    }

    private static Part part(List<Part> before, String title, String key, boolean group) {
        return new Part(String.valueOf((char) ('A' + before.size())), title, key, group);
    }

    /** The page-label sections, from each part's first page (0-based indexes by key). */
    static List<PageStamper.Section> labels(List<Part> parts, Map<String, Integer> pageIndex) {
        List<PageStamper.Section> out = new ArrayList<>();
        for (Part p : parts) {
            Integer first = pageIndex.get(p.key());
            if (first != null) {
                out.add(new PageStamper.Section(p.letter(), first));
            }
        }
        return out;
    }

    /**
     * The index with the sections as its top level: a section of exhibits is headed by its own entry; a run of the
     * bundle's parts gets a heading entry and its entries move one level down.
     */
    static List<IndexEntry> nest(List<IndexEntry> entries, List<Part> parts) {
        List<IndexEntry> out = new ArrayList<>();
        boolean shift = false;
        for (IndexEntry e : entries) {
            Part starts = e.level() == 0 ? parts.stream().filter(p -> p.key().equals(e.key())).findFirst()
                    .orElse(null) : null;
            if (starts != null && starts.exhibitGroup()) {
                out.add(new IndexEntry(starts.heading(), e.key(), 0, e.detail()));
                shift = false;
                continue;
            }
            if (starts != null) {
                out.add(new IndexEntry(starts.heading(), e.key(), 0, null));
                shift = true;
            }
            out.add(shift ? e.atLevel(e.level() + 1) : e);
        }
        return out;
    }
}
