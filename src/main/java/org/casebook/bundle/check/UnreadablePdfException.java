package org.casebook.bundle.check;

import java.io.IOException;

/** The file cannot be checked at all: missing, not a PDF, damaged beyond repair or locked by a password. */
public final class UnreadablePdfException extends IOException {
    UnreadablePdfException(String message) {
        super(message);
    }
}
