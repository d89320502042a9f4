package org.casebook.vault;

/**
 * A problem with a vault that the user can act on. The message is written for the user: it names the
 * file and says what to do, and never contains evidence content or the passphrase.
 */
public class VaultException extends RuntimeException {
    private final Kind kind;

    /** What went wrong, so the CLI can choose its exit code and the app its dialog. */
    public enum Kind {
        /** Input the user can fix (missing file, bad value, newer schema, file exists). */
        BAD_INPUT,
        /** Wrong passphrase, or the file is not a Casebook vault at all. */
        NOT_UNLOCKED,
        /** The file is damaged or was altered outside Casebook. */
        DAMAGED,
        /** Another program holds the vault. */
        BUSY
    }

    public VaultException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public VaultException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static VaultException badInput(String message) {
        return new VaultException(Kind.BAD_INPUT, message);
    }
}
