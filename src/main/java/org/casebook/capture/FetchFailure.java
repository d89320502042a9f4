package org.casebook.capture;

/** A fetch that gave no response to keep, with a one-line reason a person understands. */
final class FetchFailure extends Exception {
    /** Why: the host is not there (a re-capture calls the page gone), or something else went wrong. */
    enum Reason { UNREACHABLE, TIMEOUT, TOO_LARGE, REDIRECTS, OTHER }

    private final Reason reason;

    FetchFailure(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
