package org.casebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.casebook.bundle.scratch.ScratchFiles;
import org.casebook.cli.CasebookCommand;
import org.casebook.ui.CasebookApp;

/**
 * Entry point of {@code casebook.jar} and of the installed launcher: no arguments (or only {@code --demo}) opens
 * the desktop app, and so does a single {@code .casebook} file (what the desktop passes when a vault is
 * double-clicked); a command runs headless. Kept free of JavaFX types so the command line never loads the toolkit.
 */
public final class Launcher {
    /** Set by the portable copy's launcher: its data folder (a constant: reading it loads no JavaFX class). */
    private static final String PORTABLE_PROPERTY = org.casebook.ui.common.Settings.PORTABLE_PROPERTY;
    private Launcher() {
    }

    public static void main(String[] args) {
        preparePortableFolders();
        // A run killed while it built a bundle left its encrypted scratch file in the temp folder.
        ScratchFiles.removeLeftovers(Path.of(System.getProperty("java.io.tmpdir")));
        if (args.length == 0 || args.length == 1 && (CasebookApp.DEMO_FLAG.equals(args[0]) || isVaultFile(args[0]))) {
            String portable = System.getProperty(PORTABLE_PROPERTY);
            if (portable != null) {
                PortableEnvironment.apply(Path.of(portable).toAbsolutePath().normalize());
            }
            CasebookApp.launchApp(args);
            return;
        }
        System.exit(CasebookCommand.run(args));
    }

    /** A vault handed over by the desktop: an existing file named *.casebook (a command is never such a file). */
    static boolean isVaultFile(String arg) {
        return arg.toLowerCase(Locale.ROOT).endsWith(".casebook") && Files.isRegularFile(Path.of(arg));
    }

    /**
     * The portable copy's launcher points the home and temporary folders into its own data folder; they must
     * exist before any library writes there (a person may have emptied the folder to leave no trace).
     */
    private static void preparePortableFolders() {
        if (System.getProperty(PORTABLE_PROPERTY) == null) {
            return;
        }
        for (String property : new String[] {"user.home", "java.io.tmpdir"}) {
            try {
                Files.createDirectories(Path.of(System.getProperty(property)));
            } catch (IOException e) {
                System.err.println("Casebook: cannot make the folder " + System.getProperty(property)
                        + " beside the portable copy (is the stick read-only?): " + e.getMessage());
            }
        }
    }
}
