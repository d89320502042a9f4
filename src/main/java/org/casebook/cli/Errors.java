package org.casebook.cli;

import java.io.PrintStream;
import java.time.DateTimeException;
import org.casebook.vault.Progress;
import org.casebook.vault.VaultException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns what a command threw into one line on standard error and an exit code. Never a stack trace. */
final class Errors {
    private Errors() {
    }

    static int report(Throwable failure, PrintStream err) {
        if (failure instanceof CliException e) {
            return print(err, e.getMessage(), e.exitCode());
        }
        if (failure instanceof VaultException e) {
            return print(err, e.getMessage(), exitCode(e.kind()));
        }
        if (failure instanceof org.casebook.imports.ImportException e) {
            return print(err, e.getMessage(), ExitCodes.BAD_INPUT);
        }
        if (failure instanceof IllegalArgumentException || failure instanceof DateTimeException) {
            return print(err, failure.getMessage(), ExitCodes.BAD_INPUT);
        }
        if (failure instanceof Progress.CancelledException) {
            return print(err, failure.getMessage(), ExitCodes.USAGE);
        }
        // The logger starts only here: starting it costs every command-line run ~80 ms otherwise.
        Logger log = LoggerFactory.getLogger(Errors.class);
        log.error("unexpected error", failure);
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return print(err, "unexpected error: " + detail + " (details in the log)", ExitCodes.USAGE);
    }

    static int exitCode(VaultException.Kind kind) {
        return switch (kind) {
            case BAD_INPUT, BUSY -> ExitCodes.BAD_INPUT;
            case DAMAGED -> ExitCodes.INTEGRITY;
            case NOT_UNLOCKED -> ExitCodes.NOT_UNLOCKED;
        };
    }

    private static int print(PrintStream err, String message, int code) {
        err.println("casebook: " + oneLine(message));
        err.flush();
        return code;
    }

    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
