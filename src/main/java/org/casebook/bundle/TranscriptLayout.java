package org.casebook.bundle;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.casebook.bundle.text.TextLine;
import org.casebook.bundle.text.TextStyle;
import org.casebook.evidence.Senders;
import org.casebook.evidence.TimeWords;
import org.casebook.model.TimelineItem;

/**
 * A conversation laid out as it was: day headings, then each message with sender, time and direction, and under
 * it the files sent with it (a photo printed, any other file described), each in a frame headed by its own
 * reference. The perpetrator's messages (from any of their numbers or accounts, as {@link
 * TimelineItem#fromPerpetrator} says for the whole app) carry a bold name and a solid rule down their left edge, so
 * they stand out in black and white; the witness's own messages are set to the right and marked "sent". A sender is
 * named as the export wrote them, with the person the witness attributes them to beside it; a time at a clock change
 * carries its offset or note.
 */
final class TranscriptLayout {
    private static final float RULE_X = PageWriter.LEFT + 1.5f;
    private static final float TEXT_X = PageWriter.LEFT + 10;
    private static final float OUTGOING_INDENT = 70;
    /** The largest a picture in a transcript is drawn: about a phone screen's worth, so the talk stays readable. */
    private static final float PICTURE_WIDTH = 300;
    private static final float PICTURE_HEIGHT = 260;
    /** A small picture (a sticker, a thumbnail) is enlarged at most this much (points per pixel). */
    private static final float MOST_POINTS_PER_PIXEL = 1.5f;
    private static final float PAD = 5;
    /** The flag an import sets on a message whose text was longer than it keeps. */
    private static final String SHORTENED = "shortened";
    static final String SHORTENED_NOTE = "[Shortened: this message is longer than Casebook keeps in one message."
            + " Its whole text is in the original export file, embedded in this bundle.]";

    private final PageWriter w;
    private final ZoneId zone;
    private final PrintImages images;
    /** How each original travels: as it is, as a cleaned copy, or (in a redacted copy) withheld. */
    private final OriginalPlans plans;
    private final List<String> warnings;

    TranscriptLayout(PageWriter writer, ZoneId zone, PrintImages images, OriginalPlans plans, List<String> warnings) {
        this.w = writer;
        this.zone = zone;
        this.images = images;
        this.plans = plans;
        this.warnings = warnings;
    }

    static String dayKey(ExhibitItem exhibit, LocalDate day) {
        return "day:" + exhibit.reference() + ":" + day;
    }

    void write(ExhibitItem exhibit) throws IOException {
        w.paragraph("Transcript. A bold name with a black bar on the left marks a message from a person named as the"
                + " perpetrator; the witness's own messages are set to the right and marked sent. Each sender is named"
                + " as the export wrote them; \"attributed to\" names the person the witness attributes them to."
                + " Times in " + zone.getId() + "; a time in an hour the clocks went back carries its offset (BST,"
                + " GMT), and a time at a clock change is marked."
                + (exhibit.files().isEmpty() ? "" : " Files sent with a message follow it in a frame, under a reference"
                + " of their own (" + exhibit.files().get(0).reference() + (exhibit.files().size() > 1 ? " to "
                + exhibit.files().get(exhibit.files().size() - 1).reference() : "") + "); each original is embedded"
                + " in this PDF and listed in the integrity appendix."), PageWriter.SMALL);
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
            message(m, exhibit.filesOf(m.id()));
        }
    }

    private void message(TimelineItem m, List<ExhibitItem> files) throws IOException {
        boolean perpetrator = m.fromPerpetrator();
        boolean outgoing = m.outgoing();
        boolean notice = m.flags() != null && List.of(m.flags().split(",")).contains("system");
        float x = TEXT_X + (outgoing ? OUTGOING_INDENT : 0);
        float width = PageWriter.RIGHT - x;
        String sender = m.sender() != null ? Senders.withAttribution(m.sender(), m.attributedTo()) : "Unknown sender";
        String who = notice ? "" : outgoing ? sender + " (sent)" : sender;
        String otherFlags = m.flags() == null ? "" : String.join(", ", java.util.Arrays.stream(m.flags().split(","))
                .filter(f -> !f.isBlank() && !f.equals("system")).toList());
        String marker = TimeWords.marker(m.when(), zone);
        // Said only as the export says it: a message whose direction the export does not record is not "received".
        String meta = (notice ? "" : "  ") + TimeWords.clockInWords(m.when(), zone)
                + (m.when().approximate() ? " (approximate)" : "") + (marker == null ? "" : "  [" + marker + "]")
                + (notice ? "  notice from the app, not a message from a person"
                : "incoming".equals(m.direction()) ? "  received" : "")
                + (m.kind() == org.casebook.model.ItemKind.CALL ? "  call" : "")
                + (otherFlags.isEmpty() ? "" : "  [" + otherFlags + "]");
        float headH = w.lineHeight(PageWriter.SMALL_BOLD);
        float lh = w.lineHeight(PageWriter.BODY);
        boolean textless = m.text() == null || m.text().isBlank();
        // a message that is only a file shows the file, not "(no text)"
        var lines = textless && !files.isEmpty() ? List.<TextLine>of()
                : w.wrap(textless ? "(no text)" : m.text(), PageWriter.BODY, width);
        // Keep the message with the first file sent with it when both fit on a page: a photo is read with its words.
        float start = headH + Math.min(lines.size(), 2) * lh;
        if (!files.isEmpty()) {
            float whole = headH + lines.size() * lh + 3 + fileBlock(files.get(0), width).height();
            if (whole <= PageWriter.TOP - PageWriter.BOTTOM - 40) {
                start = whole;
            }
        }
        w.need(start);
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
        for (ExhibitItem f : files) {
            w.gap(3);
            file(fileBlock(f, width), x, perpetrator);
        }
        w.gap(5);
    }

    /** A file's frame, measured: its picture (if it can be printed) at the size drawn, and its caption. */
    private record FileBlock(ExhibitItem file, PrintImages.Picture picture, float pictureWidth, float pictureHeight,
                             List<Caption> caption, float captionHeight, float width) {
        float height() {
            return PAD + (picture == null ? 0 : pictureHeight + PAD) + captionHeight + PAD;
        }
    }

    private FileBlock fileBlock(ExhibitItem f, float columnWidth) {
        PrintImages.Picture picture = null;
        String problem = null;
        if (f.kind() == ExhibitItem.Kind.PHOTO) {
            try {
                picture = images.find(f.sha256()).orElse(null);
            } catch (RuntimeException e) {
                picture = null;
            }
            if (picture == null) {
                problem = "The picture could not be decoded for printing.";
            }
        }
        float width = Math.min(columnWidth, PageWriter.WIDTH);
        float inner = width - 2 * PAD;
        List<Caption> caption = caption(f, picture, problem);
        float captionH = 0;
        for (Caption c : caption) {
            captionH += c.lines(w, inner).size() * w.lineHeight(c.style());
        }
        float dw = 0;
        float dh = 0;
        if (picture != null) {
            float scale = Math.min(MOST_POINTS_PER_PIXEL, Math.min(Math.min(inner, PICTURE_WIDTH) / picture.width(),
                    PICTURE_HEIGHT / picture.height()));
            dw = Math.max(1, picture.width() * scale);
            dh = Math.max(1, picture.height() * scale);
        }
        return new FileBlock(f, picture, dw, dh, caption, captionH, width);
    }

    /**
     * One file sent with the message, in a frame kept on one page: the picture (when it can be printed), then
     * its reference and name, its type and size, where its original is, and its SHA-256.
     */
    private void file(FileBlock b, float x, boolean perpetrator) throws IOException {
        ExhibitItem f = b.file();
        if (f.kind() == ExhibitItem.Kind.PHOTO && b.picture() == null) {
            warnings.add("Exhibit " + f.reference() + ": the picture could not be decoded; it is described"
                    + " instead and the original is embedded.");
        }
        w.need(b.height());
        w.mark(f.key());
        float top = w.y();
        w.gap(PAD);
        if (b.picture() != null) {
            w.stream().drawImage(images.image(w.document(), b.picture(), b.pictureWidth(), b.pictureHeight()),
                    x + PAD, w.y() - b.pictureHeight(), b.pictureWidth(), b.pictureHeight());
            w.gap(b.pictureHeight() + PAD);
        }
        float inner = b.width() - 2 * PAD;
        for (Caption c : b.caption()) {
            for (TextLine l : c.lines(w, inner)) {
                w.drawAt(l, c.style(), x + PAD, w.y());
                w.gap(w.lineHeight(c.style()));
            }
        }
        w.gap(PAD);
        frame(x, top, b.width(), top - w.y());
        if (perpetrator) {
            bar(top, w.y());
        }
    }

    /** One paragraph of a file's caption in its style; a {@code hash} caption ends with a SHA-256. */
    private record Caption(String text, TextStyle style, boolean hash) {
        Caption(String text, TextStyle style) {
            this(text, style, false);
        }

        /**
         * The caption's lines. A SHA-256 too wide for the frame (a sent file's frame is indented, and a court's
         * 12 pt is wide) goes on its own line, or in two halves of 32 characters, never broken at a random place.
         */
        List<TextLine> lines(PageWriter w, float width) {
            if (!hash || w.width(text, style) <= width) {
                return w.wrap(text, style, width);
            }
            int at = text.lastIndexOf(' ');
            String hex = text.substring(at + 1);
            List<TextLine> out = new ArrayList<>(w.wrap(text.substring(0, at), style, width));
            if (w.width(hex, style) <= width) {
                out.add(w.line(hex, style));
            } else {
                out.add(w.line(hex.substring(0, hex.length() / 2), style));
                out.add(w.line(hex.substring(hex.length() / 2), style));
            }
            return out;
        }
    }

    private List<Caption> caption(ExhibitItem f, PrintImages.Picture picture, String problem) {
        boolean photo = f.kind() == ExhibitItem.Kind.PHOTO;
        List<Caption> out = new ArrayList<>();
        out.add(new Caption((photo ? "Attached photo " : "Attached file ") + f.reference() + "  " + f.fileName(),
                PageWriter.SMALL_BOLD));
        StringBuilder facts = new StringBuilder(f.mediaType()).append(", ").append(ExhibitSection.size(f.size()));
        if (picture != null) {
            facts.append(", ").append(picture.width()).append(" x ").append(picture.height())
                    .append(" pixels, shown scaled. ");
        } else {
            facts.append(". ");
            if (problem != null) {
                facts.append(problem).append(' ');
            } else if (f.mediaType().equals("application/pdf")) {
                facts.append("Its pages are not reproduced in the transcript. ");
            } else {
                String kind = BundleSelection.kindNoun(f.mediaType());
                facts.append("aeiou".indexOf(kind.charAt(0)) >= 0 ? "An " : "A ").append(kind)
                        .append(" cannot be shown on paper. ");
            }
        }
        OriginalPlan plan = plans.of(f.reference());
        String shared = plans.sharedFrom(f) == null ? "" : ", identical to " + plans.sharedFrom(f);
        switch (plan.form()) {
            case WITHHELD -> facts.append("Its original is not embedded in this redacted copy because ")
                    .append(plan.reason().because()).append("; the SHA-256 below identifies it byte for byte.");
            case CLEANED -> facts.append("A copy without its location and device details is embedded in this PDF as \u201C")
                    .append(plans.attachmentName(f)).append("\u201D").append(shared).append('.');
            default -> facts.append("The original is embedded in this PDF as \u201C").append(plans.attachmentName(f))
                    .append("\u201D").append(shared).append('.');
        }
        out.add(new Caption(facts.toString(), PageWriter.SMALL));
        out.add(new Caption("SHA-256 " + f.sha256(), PageWriter.MONO, true));
        if (plan.form() == OriginalPlan.Form.CLEANED) {
            out.add(new Caption("SHA-256 of the copy embedded " + plan.embeddedSha256(), PageWriter.MONO, true));
        }
        return out;
    }

    private void frame(float x, float top, float width, float height) throws IOException {
        w.stream().setLineWidth(0.5f);
        w.stream().addRect(x, top - height, width, height);
        w.stream().stroke();
    }

    private void bar(float top, float bottom) throws IOException {
        w.stream().setLineWidth(3);
        w.stream().moveTo(RULE_X, top);
        w.stream().lineTo(RULE_X, bottom);
        w.stream().stroke();
    }
}
