package org.casebook.ui.main;

import java.io.File;
import java.time.ZonedDateTime;
import java.util.List;
import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.casebook.evidence.VisibleText;
import org.casebook.model.Case;
import org.casebook.model.Incident;
import org.casebook.model.Person;
import org.casebook.model.TimelineItem;
import org.casebook.ui.bundle.BundleDialog;
import org.casebook.ui.capture.ArchivedPageWindow;
import org.casebook.ui.capture.CaptureDialog;
import org.casebook.ui.capture.EvidenceBrowserWindow;
import org.casebook.ui.cases.CaseDialogs;
import org.casebook.ui.common.AppShell;
import org.casebook.ui.common.WrappingRows;
import org.casebook.ui.detail.ConductChoices;
import org.casebook.ui.detail.ItemConductViewModel;
import org.casebook.ui.impact.ImpactView;
import org.casebook.ui.orders.OrdersView;
import org.casebook.ui.pattern.PatternView;
import org.casebook.ui.reports.ReportsView;
import org.casebook.ui.common.Icons;
import org.casebook.ui.detail.DetailView;
import org.casebook.ui.diary.DiaryEntryDialog;
import org.casebook.ui.diary.DiaryEntryViewModel;
import org.casebook.ui.imports.ImportWizardDialog;
import org.casebook.ui.settings.SettingsDialog;
import org.casebook.ui.timeline.TimelineView;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignN;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The main window: cases and people on the left, the timeline in the middle, the selected item on the
 * right. Files dropped anywhere on it are added to the selected case.
 */
public final class MainView extends BorderPane {
    private final AppShell shell;
    private final MainViewModel vm;
    private final TimelineView timeline;
    private final Map<Section, Node> screens = new EnumMap<>(Section.class);
    private final ToggleGroup sections = new ToggleGroup();

    public MainView(AppShell shell, MainViewModel vm) {
        this.shell = shell;
        this.vm = vm;
        setId("main-view");
        timeline = new TimelineView(vm.timeline(), vm.people(), vm::select);
        DetailView detail = new DetailView(vm.detail(), new DetailView.Actions() {
            @Override
            public void edit(Incident incident) {
                editIncident(incident);
            }

            @Override
            public void delete(TimelineItem item) {
                deleteItem(item);
            }

            @Override
            public void attachTo(Incident incident) {
                vm.addEvidence(shell.dialogs().chooseFiles("Attach files to this diary entry"), incident.id(),
                        timeline::select);
            }

            @Override
            public void possibleBreach(ItemConductViewModel.State state) {
                ConductChoices.condition(shell.dialogs(), state.orders())
                        .ifPresent(c -> vm.detail().conduct().confirmBreach(c.id()));
            }

            @Override
            public void partOfReport(ItemConductViewModel.State state) {
                ConductChoices.report(shell.dialogs(), state.reports())
                        .ifPresent(r -> vm.detail().conduct().linkToReport(r.id()));
            }

            @Override
            public void captureAgain(String url) {
                openCapture(url);
            }

            @Override
            public void continuity(TimelineItem item, String fileName) {
                org.casebook.ui.detail.ContinuityDialog.show(shell.dialogs(), fileName, vm.continuityOf(item),
                        caseZone())
                        .ifPresent(r -> vm.recordContinuity(item, r));
            }

            @Override
            public void openElsewhere(org.casebook.model.Attachment attachment) {
                openInAnotherProgram(attachment);
            }

            @Override
            public void exhibitTitle(TimelineItem item, String title) {
                vm.setExhibitTitle(item, title);
            }

            @Override
            public void openArchivedPage(org.casebook.evidence.CaptureFacts.Capture capture) {
                vm.archivedPage(capture.itemId(), html -> ArchivedPageWindow.open(shell, capture.title(),
                        capture.finalUrl() == null ? capture.requestedUrl() : capture.finalUrl(), html));
            }
        });
        javafx.scene.control.MenuItem captureItem = new javafx.scene.control.MenuItem("Capture web page…");
        captureItem.setId("timeline-capture");
        captureItem.setOnAction(e -> openCapture(null));
        javafx.scene.control.MenuItem browserItem = new javafx.scene.control.MenuItem("Evidence browser…");
        browserItem.setId("timeline-browser");
        browserItem.setOnAction(e -> openBrowser(null));
        timeline.list().setContextMenu(new javafx.scene.control.ContextMenu(captureItem, browserItem));
        SplitPane timelineAndDetail = new SplitPane(timeline, detail);
        timelineAndDetail.setDividerPositions(0.55);
        screens.put(Section.TIMELINE, timelineAndDetail);
        screens.put(Section.PATTERN, new PatternView(vm.pattern(), shell.dialogs()));
        screens.put(Section.STATEMENT, new org.casebook.ui.statement.StatementView(vm.statement(), shell.dialogs()));
        screens.put(Section.ORDERS, new OrdersView(vm.orders(), shell.dialogs(), vm::people, vm::files, this::showOnTimeline));
        screens.put(Section.REPORTS, new ReportsView(vm.reports(), shell.dialogs(), this::caseZone, vm::diaryEntries,
                this::showOnTimeline));
        screens.put(Section.IMPACT, new ImpactView(vm.impact(), shell.dialogs(),
                () -> java.time.LocalDate.now(caseZone()), vm::diaryEntries));
        BorderPane caseArea = new BorderPane();
        caseArea.setTop(navigation());
        caseArea.setCenter(screens.get(Section.TIMELINE));
        vm.sectionProperty().addListener((o, old, section) -> caseArea.setCenter(screens.get(section)));
        SplitPane split = new SplitPane(sidePane(), caseArea);
        split.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        setTop(toolBar());
        setCenter(split);
        setBottom(statusBar());
        setUpDragAndDrop();
        setUpShortcuts();
    }

    /**
     * The strip under the toolbar that switches between the case's screens; Tab reaches it, Space picks a
     * screen, and Ctrl+1 … Ctrl+6 jump straight to one.
     */
    private HBox navigation() {
        HBox strip = new HBox();
        strip.setId("sections");
        strip.getStyleClass().add("section-strip");
        Section[] all = Section.values();
        for (int i = 0; i < all.length; i++) {
            Section section = all[i];
            ToggleButton button = new ToggleButton(section.label());
            button.setId("nav-" + section.name().toLowerCase(java.util.Locale.ROOT));
            button.setUserData(section);
            button.setToggleGroup(sections);
            button.setTooltip(new Tooltip(section.label() + " (Ctrl+" + (i + 1) + ")"));
            button.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == all.length - 1 ? Styles.RIGHT_PILL
                    : Styles.CENTER_PILL);
            button.disableProperty().bind(vm.selectedCaseProperty().isNull());
            strip.getChildren().add(button);
        }
        sections.selectToggle(sections.getToggles().get(0));
        sections.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                sections.selectToggle(old); // one screen is always showing
            } else {
                vm.sectionProperty().set((Section) now.getUserData());
            }
        });
        vm.sectionProperty().addListener((o, old, section) -> sections.getToggles().stream()
                .filter(t -> t.getUserData() == section).findFirst().ifPresent(sections::selectToggle));
        return strip;
    }

    /** Shows an item on the timeline: clears the filters that could hide it, then selects it. */
    private void showOnTimeline(long itemId) {
        vm.sectionProperty().set(Section.TIMELINE);
        vm.timeline().clearFilters();
        timeline.select(itemId);
    }

    private ZoneId caseZone() {
        Case c = vm.selectedCaseProperty().get();
        return c == null ? ZoneId.systemDefault() : c.zone();
    }

    private HBox toolBar() {
        Button diary = new Button("New diary entry", Icons.of(MaterialDesignN.NOTEBOOK_PLUS_OUTLINE, 18));
        diary.setId("new-diary-entry");
        diary.setTooltip(new Tooltip("Write down something that happened (Ctrl+N)"));
        diary.getStyleClass().add("accent");
        diary.setOnAction(e -> newIncident());
        Button evidence = new Button("Add photos and files", Icons.of(MaterialDesignF.FILE_PLUS_OUTLINE, 18));
        evidence.setId("add-evidence");
        evidence.setTooltip(new Tooltip("Add photos, documents, recordings or videos (Ctrl+O), or drop them on the window"));
        evidence.setOnAction(e -> vm.addEvidence(shell.dialogs().chooseFiles("Add photos and files"), null,
                timeline::select));
        Button importMessages = new Button("Import messages", Icons.of(MaterialDesignM.MESSAGE_ARROW_RIGHT_OUTLINE, 18));
        importMessages.setId("import-messages");
        importMessages.setTooltip(new Tooltip("Import a WhatsApp, SMS, Messenger, Instagram, Telegram, e-mail, Signal,"
                + " Discord or CSV export (Ctrl+I)"));
        importMessages.setOnAction(e -> openImport());
        importMessages.disableProperty().bind(vm.selectedCaseProperty().isNull());
        Button capture = new Button("Capture web page", Icons.of(org.kordamp.ikonli.materialdesign2.MaterialDesignW.WEB, 18));
        capture.setId("capture-web-page");
        capture.setTooltip(new Tooltip("Keep a copy of a web page as evidence: its text, pictures, a screenshot and"
                + " where it came from (Ctrl+Shift+W)"));
        capture.setOnAction(e -> openCapture(null));
        capture.disableProperty().bind(vm.selectedCaseProperty().isNull());
        Button bundle = new Button("Create bundle", Icons.of(MaterialDesignF.FILE_PDF_BOX, 18));
        bundle.setId("create-bundle");
        bundle.setTooltip(new Tooltip("Make the PDF evidence bundle for the police or a court (Ctrl+B)"));
        bundle.setOnAction(e -> openBundle());
        bundle.disableProperty().bind(vm.selectedCaseProperty().isNull());
        diary.disableProperty().bind(vm.selectedCaseProperty().isNull());
        evidence.disableProperty().bind(vm.selectedCaseProperty().isNull());
        Label demo = new Label(vm.isDemo() ? "Demo case — made up, deleted when you lock" : "");
        demo.getStyleClass().add("hint");
        Button support = new Button("Support", Icons.of(MaterialDesignL.LIFEBUOY, 18));
        support.setId("support");
        support.setTooltip(new Tooltip("Helplines and where to get support"));
        support.setOnAction(e -> SupportDialog.show(shell.dialogs()));
        Button settings = new Button(null, Icons.of(MaterialDesignC.COG_OUTLINE, 18));
        settings.setId("main-settings");
        settings.setTooltip(new Tooltip("Settings"));
        settings.setAccessibleText("Settings");
        settings.setOnAction(e -> SettingsDialog.show(shell));
        Button lock = new Button("Lock", Icons.of(Icons.LOCK, 18));
        lock.setId("lock");
        lock.setTooltip(new Tooltip("Lock the vault (Ctrl+L)"));
        lock.setOnAction(e -> shell.lock(null));
        ToolBar actions = new ToolBar(diary, evidence, importMessages, capture, bundle);
        // Lock, Settings and Support sit in a bar of their own that never shrinks: on a narrow window (or beside the
        // demo's notice) the actions' bar folds into its overflow menu, never the Lock button.
        ToolBar safety = new ToolBar(demo, support, settings, lock);
        safety.setMinWidth(Region.USE_PREF_SIZE);
        actions.setMinWidth(0);
        HBox.setHgrow(actions, Priority.ALWAYS);
        HBox bar = new HBox(actions, safety);
        bar.setId("main-toolbar");
        // On a small screen the capture button shows its globe alone (its tooltip and accessible text say what it
        // does), so fewer actions fold away.
        capture.setAccessibleText("Capture web page");
        capture.contentDisplayProperty().bind(Bindings.when(bar.widthProperty().lessThan(1180))
                .then(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY).otherwise(javafx.scene.control.ContentDisplay.LEFT));
        return bar;
    }

    private VBox sidePane() {
        Label casesTitle = new Label("CASES");
        casesTitle.getStyleClass().add("section-title");
        ListView<Case> cases = new ListView<>(vm.cases());
        cases.setId("cases");
        cases.setAccessibleText("Cases");
        cases.setPrefHeight(160);
        WrappingRows.apply(cases, c -> VisibleText.line(c.title()) + "  (" + VisibleText.line(c.initials()) + ")");
        cases.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> {
            if (c != null && c != vm.selectedCaseProperty().get()) {
                vm.selectedCaseProperty().set(c);
            }
        });
        vm.selectedCaseProperty().addListener((o, a, c) -> cases.getSelectionModel().select(c));
        Button addCase = new Button("New case", Icons.of(MaterialDesignP.PLUS, 16));
        addCase.setId("add-case");
        addCase.setOnAction(e -> newCase());
        Button renameCase = new Button("Edit", Icons.of(MaterialDesignP.PENCIL_OUTLINE, 16));
        renameCase.setId("rename-case");
        renameCase.disableProperty().bind(vm.selectedCaseProperty().isNull());
        renameCase.setOnAction(e -> {
            Case c = vm.selectedCaseProperty().get();
            vm.loadCover(c, cover -> CaseDialogs.editCase(shell.dialogs(), c, cover, c.zone())
                    .ifPresent(f -> vm.updateCase(c, f)));
        });

        Label peopleTitle = new Label("PEOPLE");
        peopleTitle.getStyleClass().add("section-title");
        ListView<Person> people = new ListView<>(vm.people());
        people.setId("people");
        people.setAccessibleText("People in this case");
        WrappingRows.apply(people, p -> VisibleText.line(p.name()) + (p.identifiers().isEmpty() ? "" : "\n"
                        + VisibleText.line(p.identifiers().stream().map(i -> i.raw()).collect(Collectors.joining(", ")))),
                p -> Icons.of(p.role() == org.casebook.model.PersonRole.PERPETRATOR
                        ? MaterialDesignA.ACCOUNT_ALERT_OUTLINE : MaterialDesignA.ACCOUNT_OUTLINE, 18));
        VBox.setVgrow(people, Priority.ALWAYS);
        Button addPerson = new Button("Add person", Icons.of(MaterialDesignA.ACCOUNT_PLUS_OUTLINE, 16));
        addPerson.setId("add-person");
        addPerson.disableProperty().bind(vm.selectedCaseProperty().isNull());
        addPerson.setOnAction(e -> CaseDialogs.addPerson(shell.dialogs()).ifPresent(vm::addPerson));

        Button samePerson = new Button("Same person as…", Icons.of(MaterialDesignA.ACCOUNT_MULTIPLE_OUTLINE, 16));
        samePerson.setId("merge-person");
        samePerson.setTooltip(new Tooltip("The selected person is someone already listed, using another number or"
                + " account"));
        samePerson.disableProperty().bind(people.getSelectionModel().selectedItemProperty().isNull());
        samePerson.setOnAction(e -> mergePerson(people.getSelectionModel().getSelectedItem()));
        Button whyTheirs = new Button("Why theirs…", Icons.of(MaterialDesignA.ACCOUNT_QUESTION_OUTLINE, 16));
        whyTheirs.setId("attribute-person");
        whyTheirs.setTooltip(new Tooltip("Say how you know a number, address, account or vehicle is this person's;"
                + " the bundle's who-is-who page prints it"));
        whyTheirs.disableProperty().bind(people.getSelectionModel().selectedItemProperty().isNull());
        whyTheirs.setOnAction(e -> {
            Person person = people.getSelectionModel().getSelectedItem();
            org.casebook.ui.cases.AttributionDialog.show(shell.dialogs(), person)
                    .ifPresent(f -> vm.attribute(person, f));
        });
        // Beside the cases, as an icon: the toolbars have no room left on a small screen.
        Button backUp = new Button(null, Icons.of(MaterialDesignC.CONTENT_SAVE_OUTLINE, 16));
        backUp.setId("back-up");
        backUp.setAccessibleText("Back up…");
        backUp.setTooltip(new Tooltip("Back up…: an encrypted, checked copy of the whole vault on a USB stick or"
                + " in another folder"));
        backUp.setOnAction(e -> BackupAction.run(shell, shell.session()));
        backUp.setDisable(vm.isDemo());
        VBox side = new VBox(8, casesTitle, cases, new HBox(6, addCase, renameCase, backUp), peopleTitle, people,
                new FlowPane(6, 6, addPerson, samePerson, whyTheirs));
        side.getStyleClass().add("side-pane");
        side.setMinWidth(220);
        return side;
    }

    private HBox statusBar() {
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(220);
        Label message = new Label();
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-job");
        HBox bar = new HBox(10, progress, message, cancel);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(vm.jobProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        vm.jobProperty().addListener((o, old, task) -> {
            progress.progressProperty().unbind();
            message.textProperty().unbind();
            if (task != null) {
                progress.progressProperty().bind(task.progressProperty());
                message.textProperty().bind(Bindings.concat("Adding ", task.messageProperty(), "…"));
                cancel.setOnAction(e -> task.cancel());
            }
        });
        return bar;
    }

    private void setUpDragAndDrop() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && vm.selectedCaseProperty().get() != null) {
                e.acceptTransferModes(TransferMode.COPY);
                if (!getStyleClass().contains("drop-target")) {
                    getStyleClass().add("drop-target");
                }
            }
            e.consume();
        });
        setOnDragExited(e -> getStyleClass().remove("drop-target"));
        setOnDragDropped(e -> {
            getStyleClass().remove("drop-target");
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            e.setDropCompleted(!files.isEmpty());
            e.consume();
            vm.addEvidence(files.stream().map(File::toPath).toList(), null, timeline::select);
        });
    }

    /**
     * The window's shortcuts while this view is shown. They belong to the scene, which outlives the view: when the
     * view leaves it (Lock, Quick exit) they are taken off again, or the scene would keep this view, and through its
     * timeline the texts it last showed, reachable after the vault is locked.
     */
    private void setUpShortcuts() {
        java.util.Map<KeyCombination, Runnable> added = new java.util.HashMap<>();
        sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                added.forEach((keys, action) -> old.getAccelerators().remove(keys, action));
                added.clear();
            }
            if (scene == null) {
                return;
            }
            java.util.Map<KeyCombination, Runnable> accelerators = new java.util.LinkedHashMap<>();
            accelerators.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), this::newIncident);
            KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6};
            for (Section section : Section.values()) {
                accelerators.put(new KeyCodeCombination(digits[section.ordinal()], KeyCombination.SHORTCUT_DOWN),
                        () -> {
                            if (vm.selectedCaseProperty().get() != null) {
                                vm.sectionProperty().set(section);
                            }
                        });
            }
            accelerators.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                    timeline::focusSearch);
            accelerators.put(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN), this::openImport);
            accelerators.put(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN), this::openBundle);
            accelerators.put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN,
                    KeyCombination.SHIFT_DOWN), () -> openCapture(null));
            accelerators.put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN,
                    KeyCombination.SHIFT_DOWN), () -> openBrowser(null));
            accelerators.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN),
                    () -> shell.lock(null));
            accelerators.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                    () -> vm.addEvidence(shell.dialogs().chooseFiles("Add photos and files"), null, timeline::select));
            scene.getAccelerators().putAll(accelerators);
            added.putAll(accelerators);
        });
    }

    private void mergePerson(Person from) {
        List<Person> others = vm.people().stream().filter(p -> p.id() != from.id()).toList();
        if (others.isEmpty()) {
            shell.dialogs().showInfo("No one to merge with", "Add the other identity first: then choose it here.");
            return;
        }
        shell.dialogs().choose("Same person as…", "Which person is \"" + VisibleText.line(from.name()) + "\" really?",
                "merge-into", others, others.get(0), p -> VisibleText.line(p.name())).ifPresent(into -> {
            String fromName = VisibleText.line(from.name());
            String intoName = VisibleText.line(into.name());
            if (shell.dialogs().confirm("Count \"" + fromName + "\" as " + intoName + "?",
                    "All of " + fromName + "'s numbers, addresses and accounts move to " + intoName
                            + ", and all their messages and calls will count as one person's course of conduct."
                            + " The messages keep the name they were sent under. The vault's record keeps what"
                            + " was merged.", "Merge")) {
                vm.mergePerson(from, into);
            }
        });
    }

    private void newCase() {
        CaseDialogs.editCase(shell.dialogs(), null, shell.settings().defaultZone())
                .ifPresent(vm::addCase);
    }

    /** A new vault has no case yet: everything starts from one, so ask for it straight away. */
    public void promptFirstCaseIfNone() {
        if (vm.cases().isEmpty()) {
            newCase();
        }
    }

    private void openImport() {
        var wizard = vm.newImport();
        if (wizard == null) {
            return;
        }
        ImportWizardDialog.show(shell.dialogs(), wizard, summary -> {
            vm.imported();
            shell.dialogs().showInfo("Import finished", String.format("%s: %,d added, %,d already in the case.%s",
                    VisibleText.line(summary.file()), summary.added(), summary.duplicates(),
                    summary.warnings().isEmpty() ? "" : "\n\nNotes:\n" + summary.warnings().subList(0,
                            Math.min(8, summary.warnings().size())).stream().map(VisibleText::line)
                            .collect(Collectors.joining("\n"))));
        });
    }

    /** Capture web page, with {@code address} filled in (Capture again) or empty. */
    private void openCapture(String address) {
        var capture = vm.newCapture(shell.settings(), address);
        if (capture != null) {
            CaptureDialog.show(shell.dialogs(), capture, this::showCaptured, this::openBrowser);
        }
    }

    private void showCaptured(long itemId) {
        vm.sectionProperty().set(Section.TIMELINE);
        vm.captured(itemId, timeline::select);
    }

    /** The evidence browser for the selected case, at {@code address} (or blank). */
    private void openBrowser(String address) {
        var capture = vm.newCapture(shell.settings(), null);
        if (capture != null) {
            EvidenceBrowserWindow.open(shell, vm.vaultFolder(), capture, this::showCaptured, address);
        }
    }

    private void openBundle() {
        var bundle = vm.newBundle(timeline.selectedItemIds());
        if (bundle != null) {
            BundleDialog.show(shell.dialogs(), bundle, shell::showDocument);
        }
    }

    private void newIncident() {
        Case c = vm.selectedCaseProperty().get();
        if (c == null) {
            return;
        }
        DiaryEntryDialog.show(shell.dialogs(), new DiaryEntryViewModel(c.zone(), ZonedDateTime.now()), false)
                .ifPresent(draft -> vm.addIncident(draft, timeline::select));
    }

    private void editIncident(Incident incident) {
        Case c = vm.selectedCaseProperty().get();
        DiaryEntryDialog.show(shell.dialogs(), new DiaryEntryViewModel(c.zone(), incident), true)
                .ifPresent(draft -> vm.editIncident(incident, draft, timeline::select));
    }

    /**
     * "Open in another program…": an export the person asks for, after being told plainly what it leaves on the
     * computer. The readable copy is deleted when the vault locks (Lock, Quick exit, auto-lock) or the app closes.
     */
    private void openInAnotherProgram(org.casebook.model.Attachment attachment) {
        String name = org.casebook.evidence.VisibleText.line(attachment.fileName());
        if (!shell.canShowDocuments()) {
            shell.dialogs().showInfo("Cannot open other programs", "This copy of Casebook cannot open files in other"
                    + " programs. To look at \"" + name + "\" elsewhere, export it (casebook export) to a folder you"
                    + " choose.");
            return;
        }
        if (!shell.dialogs().confirm("Open \"" + name + "\" in another program?", "To do this, Casebook saves a"
                + " readable, unlocked copy of this file in a private temporary folder on this computer, and asks the"
                + " computer to open it.\n\nCasebook deletes its copy when you lock, use Quick exit or close"
                + " Casebook. Until then, anyone who can get into your account could find it. The other program may"
                + " also keep its own traces, such as a recent-files list or a thumbnail, which Casebook cannot"
                + " remove.", "Open a readable copy")) {
            return;
        }
        org.casebook.ui.common.Session session = shell.session();
        shell.tasks().quick(progress -> session.openedCopies().write(attachment),
                file -> shell.showDocument(file),
                error -> shell.dialogs().showError("The copy could not be opened", error));
    }

    private void deleteItem(TimelineItem item) {
        shell.dialogs().askText("Delete from the vault",
                "Why are you deleting this? The reason and a fingerprint of what was deleted stay in the vault's"
                        + " record, so a court can see that something was removed and why.", "Delete")
                .ifPresent(reason -> vm.delete(item, reason));
    }

    public MainViewModel viewModel() {
        return vm;
    }

    public TimelineView timelineView() {
        return timeline;
    }
}
