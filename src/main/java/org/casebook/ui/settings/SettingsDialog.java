package org.casebook.ui.settings;

import java.time.ZoneId;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import org.casebook.evidence.TimeZones;
import org.casebook.ui.common.AppShell;
import org.casebook.ui.common.DialogLayout;
import org.casebook.ui.common.FormGrid;
import org.casebook.ui.common.Settings;
import org.casebook.ui.common.ZoneField;

/** Auto-lock, neutral title, default time zone, theme, text size and the recent-vaults list. */
public final class SettingsDialog {
    private SettingsDialog() {
    }

    public static void show(AppShell shell) {
        Settings settings = shell.settings();
        Dialog<ButtonType> dialog = new Dialog<>();
        shell.dialogs().prepare(dialog, "Settings");
        dialog.setHeaderText("Settings");

        Spinner<Integer> autoLock = new Spinner<>(1, 120, settings.autoLockMinutesProperty().get());
        autoLock.setId("settings-autolock");
        autoLock.setEditable(true);
        autoLock.setAccessibleText("Lock after this many minutes without use");
        CheckBox discreet = new CheckBox("Neutral (\"" + AppShell.DISCREET_TITLE + "\")");
        discreet.setId("settings-discreet");
        discreet.setSelected(settings.discreetTitleProperty().get());
        ZoneId computer = TimeZones.computerZone();
        ZoneField zone = new ZoneField("settings-zone", settings.defaultZone());
        ComboBox<Settings.Theme> theme = new ComboBox<>(FXCollections.observableArrayList(Settings.Theme.values()));
        theme.setId("settings-theme");
        theme.setValue(settings.themeProperty().get());
        theme.setConverter(FormGrid.converter(t -> t == null ? "" : t == Settings.Theme.DARK ? "Dark" : "Light"));
        Spinner<Integer> textSize = new Spinner<>(11, 24, settings.textSizeProperty().get());
        textSize.setId("settings-text-size");
        textSize.setAccessibleText("Text size in pixels");
        CheckBox recent = new CheckBox("Remember recent vaults on this computer");
        recent.setId("settings-recent");
        recent.setSelected(settings.rememberRecentProperty().get());
        recent.setWrapText(true);
        discreet.setWrapText(true);

        GridPane grid = FormGrid.grid(220);
        int row = 0;
        FormGrid.row(grid, row++, "Lock after (minutes idle)", autoLock, "The vault locks itself when nothing is"
                + " touched for this long.");
        FormGrid.row(grid, row++, "Window title", discreet, "Every window is called \"" + AppShell.DISCREET_TITLE
                + "\", and the start screen says nothing about what this app is for.");
        FormGrid.row(grid, row++, "Default time zone", zone.field(), "For new cases. This computer's is "
                + computer.getId() + ". Type to search.");
        FormGrid.row(grid, row++, "Theme", theme, null);
        FormGrid.row(grid, row++, "Text size", textSize, null);
        FormGrid.row(grid, row++, "Recent vaults", recent, "Off: nobody using this computer can see where your vault"
                + " is from here. Turning it off also forgets the list.");
        if (shell.session() != null && !shell.session().isThrowaway()) {
            Button changePassphrase = new Button("Change passphrase…");
            changePassphrase.setId("settings-change-passphrase");
            changePassphrase.setOnAction(e -> ChangePassphraseDialog.show(shell,
                    new ChangePassphraseViewModel(shell.session().vault(), shell.tasks())));
            FormGrid.row(grid, row++, "Passphrase", changePassphrase, "Asks for the current passphrase first.");
        }
        if (shell.session() != null) {
            Button checkVault = new Button("Check the vault…");
            checkVault.setId("settings-check-vault");
            checkVault.setOnAction(e -> CheckVaultDialog.show(shell,
                    new CheckVaultViewModel(shell.session().vault(), shell.tasks())));
            FormGrid.row(grid, row, "Check", checkVault, "Re-checks every original and the record of changes; with a"
                    + " bundle you made, also that this is still that vault and not an older copy or another one.");
        }
        DialogLayout layout = DialogLayout.set(dialog, grid);
        ButtonType save = new ButtonType("Save settings", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        layout.primaryButton(save, "settings-save", zone.problem());
        dialog.showAndWait().filter(save::equals).ifPresent(b -> {
            settings.autoLockMinutesProperty().set(autoLock.getValue());
            settings.discreetTitleProperty().set(discreet.isSelected());
            ZoneId chosen = zone.zoneProperty().get();
            // The computer's own zone is not stored: it then follows the computer if that changes.
            settings.defaultZoneProperty().set(computer.equals(chosen) ? null : chosen);
            settings.themeProperty().set(theme.getValue());
            settings.textSizeProperty().set(textSize.getValue());
            settings.rememberRecentProperty().set(recent.isSelected());
            settings.save();
        });
    }
}
