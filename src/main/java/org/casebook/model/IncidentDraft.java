package org.casebook.model;

import java.util.List;

/** The fields of a new or edited incident, before the vault gives it an id. */
public record IncidentDraft(IncidentType type, When when, String description, String location,
                            List<String> witnesses, String impact, String policeRef) {
    public IncidentDraft {
        witnesses = witnesses == null ? List.of() : List.copyOf(witnesses);
    }
}
