package org.casebook.bundle.text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Measures, wraps and draws text with a {@link FontSet}. Temporary stand-in: greedy word wrap, characters the
 * font lacks become '?', U+E000 becomes a "[redacted]" box. Replaced by the text package at merge.
 */
public final class Typesetter {
    private static final char REDACTED = '\uE000';
    private static final String REDACTED_LABEL = "[redacted]";
    private final FontSet fonts;
    private final Map<Face, Map<Integer, Boolean>> known = new HashMap<>();

    public Typesetter(FontSet fonts) {
        this.fonts = fonts;
    }

    public List<TextLine> wrap(String text, TextStyle style, float width) {
        List<TextLine> out = new ArrayList<>();
        String safe = text == null ? "" : text;
        for (String paragraph : safe.split("\n", -1)) {
            String clean = clean(paragraph, style.face());
            if (clean.isBlank()) {
                out.add(new StyledLine("", 0, style));
                continue;
            }
            StringBuilder current = new StringBuilder();
            for (String word : clean.trim().split(" +")) {
                String candidate = current.length() == 0 ? word : current + " " + word;
                if (measure(candidate, style) <= width) {
                    current.setLength(0);
                    current.append(candidate);
                    continue;
                }
                if (current.length() > 0) {
                    out.add(line(current.toString(), style));
                    current.setLength(0);
                }
                String rest = word;
                while (measure(rest, style) > width && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && measure(rest.substring(0, cut), style) > width) {
                        cut--;
                    }
                    out.add(line(rest.substring(0, cut), style));
                    rest = rest.substring(cut);
                }
                current.append(rest);
            }
            if (current.length() > 0) {
                out.add(line(current.toString(), style));
            }
        }
        return out;
    }

    public TextLine line(String text, TextStyle style) {
        String clean = clean(text == null ? "" : text.replace('\n', ' '), style.face());
        return new StyledLine(clean, measure(clean, style), style);
    }

    private record StyledLine(String text, float width, TextStyle style) implements TextLine {
        @Override
        public boolean rightToLeft() {
            return false;
        }
    }

    public float width(String text, TextStyle style) {
        return measure(clean(text == null ? "" : text.replace('\n', ' '), style.face()), style);
    }

    public float lineHeight(TextStyle style) {
        return style.size() * 1.3f;
    }

    public float ascent(TextStyle style) {
        return style.size() * 0.76f;
    }

    public void draw(PDPageContentStream stream, TextLine line, float x, float y) throws IOException {
        TextStyle style = line instanceof StyledLine s ? s.style() : new TextStyle(Face.REGULAR, 10);
        drawText(stream, line.text(), style, x, y);
    }

    private float measure(String clean, TextStyle style) {
        PDType0Font font = fonts.font(style.face());
        float total = 0;
        int start = 0;
        try {
            for (int i = 0; i <= clean.length(); i++) {
                if (i == clean.length() || clean.charAt(i) == REDACTED) {
                    total += font.getStringWidth(clean.substring(start, i)) / 1000f * style.size();
                    if (i < clean.length()) {
                        total += fonts.font(Face.BOLD).getStringWidth(REDACTED_LABEL) / 1000f * style.size() + 4;
                    }
                    start = i + 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            return clean.length() * style.size() * 0.6f;
        }
        return total;
    }

    private void drawText(PDPageContentStream stream, String clean, TextStyle style, float x, float y)
            throws IOException {
        PDType0Font font = fonts.font(style.face());
        float cursor = x;
        int start = 0;
        for (int i = 0; i <= clean.length(); i++) {
            if (i == clean.length() || clean.charAt(i) == REDACTED) {
                String run = clean.substring(start, i);
                if (!run.isEmpty()) {
                    stream.beginText();
                    stream.setFont(font, style.size());
                    stream.newLineAtOffset(cursor, y);
                    stream.showText(run);
                    stream.endText();
                    cursor += font.getStringWidth(run) / 1000f * style.size();
                }
                if (i < clean.length()) {
                    float w = fonts.font(Face.BOLD).getStringWidth(REDACTED_LABEL) / 1000f * style.size() + 4;
                    stream.addRect(cursor, y - style.size() * 0.25f, w, style.size() * 1.1f);
                    stream.fill();
                    stream.beginText();
                    stream.setFont(fonts.font(Face.BOLD), style.size());
                    stream.setNonStrokingColor(1f);
                    stream.newLineAtOffset(cursor + 2, y);
                    stream.showText(REDACTED_LABEL);
                    stream.endText();
                    stream.setNonStrokingColor(0f);
                    cursor += w;
                }
                start = i + 1;
            }
        }
    }

    /** Tabs and control characters become spaces; characters the font lacks become '?'. */
    private String clean(String text, Face face) {
        StringBuilder out = new StringBuilder(text.length());
        Map<Integer, Boolean> cache = known.computeIfAbsent(face, f -> new HashMap<>());
        PDType0Font font = fonts.font(face);
        text.codePoints().forEach(cp -> {
            if (cp == REDACTED) {
                out.append(REDACTED);
            } else if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (cache.computeIfAbsent(cp, c -> encodable(font, c))) {
                out.appendCodePoint(cp);
            } else {
                fonts.warnings.add("No font has the character U+" + Integer.toHexString(cp).toUpperCase()
                        + "; it is shown as '?'.");
                out.append('?');
            }
        });
        return out.toString();
    }

    private static boolean encodable(PDType0Font font, int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
