package org.casebook.statement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement's wording as stored and edited: plain text, one paragraph per block, blocks separated by a blank line.
 * Numbers are not part of the text; the printed statement numbers its paragraphs, so an inserted paragraph never
 * leaves the numbering wrong.
 */
public final class StatementText {
    /** Something the witness must still fill in or check, written in square brackets: "[your occupation]". */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[[^\\]\\n]{1,200}]");

    private StatementText() {
    }

    /** The paragraphs, trimmed, with blank ones left out; a single line break stays inside its paragraph. */
    public static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String block : text.replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n")) {
            String p = block.strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    public static String join(List<String> paragraphs) {
        return String.join("\n\n", paragraphs);
    }

    /** The exhibit marks the text names ("SM/3", "SM/12.1"), in the order it first names them. */
    public static Set<String> marksNamed(String text, String prefix) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(prefix) + "/\\d+(?:\\.\\d+)?(?![\\p{L}\\p{N}])")
                .matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The places the witness still has to fill in, as written ("[your full name]"). */
    public static List<String> placeholders(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
