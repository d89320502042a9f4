package org.casebook.vault;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Checks made on the file before the cipher sees it, because the bundled driver treats a missing or
 * 0-byte file as a new empty database and would happily open it.
 */
final class VaultFileCheck {
    static final byte[] PLAINTEXT_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** SQLCipher v4 page size: an intact vault is a whole number of pages. */
    static final int PAGE_SIZE = 4096;

    private VaultFileCheck() {
    }

    static void requireOpenable(Path file) {
        if (!Files.exists(file)) {
            throw VaultException.badInput("No vault at " + file + ". Create one with: casebook init --vault " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw VaultException.badInput(file + " is not a file.");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw VaultException.badInput("Cannot read " + file + ": " + e.getMessage());
        }
        if (size == 0) {
            throw new VaultException(VaultException.Kind.NOT_UNLOCKED,
                    file + " is empty (0 bytes): it is not a Casebook vault.");
        }
        if (startsWithPlaintextHeader(file)) {
            throw new VaultException(VaultException.Kind.NOT_UNLOCKED,
                    file + " is an unencrypted SQLite database, not a Casebook vault.");
        }
        if (size % PAGE_SIZE != 0) {
            throw new VaultException(VaultException.Kind.DAMAGED, file + " is damaged: its size (" + size
                    + " bytes) is not a whole number of pages, so it was probably cut short while copying."
                    + " Use a backup copy.");
        }
    }

    static boolean startsWithPlaintextHeader(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(PLAINTEXT_HEADER.length);
            return Arrays.equals(head, PLAINTEXT_HEADER);
        } catch (IOException e) {
            return false;
        }
    }

    /** After creating or rekeying: the cipher must really have encrypted the file. */
    static void requireEncrypted(Path file) {
        if (startsWithPlaintextHeader(file)) {
            throw new IllegalStateException(file + " was written unencrypted; refusing to continue");
        }
    }
}
