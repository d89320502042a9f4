package org.casebook.model;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A report of the conduct to someone who can act on it.
 *
 * @param at        when it was made, zoned like a timeline item
 * @param recipient who it went to by name (e.g. "Metropolitan Police", "Instagram"), or null
 * @param reference the crime, incident or ticket number given, or null
 * @param contact   the officer or contact person, or null
 * @param outcome   what happened next, or null
 * @param incidentIds the items (incidents, messages) the report covered
 * @param collar    the officer's collar (shoulder) number, or null
 */
public record Report(long id, long caseId, ZonedDateTime at, ReportRecipient recipientKind, String recipient,
                     String reference, String contact, String outcome, Instant added, List<Long> incidentIds,
                     String collar) {
    public Report {
        incidentIds = List.copyOf(incidentIds);
    }
}
