package org.casebook.bundle;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.casebook.bundle.text.TextLine;
import org.casebook.evidence.Senders;
import org.casebook.evidence.TimeWords;
import org.casebook.model.TimelineItem;

/**
 * A conversation laid out as it was: day headings, then each message with sender, time and direction. The
 * perpetrator's messages (from any of their numbers or accounts, as {@link TimelineItem#fromPerpetrator} says for
 * the whole app) carry a bold name and a solid rule down their left edge, so they stand out in black and white;
 * the witness's own messages are set to the right and marked "sent". A sender is named as the export wrote them,
 * with the person the witness attributes them to beside it; a time at a clock change carries its offset or note.
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

    TranscriptLayout(PageWriter writer, ZoneId zone) {
        this.w = writer;
        this.zone = zone;
    }

    static String dayKey(ExhibitItem exhibit, LocalDate day) {
        return "day:" + exhibit.reference() + ":" + day;
    }

    void write(ExhibitItem exhibit) throws IOException {
        w.paragraph("Transcript. A bold name with a black bar on the left marks a message from a person named as the"
                + " perpetrator; the witness's own messages are set to the right and marked sent. Each sender is named"
                + " as the export wrote them; \"attributed to\" names the person the witness attributes them to."
                + " Times in " + zone.getId() + "; a time in an hour the clocks went back carries its offset (BST,"
                + " GMT), and a time at a clock change is marked.", PageWriter.SMALL);
        LocalDate day = null;
        for (TimelineItem m : exhibit.messages()) {
            LocalDate d = TimeWords.day(m.when(), zone);
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
        boolean perpetrator = m.fromPerpetrator();
        boolean outgoing = m.outgoing();
        float x = TEXT_X + (outgoing ? OUTGOING_INDENT : 0);
        float width = PageWriter.RIGHT - x;
        String sender = m.sender() != null ? Senders.withAttribution(m.sender(), m.attributedTo()) : "Unknown sender";
        String who = outgoing ? sender + " (sent)" : sender;
        String marker = TimeWords.marker(m.when(), zone);
        // Said only as the export says it: a message whose direction the export does not record is not "received".
        String meta = "  " + TimeWords.clockInWords(m.when(), zone) + (m.when().approximate() ? " (approximate)" : "")
                + (marker == null ? "" : "  [" + marker + "]") + ("incoming".equals(m.direction()) ? "  received" : "")
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
