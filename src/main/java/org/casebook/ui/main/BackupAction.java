package org.casebook.ui.main;

import java.nio.file.Path;
import java.time.LocalDate;
import javafx.stage.FileChooser;
import org.casebook.ui.common.AppShell;
import org.casebook.ui.common.Session;
import org.casebook.ui.common.TaskRunner;

/**
 * <em>Back up…</em>: an encrypted, checked copy of the open vault in a file the person chooses (a USB stick, another
 * folder). The copy is the vault itself (same passphrase), written beside its destination, opened and checked, and
 * only then given its name; the vault records that a backup was made.
 */
final class BackupAction {
    private BackupAction() {
    }

    static void run(AppShell shell, Session session) {
        Path vault = session.file();
        String name = vault.getFileName().toString().replaceFirst("\\.casebook$", "") + "-backup-" + LocalDate.now()
                + ".casebook";
        shell.dialogs().chooseSaveFile("Back up the vault to", vault.getParent(), name,
                new FileChooser.ExtensionFilter("Casebook vaults (*.casebook)", "*.casebook"))
                .ifPresent(target -> backUp(shell, session, target));
    }

    static void backUp(AppShell shell, Session session, Path target) {
        TaskRunner.Work<Path> work = progress -> {
            session.vault().backupTo(target);
            return target;
        };
        shell.tasks().quick(work, done -> shell.dialogs().showInfo("Backup made", "The vault was copied to "
                        + done.toAbsolutePath() + " and the copy was checked. It opens with the same passphrase."
                        + "\n\nKeep it somewhere the person you fear cannot reach, and make a new one after adding"
                        + " important evidence. To use it: Restore from backup… on the start screen."),
                error -> shell.dialogs().showError("The backup could not be made", error));
    }
}
