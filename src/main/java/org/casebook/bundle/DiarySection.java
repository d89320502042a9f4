package org.casebook.bundle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.casebook.model.Incident;

/** The diary entries in full, as the person wrote them, with the exhibits that go with each. */
final class DiarySection {
    private final BundleContent content;
    private final PageWriter w;

    DiarySection(BundleContent content, PageWriter writer) {
        this.content = content;
        this.w = writer;
    }

    static String key(Incident incident) {
        return "diary:" + incident.id();
    }

    void write() throws IOException {
        w.startTarget(IndexEntry.DIARY);
        w.title("Diary entries");
        if (content.incidents().isEmpty()) {
            w.paragraph("No diary entries are recorded in this period.", PageWriter.BODY);
        }
        int n = 0;
        for (Incident i : content.incidents()) {
            n++;
            w.need(w.lineHeight(PageWriter.SUBHEADING) + 3 * w.lineHeight(PageWriter.BODY));
            w.gap(6);
            w.mark(key(i));
            w.paragraph(n + ". " + Dates.dayTime(i.when(), content.aCase().zone()) + " — " + i.type().label(),
                    PageWriter.SUBHEADING);
            w.paragraph(i.description(), PageWriter.BODY);
            List<String[]> facts = new ArrayList<>();
            if (i.location() != null && !i.location().isBlank()) {
                facts.add(new String[] {"Where", i.location()});
            }
            if (!i.witnesses().isEmpty()) {
                facts.add(new String[] {"Witnesses", String.join("; ", i.witnesses())});
            }
            if (i.impact() != null && !i.impact().isBlank()) {
                facts.add(new String[] {"Effect on me", i.impact()});
            }
            if (i.policeRef() != null && !i.policeRef().isBlank()) {
                facts.add(new String[] {"Reported", i.policeRef()});
            }
            List<String> refs = content.incidentExhibits().getOrDefault(i.id(), List.of());
            if (!refs.isEmpty()) {
                facts.add(new String[] {"Exhibits", String.join(", ", refs)});
            }
            facts.add(new String[] {"Written down", Dates.dayTime(i.added(), content.aCase().zone())});
            for (String[] f : facts) {
                w.row(List.of(PageWriter.Cell.of(f[0], PageWriter.SMALL_BOLD, PageWriter.LEFT + 12, 80),
                        PageWriter.Cell.of(f[1], PageWriter.SMALL, PageWriter.LEFT + 92, PageWriter.WIDTH - 92)));
            }
            new AmendmentNotes(w, content.aCase().zone()).write(content.legal().amendmentsOf(i.id()));
        }
        w.finish();
    }
}
