package org.casebook.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A risk screening an advocate or officer ran with their own tool: which tool, when, by whom and what it concluded.
 * Casebook records that it was done and its outcome; it never holds or scores the tool's questions.
 */
public record Screening(long id, long caseId, String tool, LocalDate screenedOn, String screenedBy, String outcome,
                        String notes, Instant added) {
}
