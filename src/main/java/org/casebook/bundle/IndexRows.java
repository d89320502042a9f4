package org.casebook.bundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** The finished index as rows, each with the page numbers of the final layout, redacted as the bundle is. */
final class IndexRows {
    private IndexRows() {
    }

    static List<IndexRow> of(BundleContent content, List<ExhibitGroups.Group> groups, List<IndexEntry> entries,
                             Map<String, PDPage> targets, PageNumbers printed, PDDocument document, Redactor redactor) {
        Map<COSDictionary, Integer> pageNumber = new IdentityHashMap<>();
        int n = 0;
        for (PDPage p : document.getPages()) {
            pageNumber.put(p.getCOSObject(), ++n);
        }
        Map<String, ExhibitGroups.Group> groupOf = new HashMap<>();
        Map<String, Long> itemOf = new HashMap<>();
        for (ExhibitGroups.Group g : groups) {
            groupOf.put(g.key(), g); // a section's own line is in it
            for (ExhibitItem e : g.exhibits()) {
                groupOf.put(e.key(), g);
                itemOf.put(e.key(), e.itemId());
            }
        }
        boolean family = content.options().profile() == BundleProfile.FAMILY;
        List<FamilySections.Part> parts = family ? FamilySections.of(groups) : List.of();
        String part = "";
        List<IndexRow> out = new ArrayList<>();
        for (IndexEntry e : entries) {
            if (family && e.level() == 0) {
                part = parts.stream().filter(p -> p.key().equals(e.key())).map(FamilySections.Part::title)
                        .findFirst().orElse(part);
            }
            PDPage page = targets.get(e.key());
            int pdfPage = page == null ? 0 : pageNumber.getOrDefault(page.getCOSObject(), 0);
            ExhibitGroups.Group g = groupOf.get(e.key());
            out.add(new IndexRow(redactor.plain(g != null ? g.title() : part), e.mark() == null ? "" : e.mark(),
                    redactor.plain(e.title()), e.mark() == null ? "" : e.detail(), printed.of(e.key()), pdfPage,
                    e.mark() == null ? null : itemOf.get(e.key())));
        }
        return out;
    }
}
