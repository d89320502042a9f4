package org.casebook.evidence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/**
 * Rollback and swap detection against an audit chain head recorded outside the vault (printed in a bundle's
 * integrity appendix, in an export's manifest, or written down by the user). The audit log only grows and each
 * entry's hash covers all before it, so the vault a head was taken from holds that head for ever after. A vault
 * that does not hold it is an older copy restored from before the head was recorded, another vault swapped in, or
 * one whose log was rewritten. Nothing is stored on the computer: the record is whatever the user keeps.
 */
public final class AuditHeadCheck {
    private final Vault vault;

    public AuditHeadCheck(Vault vault) {
        this.vault = vault;
    }

    /** Where in this vault's log a recorded head sits. */
    public record Finding(String head, Optional<Entry> entry) {
        public boolean held() {
            return entry.isPresent();
        }
    }

    /** The audit entry whose hash is the recorded head, and how many entries were appended after it. */
    public record Entry(long seq, Instant at, String action, long entriesSince) {
    }

    /** Looks {@code head} (64 hex digits) up in the vault's audit log. */
    public Finding check(String head) {
        String wanted = normalised(head);
        return vault.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, at_utc, action,"
                    + " (SELECT count(*) FROM audit later WHERE later.seq > audit.seq) FROM audit WHERE hash = ?")) {
                ps.setString(1, wanted);
                try (ResultSet rs = ps.executeQuery()) {
                    Optional<Entry> entry = rs.next()
                            ? Optional.of(new Entry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                                    rs.getLong(4)))
                            : Optional.empty();
                    return new Finding(wanted, entry);
                }
            }
        });
    }

    /** {@code head} in lower case; refused unless it is 64 hexadecimal digits. */
    public static String normalised(String head) {
        String wanted = head == null ? "" : head.strip().toLowerCase(Locale.ROOT);
        if (!wanted.matches("[0-9a-f]{64}")) {
            throw VaultException.badInput("An audit chain head is 64 hexadecimal digits (as printed in a bundle's"
                    + " integrity appendix or by casebook verify); got '" + head + "'.");
        }
        return wanted;
    }
}
