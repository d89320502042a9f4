package org.casebook.ui.start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.casebook.demo.DemoCaseBuilder;
import org.casebook.ui.common.AppShell;
import org.casebook.ui.common.ErrorText;
import org.casebook.ui.common.Session;
import org.casebook.evidence.RestoreService;
import org.casebook.vault.KeyDerivation;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/** The start screen: recent vaults, create, open, and the demo case. */
public final class StartViewModel {
    private final AppShell shell;
    private final Consumer<Session> onUnlocked;
    private final StringProperty notice = new SimpleStringProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final javafx.beans.property.DoubleProperty progress = new javafx.beans.property.SimpleDoubleProperty(-1);

    public StartViewModel(AppShell shell, String notice, Consumer<Session> onUnlocked) {
        this.shell = shell;
        this.onUnlocked = onUnlocked;
        this.notice.set(notice);
    }

    public ObservableList<Path> recentVaults() {
        return shell.settings().recentVaults();
    }

    public BooleanProperty rememberRecentProperty() {
        return shell.settings().rememberRecentProperty();
    }

    public StringProperty noticeProperty() {
        return notice;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public void forget(Path vault) {
        shell.settings().forgetRecent(vault);
    }

    /**
     * Unlocks an existing vault in the background. {@code onError} gets the message to show under the
     * passphrase field (wrong passphrase, damaged file, ...).
     */
    public void open(Path file, String passphrase, Consumer<String> onError, Runnable onDone) {
        unlock(passphrase, key -> Vault.open(file, key), onError, onDone);
    }

    /**
     * Restores the vault at {@code target} from {@code backup} (checked first: it must open with the passphrase and
     * verify, or nothing is replaced) and unlocks it.
     */
    public void restore(Path backup, Path target, String passphrase, Consumer<String> onError, Runnable onDone) {
        unlock(passphrase, key -> RestoreService.restore(backup, target, key, Progress.NONE), onError, onDone);
    }

    /** Creates a new vault at {@code file}, its key derived with {@code keyDerivation}, and unlocks it. */
    public void create(Path file, String passphrase, KeyDerivation keyDerivation, Consumer<String> onError,
                       Runnable onDone) {
        unlock(passphrase, key -> Vault.create(file, key, keyDerivation), onError, onDone);
    }

    private void unlock(String passphrase, java.util.function.Function<Passphrase, Vault> vaultFor,
                        Consumer<String> onError, Runnable onDone) {
        Passphrase key;
        try {
            key = Passphrase.of(passphrase);
        } catch (VaultException e) {
            onError.accept(e.getMessage());
            return;
        }
        busy.set(true);
        shell.tasks().quick(progress -> {
            try (key) {
                return new Session(vaultFor.apply(key), false);
            }
        }, session -> {
            busy.set(false);
            onDone.run();
            onUnlocked.accept(session);
        }, error -> {
            busy.set(false);
            onError.accept(ErrorText.of(error));
        });
    }

    /** Builds the fictional demo case in a throwaway vault (deleted when it is locked). */
    public void openDemo(Consumer<Throwable> onError) {
        busy.set(true);
        notice.set("Preparing the demo case…");
        javafx.concurrent.Task<Session> task = shell.tasks().longJob(progress -> {
            Path folder = Files.createTempDirectory("casebook-demo-vault-");
            Path file = folder.resolve("demo.casebook");
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            Vault vault = Vault.create(file, Passphrase.of(HexFormat.of().formatHex(random)));
            try {
                new DemoCaseBuilder(Clock.systemUTC()).build(vault, progress);
            } catch (RuntimeException e) {
                vault.close();
                deleteQuietly(file, folder);
                throw e;
            }
            folder.toFile().deleteOnExit();
            return new Session(vault, true);
        }, session -> {
            busy.set(false);
            notice.set(null);
            progressDone();
            onUnlocked.accept(session);
        }, error -> {
            busy.set(false);
            notice.set(null);
            progressDone();
            onError.accept(error);
        });
        // each stage of the building in words ("Writing diary entries", "Adding messages"), and how far it is
        task.messageProperty().addListener((o, old, stage) -> {
            if (busy.get() && stage != null && !stage.isBlank()) {
                notice.set("Preparing the demo case: " + stage.substring(0, 1).toLowerCase(java.util.Locale.UK)
                        + stage.substring(1) + "…");
            }
        });
        progress.bind(task.progressProperty());
    }

    /** Back to "not known" for whatever runs next (an unlock shows a plain busy indicator). */
    private void progressDone() {
        progress.unbind();
        progress.set(-1);
    }

    /** How far the work under way has got (0 to 1), or -1 while that is not known. */
    public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    private static void deleteQuietly(Path file, Path folder) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // fictional data only
        }
    }
}
