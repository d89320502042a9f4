package org.casebook.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * File names for originals written out of the vault or out of a bundle. A stored or embedded name is only a
 * hint (it may come from a hostile file): it must not climb out of the folder, hide itself or overwrite
 * another file.
 */
public final class SafeFileNames {
    /** Most file systems allow 255 bytes per name; leave room for the prefix {@link #unique} may add. */
    private static final int MAX_NAME_BYTES = 200;

    private SafeFileNames() {
    }

    /**
     * The name with path separators, reserved and control characters (C0 and C1) replaced by "_", invisible
     * formatting characters removed (bidirectional overrides such as U+202E, which make
     * "invoice" U+202E "txt.exe" look like "invoiceexe.txt", zero-width characters, line separators), leading
     * dots removed and at most 200 UTF-8 bytes long (the extension kept); empty when nothing usable is left.
     */
    public static String clean(String original) {
        String name = original == null ? "" : original;
        name = withoutFormatCharacters(name);
        name = name.replaceAll("[/\\\\:*?\"<>|\\p{Cntrl}\\x{80}-\\x{9F}]", "_").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        return shortened(name.strip());
    }

    /**
     * A name no earlier file in {@code used} has, compared without case (as Windows and macOS folders do),
     * made unique by putting {@code prefix} (then {@code prefix-2}, ...) in front; the result is added to
     * {@code used} in lower case.
     */
    public static String unique(String name, String prefix, Set<String> used) {
        String chosen = name;
        for (int n = 1; used.contains(chosen.toLowerCase(Locale.ROOT)); n++) {
            chosen = (n == 1 ? prefix + "-" : prefix + "-" + n + "-") + name;
        }
        used.add(chosen.toLowerCase(Locale.ROOT));
        return chosen;
    }

    /** Drops format characters (Unicode category Cf), line and paragraph separators and lone surrogates. */
    private static String withoutFormatCharacters(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type != Character.FORMAT && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                    && type != Character.SURROGATE) {
                out.appendCodePoint(cp);
            }
        }
        return out.length() == name.length() ? name : out.toString();
    }

    private static String shortened(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - ext.length());
        int budget = MAX_NAME_BYTES - ext.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < stem.length(); ) {
            int cp = stem.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > budget) {
                break;
            }
            kept.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        return kept.toString().strip() + ext;
    }
}
