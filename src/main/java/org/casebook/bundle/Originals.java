package org.casebook.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/** Streams originals out of the vault by their SHA-256, one chunk in memory at a time, never to disk. */
final class Originals {
    @FunctionalInterface
    interface Reader<T> {
        T read(InputStream in) throws IOException;
    }

    private final Vault vault;

    Originals(Vault vault) {
        this.vault = vault;
    }

    <T> T read(String sha256, Reader<T> reader) {
        return vault.read(c -> {
            long id = vault.blobs().findId(c, sha256).orElseThrow(() -> new VaultException(
                    VaultException.Kind.DAMAGED, "The original with SHA-256 " + sha256 + " is missing from the vault."
                    + " Run: casebook verify"));
            try (InputStream in = vault.blobs().open(c, id)) {
                return reader.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    byte[] bytes(String sha256) {
        return read(sha256, InputStream::readAllBytes);
    }
}
