package org.casebook.model;

import java.time.Instant;
import java.util.List;

/** A diary entry: something that happened, written down by the person it happened to. */
public record Incident(long id, long caseId, IncidentType type, When when, String description, String location,
                       List<String> witnesses, String impact, String policeRef, Instant added) {
    public Incident {
        witnesses = List.copyOf(witnesses);
    }
}
