package org.casebook.bundle.check;

import java.nio.file.Path;
import org.casebook.vault.VaultException;

/**
 * The audit chain head a bundle printed in its integrity appendix: what {@code verify --against-bundle} and the app's
 * <em>Check the vault…</em> look up in the vault's log to tell the vault the bundle was made from (or a later state
 * of it) from an older copy put back or another vault swapped in.
 */
public final class RecordedAuditHead {
    private RecordedAuditHead() {
    }

    /** The head printed in {@code pdf}; bad input naming the file when it cannot be read or prints none. */
    public static String of(Path pdf) {
        String head;
        try {
            head = new BundleVerifier().verify(pdf).auditChainHead();
        } catch (UnreadablePdfException e) {
            throw VaultException.badInput(e.getMessage());
        }
        if (head == null) {
            throw VaultException.badInput(pdf + " has no audit chain head printed in an integrity appendix: it is"
                    + " not a Casebook bundle, or a version too old to print one.");
        }
        return head;
    }
}
