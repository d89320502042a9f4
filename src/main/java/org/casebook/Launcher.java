package org.casebook;

import org.casebook.cli.CasebookCommand;

/** Entry point of {@code casebook.jar}: a command runs headless. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(CasebookCommand.run(args));
    }
}
