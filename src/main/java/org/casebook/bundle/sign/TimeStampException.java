package org.casebook.bundle.sign;

import java.io.IOException;

/** The time-stamping authority the user named gave no usable time-stamp; the message says why, naming it. */
public final class TimeStampException extends IOException {
    private static final long serialVersionUID = 1L;

    TimeStampException(String message, Throwable cause) {
        super(message, cause);
    }
}
