package org.casebook.bundle.check;

import java.util.List;
import java.util.Optional;

/** The outcome of every rule of a bundle check, in the order they were checked. */
public record CheckReport(List<RuleResult> results) {
    public CheckReport {
        results = List.copyOf(results);
    }

    public boolean allPassed() {
        return results.stream().allMatch(RuleResult::passed);
    }

    public List<RuleResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    public Optional<RuleResult> result(String id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
