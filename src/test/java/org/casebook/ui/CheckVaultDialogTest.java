package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.casebook.bundle.BundleOptions;
import org.casebook.bundle.BundleService;
import org.casebook.evidence.IncidentService;
import org.casebook.model.IncidentType;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.Test;

/**
 * Settings → <em>Check the vault…</em>: the app's own {@code verify}, and with a bundle chosen, its
 * {@code --against-bundle}: the vault the bundle was made from passes and says so; an older copy of it in its place
 * is named as one, in plain words, though it passes the check of its own originals.
 */
class CheckVaultDialogTest extends UiTestBase {

    @Test
    void theVaultABundleWasMadeFromIsSaidToBeThatVault() throws Exception {
        openSeededVaultDirectly();
        Path bundle = bundleOf(shell.session().vault());

        String alone = check(null);
        assertTrue(alone.startsWith("Nothing in the vault was changed outside Casebook: "), alone);
        assertFalse(alone.contains("bundle"), alone);

        String against = check(bundle);
        assertTrue(against.contains("This is the vault the bundle bundle.pdf was made from, or a later state of it"),
                against);
    }

    @Test
    void anOlderCopyPutBackInItsPlaceIsNamedAsOne() throws Exception {
        // The seeded vault, carried on (an entry, a bundle) in another folder: the one opened below is its older copy.
        Path later = SeededVault.copyTo(Files.createDirectories(temp.resolve("later")));
        Path bundle;
        try (Vault v = Vault.open(later, Passphrase.of(PASSPHRASE))) {
            new IncidentService(v).add(1, TestVaults.draft(IncidentType.FOLLOWING,
                    ZonedDateTime.of(2024, 3, 20, 18, 0, 0, 0, LONDON), "Waited at the corner"));
            bundle = bundleOf(v);
        }
        openSeededVaultDirectly();

        String said = check(bundle);
        assertTrue(said.startsWith("Nothing in the vault was changed outside Casebook: "), "its own check passes: "
                + said);
        assertTrue(said.contains("This is NOT the vault the bundle bundle.pdf was made from")
                && said.contains("an older copy put back in its place"), said);
        Window dialog = dialogWith("#check-result");
        assertTrue(onFx(() -> dialog.getScene().lookup("#check-result").getStyleClass().contains("error-text")),
                "shown as a failure");
    }

    private Path bundleOf(Vault vault) {
        Path out = temp.resolve("bundle.pdf");
        new BundleService(vault).build(1, BundleOptions.all(), out, Progress.NONE, () -> false);
        return out;
    }

    /** Opens Settings → Check the vault…, chooses {@code bundle} (or none) and returns what the check says. */
    private String check(Path bundle) {
        interact(() -> shell.dialogs().setOpenChooser(title -> Optional.ofNullable(bundle)));
        interact(() -> dialogWindows().forEach(Window::hide));
        clickOn("#main-settings");
        dialogWith("#settings-autolock");
        clickOn("#settings-check-vault");
        Window dialog = dialogWith("#check-vault-run");
        if (bundle != null) {
            clickOn("#check-choose-bundle");
            waitUntil("the bundle chosen", () -> onFx(() -> ((Label) dialog.getScene().lookup("#check-bundle-name"))
                    .getText().contains(bundle.getFileName().toString())));
        }
        clickOn("#check-vault-run");
        waitUntil("the outcome", () -> onFx(() -> !((Label) dialog.getScene().lookup("#check-result")).getText()
                .isEmpty()));
        return onFx(() -> ((Label) dialog.getScene().lookup("#check-result")).getText());
    }
}
