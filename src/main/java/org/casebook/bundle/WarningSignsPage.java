package org.casebook.bundle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.casebook.conduct.WarningSigns;
import org.casebook.model.Screening;
import org.casebook.model.WarningSign;

/**
 * The warning signs page, a screening aid: each sign in Casebook's own words, what the evidence shows of it, the
 * witness's answer, and where in this bundle the items that show it are (the row links to the first). In the
 * police profile, the screenings an advocate or officer ran with their own tools follow.
 */
final class WarningSignsPage {
    static final String KEY = "warning-signs";
    /** How many places a row names before "and N more". */
    private static final int PLACES = 6;
    private static final float[] X = {0, 118, 290, 372};

    private final BundleContent content;
    private final PageWriter w;
    private final PageNumbers numbers;
    private final ProofPages proof;

    WarningSignsPage(BundleContent content, PageWriter w, PageNumbers numbers, ProofPages proof) {
        this.content = content;
        this.w = w;
        this.numbers = numbers;
        this.proof = proof;
    }

    /** Whether the bundle has the page: there is conduct to screen, or the witness answered, or a screening. */
    static boolean shown(BundleContent content) {
        WarningSigns.Assessment risk = content.legal().risk();
        return risk != null && (SummaryPage.hasConduct(content.summary()) || !risk.screenings().isEmpty()
                || risk.findings().stream().anyMatch(f -> f.answer() != null));
    }

    private boolean police() {
        return content.options().profile() == BundleProfile.POLICE;
    }

    void write() throws IOException {
        if (!shown(content)) {
            return;
        }
        WarningSigns.Assessment risk = content.legal().risk();
        w.startTarget(KEY);
        w.title("Warning signs: a screening aid");
        w.paragraph(WarningSign.NOT_AN_ASSESSMENT, PageWriter.SUBHEADING);
        w.gap(4);
        w.paragraph("Published research on stalking finds these signs more often in the cases that end in serious"
                + " harm. They are described here in Casebook's own words; no screening tool's questions are"
                + " reproduced. A sign is counted from the evidence where it can be (the items the witness tagged"
                + " with it, or recorded in the diary as it) and answered by the witness where it cannot. Period: "
                + Dates.period(risk.from(), risk.to()) + "; " + risk.shownCount() + " of " + risk.findings().size()
                + " signs are shown by the evidence or the witness's answers.", PageWriter.SMALL);
        w.gap(6);
        String[] head = {"Sign", "What the evidence shows", "The witness says", "Where in this bundle"};
        List<PageWriter.Cell> header = new ArrayList<>();
        for (int i = 0; i < head.length; i++) {
            header.add(cell(head[i], PageWriter.SMALL_BOLD, i));
        }
        w.row(header);
        for (WarningSigns.Finding f : risk.findings()) {
            List<PageWriter.Cell> row = List.of(
                    cell((f.shown() ? "SHOWN: " : "Not shown: ") + f.sign().label() + "\n" + f.sign().meaning(),
                            PageWriter.SMALL, 0),
                    cell(f.evidence() == null ? "Not something the evidence can show." : f.evidence(),
                            PageWriter.SMALL, 1),
                    cell(answer(f), PageWriter.SMALL, 2),
                    cell(places(f), PageWriter.SMALL, 3));
            w.keepTogether(w.rowHeight(row), w.rowHeight(row));
            ProofPages.Place first = firstPlace(f);
            if (first == null) {
                w.row(row);
            } else {
                w.linked(first.key(), PageWriter.LEFT + X[3], PageWriter.RIGHT, () -> w.row(row));
            }
        }
        w.gap(4);
        w.paragraph("SHOWN: shown by the evidence or by the witness's answer. Not shown here does not mean absent.",
                PageWriter.SMALL);
        if (police()) {
            screenings(risk.screenings());
        }
    }

    private void screenings(List<Screening> screenings) throws IOException {
        w.heading("Risk screenings run by others");
        w.paragraph("Screenings an advocate or officer ran with their own tool, as they reported them. Casebook"
                + " records which tool, when, by whom and the outcome; it does not hold or score any tool's"
                + " questions.", PageWriter.SMALL);
        w.gap(4);
        if (screenings.isEmpty()) {
            w.paragraph("No screening is recorded in Casebook for this case.", PageWriter.BODY);
            return;
        }
        float[] x = {0, 62, 170, 300};
        String[] head = {"Date", "Tool", "Run by", "Outcome"};
        List<PageWriter.Cell> header = new ArrayList<>();
        for (int i = 0; i < head.length; i++) {
            header.add(PageWriter.Cell.of(head[i], PageWriter.SMALL_BOLD, PageWriter.LEFT + x[i], width(x, i)));
        }
        w.row(header);
        for (Screening s : screenings) {
            String[] v = {Dates.day(s.screenedOn()), s.tool(), s.screenedBy(),
                s.outcome() + (s.notes() == null ? "" : " \u2014 " + s.notes())};
            List<PageWriter.Cell> row = new ArrayList<>();
            for (int i = 0; i < v.length; i++) {
                row.add(PageWriter.Cell.of(v[i], i == 3 ? PageWriter.SMALL_BOLD : PageWriter.SMALL,
                        PageWriter.LEFT + x[i], width(x, i)));
            }
            w.row(row);
        }
    }

    private static String answer(WarningSigns.Finding f) {
        if (f.answer() == null) {
            return "Not answered.";
        }
        return f.answer().answer().label() + "." + (f.answer().note() == null ? "" : " " + f.answer().note());
    }

    /** The distinct places of the sign's items, in time order: "JS/3, p. 45; Diary, p. 12; and 4 more". */
    private String places(WarningSigns.Finding f) {
        java.util.Set<String> places = new java.util.LinkedHashSet<>();
        for (long id : f.itemIds()) {
            ProofPages.Place p = proof.of(id);
            if (p != null) {
                places.add(p.reference() + ", p. " + numbers.of(p.key()));
            }
        }
        if (places.isEmpty()) {
            return f.itemIds().isEmpty() ? "\u2014" : "Not in this bundle's selection.";
        }
        List<String> all = List.copyOf(places);
        String shown = String.join("; ", all.subList(0, Math.min(PLACES, all.size())));
        return all.size() > PLACES ? shown + "; and " + (all.size() - PLACES) + " more" : shown;
    }

    private ProofPages.Place firstPlace(WarningSigns.Finding f) {
        for (long id : f.itemIds()) {
            ProofPages.Place p = proof.of(id);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static PageWriter.Cell cell(String text, org.casebook.bundle.text.TextStyle style, int column) {
        return PageWriter.Cell.of(text, style, PageWriter.LEFT + X[column], width(X, column));
    }

    private static float width(float[] x, int i) {
        return (i + 1 < x.length ? x[i + 1] : PageWriter.WIDTH) - x[i];
    }
}
