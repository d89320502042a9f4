package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.stage.Window;
import org.casebook.evidence.VerifyService;
import org.casebook.model.AuditEntry;
import org.casebook.testsupport.TestVaults;
import org.casebook.ui.start.PassphraseDialogs;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.Test;

/**
 * <em>Back up…</em> in the main window writes a checked, encrypted copy where the person chooses; <em>Restore from
 * backup</em> checks the backup (it opens with the passphrase and verifies) before it replaces the vault, and a
 * damaged backup replaces nothing. Support shows how Casebook protects the evidence (SECURITY.md).
 */
class BackupAndRestoreTest extends UiTestBase {

    @Test
    void backUpWritesACheckedEncryptedCopyWhereThePersonChooses() throws Exception {
        openSeededVaultDirectly();
        Path usb = Files.createDirectories(temp.resolve("usb"));
        interact(() -> shell.dialogs().setSaveChooser((title, folder, name, filter) -> Optional.of(usb.resolve(name))));
        clickOn("#back-up");
        Window done = dialogWithHeader("Backup made");
        DialogPane pane = (DialogPane) done.getScene().getRoot();
        List<Path> written = TestVaults.files(usb);
        assertEquals(1, written.size(), written.toString());
        Path backup = written.get(0);
        assertTrue(backup.getFileName().toString().endsWith("-backup-" + java.time.LocalDate.now() + ".casebook"),
                backup.toString());
        assertTrue(pane.getContentText().contains(backup.toAbsolutePath().toString()), pane.getContentText());
        try (Vault copy = Vault.open(backup, Passphrase.of(PASSPHRASE))) {
            assertTrue(new VerifyService(copy).verify(Progress.NONE).intact());
        }
    }

    @Test
    void aDamagedBackupReplacesNothingAndAGoodOneIsCheckedThenOpened() throws Exception {
        Path target = SeededVault.copyTo(temp);
        Path backup = temp.resolve("backup.casebook");
        try (Vault v = Vault.open(target, Passphrase.of(PASSPHRASE))) {
            v.backupTo(backup);
        }
        String targetBefore = TestVaults.sha256(target);

        Path damaged = Files.copy(backup, temp.resolve("damaged.casebook"));
        try (RandomAccessFile f = new RandomAccessFile(damaged.toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 0x5a);
        }
        interact(() -> PassphraseDialogs.restore(shell.dialogs(), startViewModel(), damaged, target));
        clickOn("#unlock-passphrase");
        typeText(PASSPHRASE);
        clickOn("#unlock-button");
        waitUntil("the damaged backup refused",
                () -> !lookup("#unlock-error").queryAs(Label.class).getText().isEmpty());
        String refusal = lookup("#unlock-error").queryAs(Label.class).getText();
        assertTrue(refusal.contains("damaged") || refusal.contains("failed its check"), refusal);
        assertEquals(targetBefore, TestVaults.sha256(target), "the vault was not touched");
        assertTrue(TestVaults.listing(temp).stream().noneMatch(n -> n.contains(".restoring")),
                "no copy of the backup is left: " + TestVaults.listing(temp));
        interact(() -> dialogWindows().forEach(Window::hide));

        interact(() -> PassphraseDialogs.restore(shell.dialogs(), startViewModel(), backup, target));
        clickOn("#unlock-passphrase");
        typeText(PASSPHRASE);
        clickOn("#unlock-button");
        waitForMain();
        waitForTexts(SeededVault.ALL);
        Vault restored = shell.session().vault();
        List<AuditEntry> audit = restored.read(c -> restored.audit().all(c));
        assertEquals("restored-from-backup", audit.get(audit.size() - 1).action());
        assertTrue(new VerifyService(restored).verify(Progress.NONE).intact());
    }

    @Test
    void supportSaysHowTheEvidenceIsProtectedAndWhatCannotBe() {
        openSeededVaultDirectly();
        clickOn("#support");
        dialogWithHeader("Support");
        clickOn("#security-pane");
        waitUntil("the notes shown", () -> lookup("#security-pane").queryAs(TitledPane.class).isExpanded());
        String notes = lookup("#security-notes").queryAs(TextArea.class).getText();
        assertTrue(notes.contains("PBKDF2-HMAC-SHA512"), "the key derivation is named");
        assertTrue(notes.contains("a keylogger, a screen recorder"), "what cannot be protected is said");
        assertTrue(notes.contains("## Using Casebook safely"), "safe use in plain words");
    }
}
