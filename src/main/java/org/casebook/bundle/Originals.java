package org.casebook.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.casebook.evidence.PrintImage;
import org.casebook.evidence.PrintRenditions;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/** Streams originals out of the vault by their SHA-256, one chunk in memory at a time, never to disk. */
final class Originals {
    @FunctionalInterface
    interface Reader<T> {
        T read(InputStream in) throws IOException;
    }

    private final Vault vault;
    private final PrintRenditions renditions;

    Originals(Vault vault) {
        this.vault = vault;
        this.renditions = new PrintRenditions(vault);
    }

    <T> T read(String sha256, Reader<T> reader) {
        return vault.read(c -> {
            long id = blobId(c, sha256);
            try (InputStream in = vault.blobs().open(c, id)) {
                return reader.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The print rendition made when the picture was stored (or by {@link PrintRenditions#ensureAll}), if any. */
    Optional<PrintImage> rendition(String sha256) {
        return renditions.find(vault.read(c -> blobId(c, sha256)));
    }

    private long blobId(java.sql.Connection c, String sha256) throws java.sql.SQLException {
        return vault.blobs().findId(c, sha256).orElseThrow(() -> new VaultException(
                VaultException.Kind.DAMAGED, "The original with SHA-256 " + sha256 + " is missing from the vault."
                + " Run: casebook verify"));
    }
}
