package org.casebook.imports;

/**
 * The words for a call, the same whichever export it came from, for the exports that record a call without
 * any text of their own (a phone's call log, Telegram's service message, a Discord call without content).
 */
public final class CallText {
    private CallText() {
    }

    /** "2 min 5 s", "1 h 0 min 3 s", "0 s". */
    public static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        if (h > 0) {
            return h + " h " + m + " min " + s + " s";
        }
        if (m > 0) {
            return m + " min " + s + " s";
        }
        return s + " s";
    }

    /** {@code what}, with the length after it when it is known: "Outgoing call, 2 min 5 s". */
    public static String of(String what, Long seconds) {
        return seconds == null ? what : what + ", " + duration(seconds);
    }
}
