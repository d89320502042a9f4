package org.casebook.ui.common;

import org.casebook.evidence.VisibleText;
import org.casebook.imports.ImportException;
import org.casebook.vault.Progress;
import org.casebook.vault.VaultException;

/** Turns a failure into words for the person using the app: what happened and what to do next. */
public final class ErrorText {
    private ErrorText() {
    }

    public static String of(Throwable error) {
        Throwable e = error;
        while (e.getCause() != null && !(e instanceof VaultException) && !(e instanceof ImportException)
                && !(e instanceof Progress.CancelledException)) {
            e = e.getCause();
        }
        if (e instanceof Progress.CancelledException) {
            return "Stopped. Nothing was changed.";
        }
        // messages name files and entries, which come from evidence: shown with control characters escaped
        if (e instanceof VaultException v) {
            return VisibleText.line(v.getMessage());
        }
        if (e instanceof IllegalArgumentException || e instanceof ImportException) {
            return VisibleText.line(e.getMessage());
        }
        return "Something went wrong and nothing was changed. If it happens again, the details below help"
                + " whoever supports you with Casebook.";
    }

    /** Technical details for the expandable section: the kind of error and its message, no stack trace. */
    public static String details(Throwable error) {
        StringBuilder out = new StringBuilder();
        for (Throwable e = error; e != null; e = e.getCause()) {
            out.append(e.getClass().getName());
            if (e.getMessage() != null) {
                out.append(": ").append(e.getMessage());
            }
            out.append('\n');
        }
        return out.toString();
    }
}
