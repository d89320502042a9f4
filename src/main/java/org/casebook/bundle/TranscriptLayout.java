package org.casebook.bundle;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.casebook.bundle.text.TextLine;
import org.casebook.model.TimelineItem;

/**
 * A conversation laid out as it was: day headings, then each message with sender, time and direction. The
 * perpetrator's messages carry a bold name and a solid rule down their left edge, so they stand out in black
 * and white; the witness's own messages are indented.
 */
final class TranscriptLayout {
    private static final float RULE_X = PageWriter.LEFT + 1.5f;
    private static final float TEXT_X = PageWriter.LEFT + 10;
    private static final float OUTGOING_INDENT = 70;
    /** The flag an import sets on a message whose text was longer than it keeps. */
    private static final String SHORTENED = "shortened";
    static final String SHORTENED_NOTE = "[Shortened: this message is longer than Casebook keeps in one message."
            + " Its whole text is in the original export file, embedded in this bundle.]";

    private final PageWriter w;
    private final ZoneId zone;
    private final Set<Long> perpetrators;

    TranscriptLayout(PageWriter writer, ZoneId zone, Set<Long> perpetrators) {
        this.w = writer;
        this.zone = zone;
        this.perpetrators = perpetrators;
    }

    static String dayKey(ExhibitItem exhibit, LocalDate day) {
        return "day:" + exhibit.reference() + ":" + day;
    }

    void write(ExhibitItem exhibit) throws IOException {
        w.paragraph("Transcript. A bold name with a black bar on the left marks a message from a person named as the"
                + " perpetrator; the witness's own messages are indented. Times in " + zone.getId() + ".",
                PageWriter.SMALL);
        LocalDate day = null;
        for (TimelineItem m : exhibit.messages()) {
            LocalDate d = m.when().at().withZoneSameInstant(zone).toLocalDate();
            if (!d.equals(day)) {
                day = d;
                // the day's heading never ends a page: keep it with the first message's header and line
                w.need(8 + w.lineHeight(PageWriter.SUBHEADING) + 4 + w.lineHeight(PageWriter.SMALL_BOLD)
                        + 2 * w.lineHeight(PageWriter.BODY));
                w.gap(8);
                w.mark(dayKey(exhibit, d));
                w.paragraph(Dates.longDay(d), PageWriter.SUBHEADING);
                w.rule(PageWriter.LEFT, PageWriter.RIGHT, 0.4f);
                w.gap(4);
            }
            message(m);
        }
    }

    private void message(TimelineItem m) throws IOException {
        boolean perpetrator = m.senderId() != null && perpetrators.contains(m.senderId());
        boolean outgoing = "outgoing".equals(m.direction());
        float x = TEXT_X + (outgoing ? OUTGOING_INDENT : 0);
        float width = PageWriter.RIGHT - x;
        String who = outgoing ? "Me (sent)" : m.sender() != null ? m.sender() : "Unknown sender";
        String meta = "  " + Dates.time(m.when().at(), zone) + (outgoing ? "" : "  received")
                + (m.kind() == org.casebook.model.ItemKind.CALL ? "  call" : "")
                + (m.flags() == null || m.flags().isBlank() ? "" : "  [" + m.flags().replace(",", ", ") + "]");
        float headH = w.lineHeight(PageWriter.SMALL_BOLD);
        float lh = w.lineHeight(PageWriter.BODY);
        var lines = w.wrap(m.text() == null || m.text().isBlank() ? "(no text)" : m.text(), PageWriter.BODY, width);
        w.need(headH + Math.min(lines.size(), 2) * lh);
        TextLine name = w.line(who, perpetrator ? PageWriter.SMALL_BOLD : PageWriter.SMALL);
        float top = w.y();
        w.drawAt(name, PageWriter.SMALL_BOLD, x, top);
        w.drawAt(w.line(meta, PageWriter.SMALL), PageWriter.SMALL, x + name.width(), top);
        w.gap(headH);
        if (perpetrator) {
            bar(top, w.y());
        }
        for (TextLine l : lines) {
            if (w.y() - lh < PageWriter.BOTTOM) {
                w.newPage();
            }
            float lineTop = w.y();
            w.drawAt(l, PageWriter.BODY, x, lineTop);
            w.gap(lh);
            if (perpetrator) {
                bar(lineTop, w.y());
            }
        }
        if (m.flags() != null && List.of(m.flags().split(",")).contains(SHORTENED)) {
            float small = w.lineHeight(PageWriter.SMALL);
            for (TextLine l : w.wrap(SHORTENED_NOTE, PageWriter.SMALL, width)) {
                if (w.y() - small < PageWriter.BOTTOM) {
                    w.newPage();
                }
                w.drawAt(l, PageWriter.SMALL, x, w.y());
                w.gap(small);
            }
        }
        w.gap(5);
    }

    private void bar(float top, float bottom) throws IOException {
        w.stream().setLineWidth(3);
        w.stream().moveTo(RULE_X, top);
        w.stream().lineTo(RULE_X, bottom);
        w.stream().stroke();
    }
}
