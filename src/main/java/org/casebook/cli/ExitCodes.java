package org.casebook.cli;

/** The command line's exit codes (DESIGN.md, "Command line"). */
final class ExitCodes {
    static final int OK = 0;
    /** Wrong or missing options, no way to ask for a passphrase, unexpected internal errors. */
    static final int USAGE = 1;
    /** Input the user can fix: a missing file, a bad value, a vault in use elsewhere. Nothing was written. */
    static final int BAD_INPUT = 2;
    /** The vault failed its integrity check, or is damaged. */
    static final int INTEGRITY = 3;
    /** Wrong passphrase, or the file is not a Casebook vault. */
    static final int NOT_UNLOCKED = 4;

    private ExitCodes() {
    }
}
