package org.casebook.bundle;

import java.util.List;
import org.casebook.conduct.ConductSummary;
import org.casebook.conduct.ReportService;
import org.casebook.conduct.WarningSigns;
import org.casebook.evidence.Amendments;
import org.casebook.evidence.Attributions;
import org.casebook.evidence.Continuity;
import org.casebook.model.Incident;
import org.casebook.vault.Vault;

/** Reads the {@link LegalRecords} of the case and of the entries a bundle holds. */
final class LegalRecordsLoader {
    private LegalRecordsLoader() {
    }

    static LegalRecords load(Vault vault, long caseId, List<Incident> incidents, ConductSummary summary) {
        return new LegalRecords(new Amendments(vault).of(incidents.stream().map(Incident::id).toList()),
                new Attributions(vault).forCase(caseId), new Continuity(vault).forCase(caseId),
                new WarningSigns(vault).assess(caseId, summary), new ReportService(vault).list(caseId).stream()
                .map(r -> r.at().withZoneSameInstant(summary.zone()).toLocalDate()).toList());
    }
}
