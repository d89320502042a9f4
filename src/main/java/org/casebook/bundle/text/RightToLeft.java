package org.casebook.bundle.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterDirection;
import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;

/**
 * Right-to-left support with ICU: Arabic letters shaped into the presentation forms DejaVu draws (PDFBox
 * does no shaping of its own), and each line reordered from reading order into drawing order by the
 * Unicode bidi algorithm, with brackets mirrored.
 */
final class RightToLeft {
    private static final int REORDER = Bidi.DO_MIRRORING | Bidi.KEEP_BASE_COMBINING | Bidi.REMOVE_BIDI_CONTROLS;

    private final TextWarnings warnings;
    private final ArabicShaping shaping = new ArabicShaping(
            ArabicShaping.LETTERS_SHAPE | ArabicShaping.LENGTH_GROW_SHRINK | ArabicShaping.TEXT_DIRECTION_LOGICAL);

    RightToLeft(TextWarnings warnings) {
        this.warnings = warnings;
    }

    /** A paragraph of bidi-resolved text whose lines can be reordered. */
    record Paragraph(Bidi bidi, boolean rightToLeft) {
        /** The line [start, end) of the paragraph in visual order. */
        String reorder(int start, int end) {
            if (start == end) {
                return "";
            }
            return bidi.setLine(start, end).writeReordered(REORDER);
        }
    }

    /** Whether the text holds anything that is not plain left-to-right (the common case skips ICU Bidi). */
    static boolean needed(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            switch (UCharacter.getDirection(cp)) {
                case UCharacterDirection.RIGHT_TO_LEFT, UCharacterDirection.RIGHT_TO_LEFT_ARABIC,
                        UCharacterDirection.ARABIC_NUMBER, UCharacterDirection.RIGHT_TO_LEFT_EMBEDDING,
                        UCharacterDirection.RIGHT_TO_LEFT_OVERRIDE, UCharacterDirection.RIGHT_TO_LEFT_ISOLATE,
                        UCharacterDirection.FIRST_STRONG_ISOLATE, UCharacterDirection.LEFT_TO_RIGHT_EMBEDDING,
                        UCharacterDirection.LEFT_TO_RIGHT_OVERRIDE, UCharacterDirection.LEFT_TO_RIGHT_ISOLATE -> {
                    return true;
                }
                default -> i += Character.charCount(cp);
            }
        }
        return false;
    }

    /** Arabic letters in their joined (initial, medial, final) forms, lam-alef as one ligature. */
    String shape(String text) {
        try {
            return shaping.shape(text);
        } catch (ArabicShapingException | RuntimeException e) {
            warnings.add("Arabic text could not be shaped; drawn with unjoined letters");
            return text;
        }
    }

    Paragraph paragraph(String text) {
        Bidi bidi = new Bidi();
        bidi.setPara(text, Bidi.LEVEL_DEFAULT_LTR, null);
        return new Paragraph(bidi, (bidi.getParaLevel() & 1) == 1);
    }
}
