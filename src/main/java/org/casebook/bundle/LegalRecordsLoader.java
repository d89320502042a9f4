package org.casebook.bundle;

import java.util.List;
import org.casebook.evidence.Amendments;
import org.casebook.model.Incident;
import org.casebook.vault.Vault;

/** Reads the {@link LegalRecords} of the entries and exhibits a bundle holds. */
final class LegalRecordsLoader {
    private LegalRecordsLoader() {
    }

    static LegalRecords load(Vault vault, List<Incident> incidents) {
        return new LegalRecords(new Amendments(vault).of(incidents.stream().map(Incident::id).toList()));
    }
}
