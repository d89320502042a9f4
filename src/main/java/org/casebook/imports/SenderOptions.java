package org.casebook.imports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.casebook.evidence.SenderMatch;

/**
 * The senders the user named for an import ({@code --me}, {@code --perpetrator}), checked against every sender
 * the export names: each value must name at least one of them, else the import is bad input that lists the
 * senders found, as the export writes them.
 */
final class SenderOptions {
    /** How many senders the refusal lists before saying how many more there are. */
    private static final int LISTED = 25;

    private final SenderMatch match;
    private final List<Named> values = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();

    /** One value the user gave, the keys it is known by, and whether a sender in the file matched it. */
    private static final class Named {
        final String option;
        final String value;
        final Set<String> keys;
        boolean matched;

        Named(String option, String value, Set<String> keys) {
            this.option = option;
            this.value = value;
            this.keys = keys;
        }
    }

    SenderOptions(SenderMatch match, List<String> me, List<String> perpetrators) {
        this.match = match;
        for (String v : me) {
            add("--me", v);
        }
        for (String v : perpetrators) {
            add("--perpetrator", v);
        }
    }

    private void add(String option, String value) {
        if (value == null || value.isBlank() || match.keys(value).isEmpty()) {
            throw new ImportException(option + ": '" + (value == null ? "" : value) + "' has nothing to match a"
                    + " sender on.");
        }
        values.add(new Named(option, value, match.keys(value)));
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** What the user said of a sender known by {@code keys}: marks each value that matches it. */
    Said said(Set<String> keys) {
        boolean me = false;
        boolean perpetrator = false;
        for (Named n : values) {
            if (match.same(n.keys, keys)) {
                n.matched = true;
                if (n.option.equals("--me")) {
                    me = true;
                } else {
                    perpetrator = true;
                }
            }
        }
        return new Said(me, perpetrator);
    }

    /** Whether the user named a sender as herself, as the perpetrator, or both (which is refused). */
    record Said(boolean me, boolean perpetrator) {
    }

    /** Records a sender the export names, as it writes them, for the list in a refusal. */
    void saw(String name, String address) {
        seen.add(shown(name, address));
    }

    /** A sender as the export writes them: the name, and the number or address beside it when it differs. */
    static String shown(String name, String address) {
        String n = name == null ? "" : DisplayText.of(name).strip();
        String a = address == null ? "" : DisplayText.of(address).strip();
        return n.isEmpty() ? a : a.isEmpty() || a.equals(n) ? n : n + " (" + a + ")";
    }

    /** Refuses the file when a value matched none of its senders, listing the senders it names. */
    void requireEachMatched(String file) {
        List<String> unmatched = new ArrayList<>();
        for (Named n : values) {
            if (!n.matched) {
                unmatched.add(n.option + " '" + n.value + "'");
            }
        }
        if (unmatched.isEmpty()) {
            return;
        }
        throw new ImportException(file + ": " + String.join(" and ", unmatched) + (unmatched.size() == 1
                ? " names no sender" : " name no sender") + " in this file; nothing was imported. " + senders());
    }

    /** "Senders found: A, B (+44 …) and 3 more." */
    String senders() {
        if (seen.isEmpty()) {
            return "It names no senders.";
        }
        List<String> listed = seen.stream().limit(LISTED).toList();
        return "Senders found: " + String.join(", ", listed)
                + (seen.size() > LISTED ? " and " + (seen.size() - LISTED) + " more" : "") + ".";
    }
}
