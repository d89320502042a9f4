package org.casebook.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A value of one of the fixed vocabularies (order kinds, tags, incident types, ...) with the code it has on the
 * command line, in JSON and in the vault. The static methods are the one lookup all vocabularies share.
 */
public interface Coded {
    /** The name used on the command line, in JSON and in the vault, e.g. {@code restraining-order}. */
    String code();

    /** The value whose code is {@code value}, ignoring case and surrounding white space. */
    static <E extends Enum<E> & Coded> Optional<E> find(Class<E> type, String value) {
        String wanted = value == null ? "" : value.strip();
        for (E e : type.getEnumConstants()) {
            if (e.code().equalsIgnoreCase(wanted)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #find}, but an unknown code is an error naming {@code what} and listing the codes. */
    static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String what, String value) {
        return find(type, value).orElseThrow(() -> new IllegalArgumentException("Unknown " + what + " '" + value
                + "'. Use one of: " + codes(type)));
    }

    /** Every code of the vocabulary, comma-separated, in declaration order. */
    static <E extends Enum<E> & Coded> String codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
    }
}
