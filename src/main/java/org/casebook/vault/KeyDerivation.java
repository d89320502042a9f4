package org.casebook.vault;

import java.util.List;
import java.util.Locale;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

/**
 * How a passphrase becomes the vault's key: PBKDF2-HMAC-SHA512 over the passphrase and the file's random 16-byte
 * salt (SQLCipher v4), with more or fewer iterations. Each guess an attacker makes with a copy of the file costs
 * one full derivation, so more iterations make every guess dearer, and unlocking slower by the same factor.
 *
 * <p>The file does not say which setting it uses (a SQLCipher file holds nothing but the salt and encrypted
 * pages, so nothing tells one Casebook vault from another), so opening tries each setting in {@link #TRIED}
 * order until one authenticates the first page.
 */
public enum KeyDerivation {
    /** SQLCipher 4's own default. */
    STANDARD("standard", 256_000),
    /** About four times the work per guess (and per unlock). */
    STRONGER("stronger", 1_000_000);

    /** The order opening tries the settings in: the common one first, so most vaults open at the first try. */
    static final List<KeyDerivation> TRIED = List.of(STANDARD, STRONGER);

    private final String label;
    private final int iterations;

    KeyDerivation(String label, int iterations) {
        this.label = label;
        this.iterations = iterations;
    }

    public String label() {
        return label;
    }

    public int iterations() {
        return iterations;
    }

    /** The setting named {@code label} ("standard" or "stronger"), for the command line. */
    public static KeyDerivation of(String label) {
        String wanted = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
        for (KeyDerivation k : values()) {
            if (k.label.equals(wanted)) {
                return k;
            }
        }
        throw VaultException.badInput("Unknown key-derivation setting '" + label + "': use standard or stronger.");
    }

    /** The driver's configuration for this setting, with {@code passphrase} as the key. */
    SQLiteMCSqlCipherConfig config(Passphrase passphrase) {
        SQLiteMCSqlCipherConfig config = SQLiteMCSqlCipherConfig.getV4Defaults();
        config.setKdfIter(iterations);
        config.withKey(passphrase.keyText());
        return config;
    }
}
