package org.casebook.model;

import java.time.ZonedDateTime;

/** The fields of a new or edited report. */
public record ReportDraft(ZonedDateTime at, ReportRecipient recipientKind, String recipient, String reference,
                          String contact, String outcome) {
}
