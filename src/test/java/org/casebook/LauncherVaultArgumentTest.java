package org.casebook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A vault double-clicked on the desktop arrives as the launcher's only argument and opens the app, not the CLI. */
class LauncherVaultArgumentTest {

    @Test
    void anExistingCasebookFileOpensTheApp(@TempDir Path dir) throws Exception {
        Path vault = Files.createFile(dir.resolve("My Notes.CASEBOOK"));
        assertTrue(Launcher.isVaultFile(vault.toString()));
    }

    @Test
    void commandsAndMissingFilesStayWithTheCommandLine(@TempDir Path dir) throws Exception {
        assertFalse(Launcher.isVaultFile("init"));
        assertFalse(Launcher.isVaultFile("--version"));
        assertFalse(Launcher.isVaultFile(dir.resolve("gone.casebook").toString()));
        assertFalse(Launcher.isVaultFile(Files.createDirectory(dir.resolve("folder.casebook")).toString()));
    }
}
