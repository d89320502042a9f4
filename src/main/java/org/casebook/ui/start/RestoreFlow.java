package org.casebook.ui.start;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import org.casebook.ui.common.AppShell;

/**
 * <em>Restore from backup…</em>: the backup to restore, where the restored vault goes (replacing a vault there only
 * after asking), then the backup's passphrase; the backup is checked before anything is replaced.
 */
final class RestoreFlow {
    private RestoreFlow() {
    }

    static void start(AppShell shell, StartViewModel vm) {
        shell.dialogs().chooseFile("Choose the backup to restore").ifPresent(backup -> chooseTarget(shell, vm, backup));
    }

    static void chooseTarget(AppShell shell, StartViewModel vm, Path backup) {
        String name = backup.getFileName().toString().replaceFirst("-backup-\\d{4}-\\d{2}-\\d{2}(?=\\.casebook$)", "");
        shell.dialogs().chooseSaveFile("Where should the restored vault go?", backup.getParent(), name,
                        new FileChooser.ExtensionFilter("Casebook vaults (*.casebook)", "*.casebook"))
                .ifPresent(target -> {
                    if (Files.exists(target) && !shell.dialogs().confirm("Replace the vault?", target.toAbsolutePath()
                            + " will be replaced by the backup once the backup has been checked. Whatever was added to"
                            + " it since the backup was made will be lost.", "Replace it")) {
                        return;
                    }
                    PassphraseDialogs.restore(shell.dialogs(), vm, backup, target);
                });
    }
}
