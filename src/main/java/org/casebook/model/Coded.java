package org.casebook.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Looks up the fixed vocabularies (order kinds, tags, ...) by the code used on the command line and in JSON. */
final class Coded {
    private Coded() {
    }

    static <E extends Enum<E>> E fromCode(Class<E> type, java.util.function.Function<E, String> code, String what,
                                          String value) {
        String wanted = value == null ? "" : value.strip();
        for (E e : type.getEnumConstants()) {
            if (code.apply(e).equalsIgnoreCase(wanted)) {
                return e;
            }
        }
        throw new IllegalArgumentException("Unknown " + what + " '" + value + "'. Use one of: "
                + codes(type, code));
    }

    static <E extends Enum<E>> String codes(Class<E> type, java.util.function.Function<E, String> code) {
        return Arrays.stream(type.getEnumConstants()).map(code).collect(Collectors.joining(", "));
    }
}
