package org.casebook.ui.start;

import java.nio.file.Files;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.casebook.ui.common.AppShell;
import org.casebook.ui.common.Icons;
import org.casebook.ui.settings.SettingsDialog;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The first screen, and the one the app returns to when it locks: create or open a vault, reopen a recent one,
 * or explore the demo case. With the neutral title on, it says nothing about what the app is for and shows no
 * vault: anyone may see it on a locked computer.
 */
public final class StartView extends BorderPane {

    private final StartViewModel vm;

    public StartView(AppShell shell, StartViewModel vm) {
        this.vm = vm;
        getStyleClass().add("start");
        setId("start-view");
        BooleanProperty neutral = shell.settings().discreetTitleProperty();

        Label headline = new Label();
        headline.setId("start-headline");
        headline.textProperty().bind(Bindings.when(neutral).then(AppShell.DISCREET_TITLE)
                .otherwise("Your record, kept safe and in order."));
        headline.getStyleClass().add("headline");
        headline.setWrapText(true);
        Label lead = new Label("Casebook keeps a locked diary of what is happening to you, with the messages,"
                + " photos and documents that show it, and turns them into a bundle the police or a court can use."
                + " Everything stays on this computer, encrypted.");
        lead.getStyleClass().add("lead");
        lead.setWrapText(true);
        lead.setMaxWidth(620);
        lead.visibleProperty().bind(neutral.not());
        lead.managedProperty().bind(lead.visibleProperty());

        Label notice = new Label();
        notice.setId("start-notice");
        notice.getStyleClass().add("notice");
        notice.textProperty().bind(vm.noticeProperty());
        notice.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setWrapText(true);

        Button create = bigAction(neutral, "Create a new vault", "Start a private, encrypted record", "New…",
                Icons.of(MaterialDesignS.SHIELD_PLUS_OUTLINE, 22));
        create.setId("create-vault");
        create.setDefaultButton(true);
        create.setOnAction(e -> shell.dialogs().chooseNewVault()
                .ifPresent(file -> PassphraseDialogs.create(shell.dialogs(), vm, file)));
        Button open = bigAction(neutral, "Open a vault…", "A .casebook file you made before", "Open…",
                Icons.of(MaterialDesignF.FOLDER_LOCK_OPEN_OUTLINE, 22));
        open.setId("open-vault");
        open.setOnAction(e -> shell.dialogs().chooseVaultToOpen()
                .ifPresent(file -> PassphraseDialogs.unlock(shell.dialogs(), vm, file)));
        Button demo = bigAction(neutral, "Explore with a demo case", "A made-up case to look around — nothing real",
                "Sample", Icons.of(MaterialDesignC.COMPASS_OUTLINE, 22));
        demo.setId("open-demo");
        demo.setOnAction(e -> vm.openDemo(error -> shell.dialogs().showError("The demo case could not be made", error)));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(28, 28);
        busy.visibleProperty().bind(vm.busyProperty());
        busy.progressProperty().bind(vm.progressProperty());
        create.disableProperty().bind(vm.busyProperty());
        open.disableProperty().bind(vm.busyProperty());
        demo.disableProperty().bind(vm.busyProperty());

        VBox actions = new VBox(12, create, open, demo, busy);
        VBox left = new VBox(18, headline, lead, notice, actions);
        left.setMaxWidth(660);

        setCenter(left);
        setRight(recentPane(shell, vm, neutral));
        BorderPane.setMargin(left, new Insets(0, 32, 0, 0));
    }

    /** The recent vaults and Settings; on a neutral screen only Settings (where the vaults are is no one's business). */
    private static VBox recentPane(AppShell shell, StartViewModel vm, BooleanProperty neutral) {
        Label title = new Label("RECENT VAULTS");
        title.getStyleClass().add("section-title");
        ListView<Path> recent = new ListView<>(vm.recentVaults());
        recent.setId("recent-vaults");
        recent.setPrefWidth(340);
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        placeholder.setPadding(new Insets(0, 16, 0, 16));
        placeholder.textProperty().bind(Bindings.when(vm.rememberRecentProperty())
                .then("Vaults you open appear here.")
                .otherwise("Not kept: nobody using this computer can see here where your vault is. Tick the box"
                        + " below to keep a list."));
        recent.setPlaceholder(placeholder);
        recent.setAccessibleText("Recent vaults. Press Enter to unlock the selected one.");
        recent.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    setContextMenu(null);
                    return;
                }
                Label name = new Label(item.getFileName().toString());
                Label where = new Label(item.getParent() == null ? "" : item.getParent().toString()
                        + (Files.exists(item) ? "" : "  (not found)"));
                where.getStyleClass().add("hint");
                setGraphic(new VBox(2, name, where));
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
                MenuItem forget = new MenuItem("Remove from this list");
                forget.setOnAction(e -> vm.forget(item));
                setContextMenu(new ContextMenu(forget));
            }
        });
        Runnable openSelected = () -> {
            Path selected = recent.getSelectionModel().getSelectedItem();
            if (selected != null) {
                PassphraseDialogs.unlock(shell.dialogs(), vm, selected);
            }
        };
        recent.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelected.run();
            }
        });
        recent.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected.run();
            }
        });
        VBox.setVgrow(recent, Priority.ALWAYS);
        CheckBox remember = new CheckBox("Remember recent vaults on this computer");
        remember.setWrapText(true);
        remember.setId("remember-recent");
        remember.selectedProperty().bindBidirectional(vm.rememberRecentProperty());
        remember.selectedProperty().addListener((o, a, b) -> shell.settings().save());
        Button settings = new Button("Settings", Icons.of(MaterialDesignC.COG_OUTLINE, 16));
        settings.setId("open-settings");
        settings.setOnAction(e -> SettingsDialog.show(shell));
        Button restore = new Button("Restore from backup…", Icons.of(MaterialDesignB.BACKUP_RESTORE, 16));
        restore.setId("restore-backup");
        restore.setTooltip(new Tooltip("Put a vault back from a backup; the backup is checked before it replaces"
                + " anything"));
        restore.disableProperty().bind(vm.busyProperty());
        restore.setOnAction(e -> RestoreFlow.start(shell, vm));
        HBox footer = new HBox(8, restore, settings);
        footer.setAlignment(Pos.CENTER_RIGHT);
        VBox list = new VBox(8, title, recent, remember);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.visibleProperty().bind(neutral.not());
        list.managedProperty().bind(list.visibleProperty());
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        VBox pane = new VBox(8, list, spacer, footer);
        pane.setPrefWidth(360);
        return pane;
    }

    /** A large button with a title and a line under it; with {@code neutral} on, only {@code neutralTitle}. */
    private static Button bigAction(BooleanProperty neutral, String title, String subtitle, String neutralTitle,
                                    javafx.scene.Node icon) {
        Label main = new Label();
        main.textProperty().bind(Bindings.when(neutral).then(neutralTitle).otherwise(title));
        main.setStyle("-fx-font-weight: bold;");
        Label sub = new Label(subtitle);
        sub.getStyleClass().add("hint");
        sub.visibleProperty().bind(neutral.not());
        sub.managedProperty().bind(sub.visibleProperty());
        Button button = new Button(null, new HBox(14, icon, new VBox(2, main, sub)));
        button.getStyleClass().add("big-action");
        button.accessibleTextProperty().bind(Bindings.when(neutral).then(neutralTitle)
                .otherwise(title + ". " + subtitle));
        button.setMnemonicParsing(false);
        return button;
    }

    /** What this screen shows and does (the app opens the demo through it when started with --demo). */
    public StartViewModel viewModel() {
        return vm;
    }
}
