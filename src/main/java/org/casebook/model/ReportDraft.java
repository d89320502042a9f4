package org.casebook.model;

import java.time.ZonedDateTime;

/** The fields of a new or edited report; {@code collar} is the officer's collar (shoulder) number, or null. */
public record ReportDraft(ZonedDateTime at, ReportRecipient recipientKind, String recipient, String reference,
                          String contact, String outcome, String collar) {

    /** A report with no collar number recorded. */
    public ReportDraft(ZonedDateTime at, ReportRecipient recipientKind, String recipient, String reference,
                       String contact, String outcome) {
        this(at, recipientKind, recipient, reference, contact, outcome, null);
    }
}
