package org.casebook.bundle.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;

/**
 * Greedy line breaking of one paragraph at the break opportunities of Unicode's line breaking rules
 * (UAX #14, ICU), splitting a word or URL that is wider than the line between grapheme clusters.
 * Widths come in as prefix sums so each candidate line is measured in O(1).
 * Not thread-safe (ICU break iterators keep state).
 */
final class LineBreaker {
    /** A line as char offsets into the paragraph: [start, end) with trailing white space left out. */
    record Span(int start, int end) {
    }

    private final BreakIterator lineBreaks = BreakIterator.getLineInstance(ULocale.ROOT);
    private final BreakIterator graphemes = BreakIterator.getCharacterInstance(ULocale.ROOT);

    /**
     * @param advances prefix sums: {@code advances[i]} is the width of {@code text[0, i)}; length text.length() + 1
     * @param max the widest a line may be; a single grapheme wider than that still gets a line of its own
     */
    List<Span> breakLines(String text, float[] advances, float max) {
        List<Span> lines = new ArrayList<>();
        if (text.isEmpty()) {
            lines.add(new Span(0, 0));
            return lines;
        }
        lineBreaks.setText(text);
        int lineStart = 0;
        int accepted = 0;  // end of the segments already on the current line, trailing spaces included
        for (int end = lineBreaks.following(0); end != BreakIterator.DONE; end = lineBreaks.next()) {
            int contentEnd = trimEnd(text, accepted, end);
            if (advances[contentEnd] - advances[lineStart] > max) {
                if (accepted > lineStart) {
                    lines.add(new Span(lineStart, trimEnd(text, lineStart, accepted)));
                    lineStart = accepted;
                }
                if (advances[contentEnd] - advances[lineStart] > max) {
                    lineStart = splitWord(text, lineStart, contentEnd, advances, max, lines);
                }
            }
            accepted = end;
        }
        lines.add(new Span(lineStart, trimEnd(text, lineStart, text.length())));
        return lines;
    }

    /** Emits full lines of the word [start, end) and returns where its last, partial line starts. */
    private int splitWord(String text, int start, int end, float[] advances, float max, List<Span> lines) {
        graphemes.setText(text);
        int chunkStart = start;
        int lastFit = start;
        for (int g = graphemes.following(start); g != BreakIterator.DONE && g <= end; g = graphemes.next()) {
            // A grapheme wider than the line on its own stays alone on its line rather than being lost.
            if (advances[g] - advances[chunkStart] > max && lastFit > chunkStart) {
                lines.add(new Span(chunkStart, lastFit));
                chunkStart = lastFit;
            }
            lastFit = g;
        }
        return chunkStart;
    }

    /** {@code end} moved back over white space (and invisible format characters), not before {@code start}. */
    static int trimEnd(String text, int start, int end) {
        while (end > start) {
            int cp = text.codePointBefore(end);
            if (!UCharacter.isUWhiteSpace(cp) && !Typesetter.isInvisible(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return end;
    }
}
