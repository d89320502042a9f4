package org.casebook.evidence;

import java.util.Locale;
import java.util.Map;

/**
 * A count with its noun, everywhere a count is written for a person to read: "1 item", "2 items",
 * "1,204 messages", "1 entry", "3 breaches", "2 people". Never "1 items".
 */
public final class Plural {
    private static final Map<String, String> IRREGULAR = Map.of("person", "people", "was", "were", "is", "are",
            "has", "have", "child", "children");

    private Plural() {
    }

    /** The count (with thousands separators) and the noun in the number it takes: {@code of(1, "item")}. */
    public static String of(long n, String noun) {
        return String.format(Locale.UK, "%,d", n) + " " + noun(n, noun);
    }

    /** The count and whichever of two words fits it, for a phrase no rule makes: {@code of(2, "copy matches", "copies match")}. */
    public static String of(long n, String one, String many) {
        return String.format(Locale.UK, "%,d", n) + " " + (n == 1 ? one : many);
    }

    /** The noun alone, singular for 1 and plural otherwise; the last word of a phrase takes the number. */
    public static String noun(long n, String noun) {
        return n == 1 ? noun : plural(noun);
    }

    /** The plural of a noun or of a phrase's last word: entries, breaches, addresses, days, people. */
    static String plural(String noun) {
        int space = noun.lastIndexOf(' ');
        String head = noun.substring(0, space + 1);
        String word = noun.substring(space + 1);
        String lower = word.toLowerCase(Locale.ROOT);
        String irregular = IRREGULAR.get(lower);
        if (irregular != null) {
            return head + irregular;
        }
        if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("ch") || lower.endsWith("sh")) {
            return head + word + "es";
        }
        if (lower.length() > 1 && lower.endsWith("y") && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
            return head + word.substring(0, word.length() - 1) + "ies";
        }
        return head + word + "s";
    }
}
