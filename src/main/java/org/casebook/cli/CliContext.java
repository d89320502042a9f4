package org.casebook.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * Everything a command may touch outside the vault: the environment (for the passphrase variables), the
 * standard streams and the terminal. Passed in so that tests run the real command line in-process.
 *
 * <p>{@link #out()} and {@link #err()} show control characters escaped ({@link VisibleOutput}): commands print
 * evidence through them. {@link #rawOut()} and {@link #rawErr()} are for the program's own text only (the
 * usage help, the progress line that rewrites itself with CR).
 */
record CliContext(Map<String, String> env, InputStream in, PrintStream out, PrintStream err, Terminal terminal,
                  PrintStream rawOut, PrintStream rawErr) {
    CliContext {
        env = Map.copyOf(env);
    }

    CliContext(Map<String, String> env, InputStream in, PrintStream out, PrintStream err, Terminal terminal) {
        this(env, in, VisibleOutput.of(out), VisibleOutput.of(err), terminal, out, err);
    }

    String env(String name) {
        return env.get(name);
    }
}
