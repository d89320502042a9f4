package org.casebook.model;

import java.time.Instant;

/**
 * One row of the vault's append-only audit log. {@code hash} is the SHA-256 of this row's content and
 * {@code prevHash}, so changing any earlier row breaks every later link.
 *
 * @param subject what the entry is about, e.g. {@code item:12}, {@code case:1}, {@code vault}
 * @param detail  a JSON object: the values written, the previous values of an edit, a delete's reason
 */
public record AuditEntry(long seq, Instant at, String action, String subject, String detail,
                         String prevHash, String hash) {
}
