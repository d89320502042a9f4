package org.casebook.cli;

import java.io.Console;

/** The interactive terminal, if there is one: for passphrase prompts (no echo) and progress lines. */
interface Terminal {
    /** True when a person is at a terminal (Java's {@code System.console()} is present). */
    boolean interactive();

    /** Asks without echo; null when there is no terminal or input ended. */
    char[] readPassword(String prompt);

    /** The real console of this process, looked up at each call. */
    static Terminal system() {
        return new Terminal() {
            @Override
            public boolean interactive() {
                return System.console() != null;
            }

            @Override
            public char[] readPassword(String prompt) {
                Console console = System.console();
                return console == null ? null : console.readPassword("%s", prompt);
            }
        };
    }
}
