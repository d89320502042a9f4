package org.casebook.ui.settings;

import java.time.ZoneId;
import java.util.TreeSet;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import org.casebook.ui.common.AppShell;
import org.casebook.ui.common.Settings;

/** Auto-lock, discreet title, default time zone, theme, text size and the recent-vaults list. */
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
        CheckBox discreet = new CheckBox("Use a neutral window title (\"" + AppShell.DISCREET_TITLE + "\")");
        discreet.setId("settings-discreet");
        discreet.setSelected(settings.discreetTitleProperty().get());
        ComboBox<String> zone = new ComboBox<>(FXCollections.observableArrayList(new TreeSet<>(ZoneId.getAvailableZoneIds())));
        zone.setId("settings-zone");
        zone.setEditable(true);
        zone.setValue(settings.defaultZoneProperty().get().getId());
        zone.setAccessibleText("Default time zone for new cases");
        ComboBox<Settings.Theme> theme = new ComboBox<>(FXCollections.observableArrayList(Settings.Theme.values()));
        theme.setId("settings-theme");
        theme.setValue(settings.themeProperty().get());
        Spinner<Integer> textSize = new Spinner<>(11, 24, settings.textSizeProperty().get());
        textSize.setId("settings-text-size");
        textSize.setAccessibleText("Text size in pixels");
        CheckBox recent = new CheckBox("Remember recent vaults on this computer");
        recent.setId("settings-recent");
        recent.setSelected(settings.rememberRecentProperty().get());
        Label recentHint = new Label("Turning this off also forgets the list.");
        recentHint.getStyleClass().add("hint");
        Label zoneError = new Label();
        zoneError.getStyleClass().add("error-text");

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.setPadding(new Insets(10, 0, 0, 0));
        int row = 0;
        grid.addRow(row++, new Label("Lock after (minutes idle)"), autoLock);
        grid.addRow(row++, new Label("Window title"), discreet);
        grid.addRow(row++, new Label("Default time zone"), zone);
        grid.add(zoneError, 1, row++);
        grid.addRow(row++, new Label("Theme"), theme);
        grid.addRow(row++, new Label("Text size"), textSize);
        grid.addRow(row++, new Label("Recent vaults"), recent);
        grid.add(recentHint, 1, row);
        dialog.getDialogPane().setContent(grid);
        ButtonType save = new ButtonType("Save settings", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(save).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                ZoneId.of(zone.getEditor().getText().strip());
            } catch (RuntimeException bad) {
                zoneError.setText("Not a time zone. Pick one from the list, such as Europe/London.");
                e.consume();
            }
        });
        dialog.showAndWait().filter(save::equals).ifPresent(b -> {
            settings.autoLockMinutesProperty().set(autoLock.getValue());
            settings.discreetTitleProperty().set(discreet.isSelected());
            settings.defaultZoneProperty().set(ZoneId.of(zone.getEditor().getText().strip()));
            settings.themeProperty().set(theme.getValue());
            settings.textSizeProperty().set(textSize.getValue());
            settings.rememberRecentProperty().set(recent.isSelected());
            settings.save();
        });
    }
}
