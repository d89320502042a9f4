package org.casebook.evidence;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.casebook.vault.VaultException;

/**
 * Reading a time zone a person typed. A wrong zone is never replaced by another one: every local time in a
 * case is read in its zone, so a silent fallback would move every entry. A mistake is refused with the
 * zones that were probably meant.
 */
public final class TimeZones {
    private static final int MAX_SUGGESTIONS = 3;
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final List<String> IDS = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> !id.startsWith("SystemV/"))
            .sorted()
            .toList();

    private TimeZones() {
    }

    /** The zone names a person can pick from, sorted (the legacy SystemV names left out). */
    public static List<String> ids() {
        return IDS;
    }

    /** This computer's zone: what a new case is read in unless the person says otherwise. */
    public static ZoneId computerZone() {
        return ZoneId.systemDefault();
    }

    /**
     * The zone {@code typed} names: an exact name ({@code Europe/London}), the same name in other capitals, or
     * an offset such as {@code +01:00}.
     *
     * @param field what the value was typed into, for the message (e.g. {@code --timezone})
     * @throws VaultException bad input naming the field and the close matches, when there is no such zone
     */
    public static ZoneId parse(String field, String typed) {
        return find(typed).orElseThrow(() -> VaultException.badInput(field + ": " + problem(typed)));
    }

    /** The zone {@code typed} names, or empty (see {@link #parse}). */
    public static Optional<ZoneId> find(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            ZoneId zone = ZoneId.of(text);
            // "Z" and "+00:00" are kept as "UTC": the name a bundle's reader understands in "Times in ..."
            return Optional.of(zone.equals(ZoneOffset.UTC) ? UTC : zone);
        } catch (DateTimeException e) {
            // not an exact name or offset; a name in other capitals is still the same zone
        }
        return IDS.stream().filter(id -> id.equalsIgnoreCase(text)).findFirst().map(ZoneId::of);
    }

    /** Why {@code typed} is not a zone, with the zones probably meant: one sentence or two. */
    public static String problem(String typed) {
        String shown = typed == null ? "" : typed.strip();
        if (shown.isEmpty()) {
            return "no time zone given. Use a name such as Europe/London.";
        }
        List<String> close = suggestions(shown);
        String start = "'" + shown + "' is not a time zone.";
        if (close.isEmpty()) {
            return start + " Use a name such as Europe/London or America/New_York.";
        }
        return start + " Did you mean " + String.join(" or ", close) + "?";
    }

    /**
     * The zones {@code typed} probably meant, best first (at most three): names it begins, names whose city
     * it begins, then names a few typing mistakes away.
     */
    public static List<String> suggestions(String typed) {
        String wanted = normalise(typed);
        if (wanted.isEmpty()) {
            return List.of();
        }
        record Scored(String id, int rank, int distance) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String id : IDS) {
            String name = normalise(id);
            String city = name.substring(name.lastIndexOf('/') + 1);
            if (name.startsWith(wanted)) {
                scored.add(new Scored(id, 0, name.length() - wanted.length()));
            } else if (city.startsWith(wanted) || city.equals(wanted)) {
                scored.add(new Scored(id, 1, city.length() - wanted.length()));
            } else {
                int distance = Math.min(distance(wanted, name), distance(wanted, city));
                if (distance <= Math.max(2, wanted.length() / 4)) {
                    scored.add(new Scored(id, 2, distance));
                }
            }
        }
        return scored.stream()
                .sorted(Comparator.comparingInt(Scored::rank).thenComparingInt(Scored::distance)
                        .thenComparing(Scored::id))
                .limit(MAX_SUGGESTIONS)
                .map(Scored::id)
                .toList();
    }

    /** Lower case, spaces as the underscores zone names use. */
    private static String normalise(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    /** Edit distance (insertions, deletions, substitutions, and a swap of two neighbours counts once). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
