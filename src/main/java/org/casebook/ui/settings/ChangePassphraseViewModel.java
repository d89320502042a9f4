package org.casebook.ui.settings;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.casebook.ui.common.ErrorText;
import org.casebook.ui.common.TaskRunner;
import org.casebook.vault.KeyDerivation;
import org.casebook.vault.Passphrase;
import org.casebook.vault.PassphraseStrength;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/** Changes the open vault's passphrase (and, if asked, its key derivation) in the background. */
public final class ChangePassphraseViewModel {
    private final Vault vault;
    private final TaskRunner tasks;
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty(false);

    public ChangePassphraseViewModel(Vault vault, TaskRunner tasks) {
        this.vault = vault;
        this.tasks = tasks;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public boolean stronger() {
        return vault.keyDerivation() == KeyDerivation.STRONGER;
    }

    /**
     * Checks the current passphrase, then changes it to {@code next}; {@code onError} gets the message to show, and
     * {@code onDone} runs once the vault has its new passphrase.
     */
    public void change(String current, String next, boolean stronger, Consumer<String> onError, Runnable onDone) {
        Passphrase now;
        Passphrase replacement;
        try {
            now = Passphrase.of(current);
            replacement = Passphrase.of(next);
        } catch (VaultException e) {
            onError.accept(e.getMessage());
            return;
        }
        KeyDerivation setting = stronger ? KeyDerivation.STRONGER : KeyDerivation.STANDARD;
        busy.set(true);
        tasks.quick(progress -> {
            try (now; replacement) {
                if (!vault.isPassphrase(now)) {
                    throw VaultException.badInput("That is not the vault's current passphrase. Nothing was changed.");
                }
                PassphraseStrength.requireAcceptable(replacement);
                vault.changePassphrase(replacement, setting);
                return null;
            }
        }, done -> {
            busy.set(false);
            onDone.run();
        }, error -> {
            busy.set(false);
            onError.accept(ErrorText.of(error));
        });
    }
}
