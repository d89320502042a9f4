package org.casebook.bundle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.casebook.evidence.Continuity;

/**
 * Continuity of the exhibits: for each original in the bundle, who exported or copied it, from which device and
 * app, on what day and by what method (as recorded by the witness or whoever did it), and when it entered the
 * vault (the vault's own record). An original with nothing recorded says so rather than staying silent.
 */
final class ContinuityPage {
    private static final float[] X = {0, 52, 170, 390};
    private static final String[] HEAD = {"Exhibit", "Original file", "Exported or copied", "Entered the vault"};

    private final BundleContent content;
    private final PageWriter w;

    ContinuityPage(BundleContent content, PageWriter writer) {
        this.content = content;
        this.w = writer;
    }

    void write() throws IOException {
        if (content.exhibits().isEmpty()) {
            return;
        }
        w.startTarget(IndexEntry.CONTINUITY);
        w.title("Continuity of the exhibits");
        w.paragraph("Where each original came from: who exported or copied it, from which device and app, when and"
                + " how, as recorded by the witness; and when it was put into the Casebook vault, from which point"
                + " its SHA-256 (in the integrity appendix) shows it has not changed.", PageWriter.SMALL);
        w.gap(6);
        w.continuation(this::header);
        header();
        for (Original o : originals()) {
            Continuity.Record r = content.legal().continuity().get(o.item().sha256());
            String[] v = {String.join(", ", o.marks()), o.item().fileName() == null ? "—" : o.item().fileName(),
                describe(r, content.aCase().zone()), Dates.dayTime(o.item().added(), content.aCase().zone())};
            List<PageWriter.Cell> cells = new ArrayList<>();
            for (int i = 0; i < v.length; i++) {
                cells.add(PageWriter.Cell.of(v[i], i == 0 ? PageWriter.SMALL_BOLD : PageWriter.SMALL,
                        PageWriter.LEFT + X[i], width(i)));
            }
            w.row(cells);
        }
        w.finish();
    }

    /** An original file and every exhibit made from it (an SMS backup holds one conversation per exhibit). */
    private record Original(ExhibitItem item, List<String> marks) {
    }

    /** Each original once, in the order its first exhibit comes, with the marks of all the exhibits it is in. */
    private List<Original> originals() {
        java.util.Map<String, Original> bySha = new java.util.LinkedHashMap<>();
        for (ExhibitItem e : content.exhibits()) {
            for (ExhibitItem original : e.originals()) {
                if (original.sha256() == null || original != e && original.sha256().equals(e.sha256())) {
                    continue;
                }
                List<String> marks = bySha.computeIfAbsent(original.sha256(),
                        sha -> new Original(original, new ArrayList<>())).marks();
                if (!marks.contains(original.reference())) {
                    marks.add(original.reference());
                }
            }
        }
        return List.copyOf(bySha.values());
    }

    private void header() {
        try {
            List<PageWriter.Cell> cells = new ArrayList<>();
            for (int i = 0; i < HEAD.length; i++) {
                cells.add(PageWriter.Cell.of(HEAD[i], PageWriter.SMALL_BOLD, PageWriter.LEFT + X[i], width(i)));
            }
            w.row(cells);
            w.rule(PageWriter.LEFT, PageWriter.RIGHT, 0.6f);
            w.gap(3);
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /**
     * What the witness recorded, then what the export itself says of when it was made: "By Alex Example, from her
     * iPhone 12 with WhatsApp, on 2 Apr 2024. Method: Export chat. The file itself says it was made 2 Apr 2024,
     * 21:14 (the time of the newest file in the zip, _chat.txt)."
     */
    static String describe(Continuity.Record r, java.time.ZoneId zone) {
        String recorded = describe(r);
        if (r == null || r.exportSays() == null) {
            return recorded;
        }
        return (r.isEmpty() ? "Not recorded by the witness." : recorded) + " The file itself says it was made "
                + Dates.dayTime(r.exportSays().at(), zone) + " (" + r.exportSays().basis() + ").";
    }

    /** "By Alex Example, from her iPhone 12 with WhatsApp, on 2 Apr 2024; Export chat, e-mailed to herself." */
    static String describe(Continuity.Record r) {
        if (r == null || r.isEmpty()) {
            return "Not recorded.";
        }
        List<String> parts = new ArrayList<>();
        if (r.exportedBy() != null) {
            parts.add("By " + r.exportedBy());
        }
        String from = r.device() == null ? null : "from " + r.device();
        String with = r.app() == null ? null : "with " + r.app();
        String on = r.exportedOn() == null ? null : "on " + Dates.day(r.exportedOn());
        for (String s : new String[] {from, with, on}) {
            if (s != null) {
                parts.add(parts.isEmpty() ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s);
            }
        }
        String sentence = String.join(", ", parts);
        if (r.method() != null) {
            sentence = sentence.isEmpty() ? "Method: " + r.method() : sentence + ". Method: " + r.method();
        }
        return sentence.endsWith(".") ? sentence : sentence + ".";
    }

    private static float width(int i) {
        return (i + 1 < X.length ? X[i + 1] : PageWriter.WIDTH) - X[i];
    }
}
