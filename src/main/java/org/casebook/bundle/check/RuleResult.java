package org.casebook.bundle.check;

import java.util.Objects;

/**
 * One rule's outcome: a short stable {@code id} (for scripts and JSON), the {@code rule} in words, and a
 * {@code detail} that says what was found, e.g. "page 7 shows 'Page 6 of 40'".
 */
public record RuleResult(String id, String rule, boolean passed, String detail) {
    public RuleResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }
}
