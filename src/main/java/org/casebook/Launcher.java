package org.casebook;

import org.casebook.cli.CasebookCommand;
import org.casebook.ui.CasebookApp;

/**
 * Entry point of {@code casebook.jar}: no arguments (or only {@code --demo}) opens the desktop app; a
 * command runs headless. Kept free of JavaFX types so the command line never loads the toolkit.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args.length == 1 && CasebookApp.DEMO_FLAG.equals(args[0])) {
            CasebookApp.launchApp(args);
            return;
        }
        System.exit(CasebookCommand.run(args));
    }
}
