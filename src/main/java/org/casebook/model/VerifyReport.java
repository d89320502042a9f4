package org.casebook.model;

import java.util.List;

/** The outcome of checking a vault: what was checked, and every problem found (empty when intact). */
public record VerifyReport(long items, long blobs, long bytes, long auditEntries, String auditHead,
                           List<String> problems) {
    public VerifyReport {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}
