package org.casebook.model;

import java.time.Instant;

/** The witness's answer to one warning sign, with anything she wants a reader to know about it. */
public record WarningSignAnswer(long id, long caseId, WarningSign sign, SignAnswer answer, String note,
                                Instant answered) {
}
