package org.casebook.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * Everything a command may touch outside the vault: the environment (for the passphrase variables), the
 * standard streams and the terminal. Passed in so that tests run the real command line in-process.
 */
record CliContext(Map<String, String> env, InputStream in, PrintStream out, PrintStream err, Terminal terminal) {
    CliContext {
        env = Map.copyOf(env);
    }

    String env(String name) {
        return env.get(name);
    }
}
