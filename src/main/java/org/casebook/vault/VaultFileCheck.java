package org.casebook.vault;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Checks made on the file before the cipher sees it, because the bundled driver treats a missing or
 * 0-byte file as a new empty database and would happily open it; and the words for a file that is not a vault.
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
        byte[] head;
        try {
            size = Files.size(file);
            head = head(file);
        } catch (IOException e) {
            throw VaultException.badInput("Cannot read " + file + ": " + e.getMessage());
        }
        if (size == 0) {
            throw new VaultException(VaultException.Kind.NOT_UNLOCKED,
                    file + " is empty (0 bytes): it is not a Casebook vault.");
        }
        if (startsWith(head, PLAINTEXT_HEADER)) {
            throw new VaultException(VaultException.Kind.NOT_UNLOCKED,
                    file + " is an unencrypted SQLite database, not a Casebook vault.");
        }
        if (size % PAGE_SIZE != 0) {
            String kind = KnownFileKinds.describe(head, size);
            if (kind != null) {
                throw new VaultException(VaultException.Kind.NOT_UNLOCKED, notAVault(file, kind));
            }
            throw new VaultException(VaultException.Kind.DAMAGED, file + " is damaged, or is not a Casebook vault:"
                    + " its size (" + size + " bytes) is not a whole number of pages, as happens when a copy is cut"
                    + " short. If it is your vault, use a backup copy.");
        }
    }

    /**
     * The message when the passphrase did not open the file: what the file is, if it is recognisably something
     * else (a vault of the right size whose first bytes happen to look like a photo would need a wrong passphrase
     * too), else that the passphrase is wrong or the file is not a vault.
     */
    static String notUnlockedMessage(Path file) {
        String kind = null;
        try {
            kind = KnownFileKinds.describe(head(file), Files.size(file));
        } catch (IOException e) {
            // unreadable now: say what is known
        }
        return kind != null ? notAVault(file, kind) : "Wrong passphrase or not a Casebook vault: " + file;
    }

    private static String notAVault(Path file, String kind) {
        return file + " is " + kind + ", not a Casebook vault. Choose the vault file (it was made by Casebook,"
                + " often named *.casebook).";
    }

    static boolean startsWithPlaintextHeader(Path file) {
        try {
            return startsWith(head(file), PLAINTEXT_HEADER);
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(KnownFileKinds.HEAD);
        }
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** After creating or rekeying: the cipher must really have encrypted the file. */
    static void requireEncrypted(Path file) {
        if (startsWithPlaintextHeader(file)) {
            throw new IllegalStateException(file + " was written unencrypted; refusing to continue");
        }
    }
}
