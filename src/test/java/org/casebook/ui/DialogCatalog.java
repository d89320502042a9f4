package org.casebook.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.casebook.model.Case;
import org.casebook.model.ImpactKind;
import org.casebook.model.OrderDraft;
import org.casebook.model.OrderKind;
import org.casebook.model.Person;
import org.casebook.model.ReportDraft;
import org.casebook.model.ReportRecipient;
import org.casebook.ui.common.Session;
import org.casebook.ui.imports.ImportWizardDialog;
import org.casebook.ui.imports.ImportWizardViewModel;
import org.casebook.ui.start.PassphraseDialogs;

/**
 * Every dialog the app has, each opened the way a person opens it (on the start screen, or over the seeded
 * vault), in the states that matter for its layout: a weak passphrase, a wrong one, dates to settle, a failed
 * bundle. Tests of quick exit, auto-lock and layout run over this list.
 */
final class DialogCatalog {
    /**
     * One dialog in one state: {@code open} brings it up and returns its window. A {@code variant} is a dialog
     * already listed, in another state (its layout differs, not its window).
     */
    record Entry(String name, boolean needsVault, boolean variant, Function<UiTestBase, Window> open) {
        Entry(String name, boolean needsVault, Function<UiTestBase, Window> open) {
            this(name, needsVault, VARIANTS.contains(name), open);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final java.util.Set<String> VARIANTS = java.util.Set.of(
            "create vault, weak and different passphrases", "unlock, wrong passphrase", "rename case",
            "edit diary entry", "part of a report, none yet", "import messages, dates to settle",
            "import messages, preview and who is who", "create bundle, failed", "create bundle, ready", "settings", "capture web page, not a web address",
            "link an impact entry");

    private DialogCatalog() {
    }

    static final List<Entry> ALL = List.of(
            // ---- before a vault is open ----
            new Entry("create vault", false, t -> {
                t.interact(() -> PassphraseDialogs.create(t.shell.dialogs(), t.startViewModel(),
                        t.temp.resolve("new.casebook")));
                return t.dialogWith("#create-passphrase");
            }),
            new Entry("create vault, weak and different passphrases", false, t -> {
                t.interact(() -> PassphraseDialogs.create(t.shell.dialogs(), t.startViewModel(),
                        t.temp.resolve("new.casebook")));
                Window w = t.dialogWith("#create-passphrase");
                t.clickOn("#create-passphrase");
                t.typeText("password1");
                t.waitUntil("the strength verdict", () -> t.lookup("#strength-verdict").queryAs(Label.class)
                        .getText().startsWith("Very weak"));
                t.clickOn("#create-passphrase-again");
                t.typeText("password2");
                return w;
            }),
            new Entry("unlock", false, t -> {
                Path file = SeededVault.copyTo(t.temp);
                t.interact(() -> PassphraseDialogs.unlock(t.shell.dialogs(), t.startViewModel(), file));
                return t.dialogWith("#unlock-passphrase");
            }),
            new Entry("unlock, wrong passphrase", false, t -> {
                Path file = SeededVault.copyTo(t.temp);
                t.interact(() -> PassphraseDialogs.unlock(t.shell.dialogs(), t.startViewModel(), file));
                Window w = t.dialogWith("#unlock-passphrase");
                t.clickOn("#unlock-passphrase");
                t.typeText("not the passphrase");
                t.clickOn("#unlock-button");
                t.waitUntil("the wrong-passphrase message",
                        () -> !t.lookup("#unlock-error").queryAs(Label.class).getText().isEmpty());
                return w;
            }),
            new Entry("restore from backup", false, t -> {
                Path file = SeededVault.copyTo(t.temp);
                t.interact(() -> PassphraseDialogs.restore(t.shell.dialogs(), t.startViewModel(), file,
                        t.temp.resolve("restored.casebook")));
                return t.dialogWith("#unlock-passphrase");
            }),
            new Entry("settings, from the start screen", false, t -> {
                t.clickOn("#open-settings");
                return t.dialogWith("#settings-autolock");
            }),
            new Entry("error message", false, t -> {
                Platform.runLater(() -> t.shell.dialogs().showError("The demo case could not be made",
                        new IllegalStateException("no space left on the disk")));
                return t.dialogWithHeader("The demo case could not be made");
            }),

            // ---- over the seeded vault ----
            new Entry("new case", true, t -> {
                t.clickOn("#add-case");
                return t.dialogWith("#case-title");
            }),
            new Entry("rename case", true, t -> {
                t.clickOn("#rename-case");
                return t.dialogWith("#case-title");
            }),
            new Entry("add person", true, t -> {
                t.clickOn("#add-person");
                return t.dialogWith("#person-name");
            }),
            new Entry("same person as", true, t -> {
                selectPerson(t, SeededVault.SAM);
                t.clickOn("#merge-person");
                return t.dialogWith("#merge-into");
            }),
            new Entry("merge, are you sure", true, t -> {
                selectPerson(t, SeededVault.SAM);
                t.clickOn("#merge-person");
                Window choose = t.dialogWith("#merge-into");
                t.fireDefaultButton(choose);
                return t.dialogWithHeader("Count \"" + SeededVault.SAM + "\" as");
            }),
            new Entry("new diary entry", true, t -> {
                t.clickOn("#new-diary-entry");
                return t.dialogWith("#diary-description");
            }),
            new Entry("edit diary entry", true, t -> {
                t.selectTimelineEntry(SeededVault.THREAT);
                t.clickOn("#detail-edit");
                return t.dialogWith("#diary-description");
            }),
            new Entry("delete with a reason", true, t -> {
                t.selectTimelineEntry(SeededVault.THREAT);
                t.fireLater("#detail-delete");
                return t.dialogWithHeader("Why are you deleting this?");
            }),
            new Entry("possible breach, no order yet", true, t -> {
                t.selectTimelineEntry(SeededVault.THREAT);
                t.fireLater("#detail-breach");
                return t.dialogWithHeader("No order recorded");
            }),
            new Entry("possible breach, which condition", true, t -> {
                Session s = t.shell.session();
                Case c = s.cases().list().get(0);
                s.orders().add(c.id(), new OrderDraft(OrderKind.NON_MOLESTATION_ORDER, "Anytown Family Court",
                        "FC-123", LocalDate.of(2024, 2, 1), null, null, null,
                        List.of("Not to contact the applicant directly or indirectly, including through social media",
                                "Not to go within 100 metres of 14 Elm Road")));
                t.selectTimelineEntry(SeededVault.FOLLOWED);
                t.selectTimelineEntry(SeededVault.THREAT);
                t.fireLater("#detail-breach");
                return t.dialogWithHeader("Which condition did this breach?");
            }),
            new Entry("part of a report, none yet", true, t -> {
                t.selectTimelineEntry(SeededVault.THREAT);
                t.fireLater("#detail-report");
                return t.dialogWithHeader("No report recorded");
            }),
            new Entry("part of a report, which one", true, t -> {
                addReport(t);
                t.selectTimelineEntry(SeededVault.FOLLOWED);
                t.selectTimelineEntry(SeededVault.THREAT);
                t.fireLater("#detail-report");
                return t.dialogWithHeader("Which report covered this?");
            }),
            new Entry("import messages", true, t -> {
                t.clickOn("#import-messages");
                return t.dialogWith("#import-choose");
            }),
            new Entry("import messages, dates to settle", true, t -> {
                ImportWizardViewModel vm = wizard(t);
                Path chat = write(t, "WhatsApp Chat with Sam.txt", """
                        01/03/2024, 21:15 - Sam: I saw you at the station
                        02/03/2024, 09:00 - Alex: Please stop contacting me
                        02/03/2024, 09:01 - Sam: Never
                        """);
                t.interact(() -> vm.choose(chat));
                t.waitUntil("both readings of the dates", () -> vm.ambiguousProperty().get());
                return t.dialogWith("#import-day-first");
            }),
            new Entry("import messages, preview and who is who", true, t -> {
                ImportWizardViewModel vm = wizard(t);
                StringBuilder chat = new StringBuilder();
                for (int day = 13; day <= 28; day++) {
                    chat.append(day).append("/03/2024, 21:15 - Sam Sender: I know you moved. I saw your new door,"
                            + " the blue one, and I will be waiting outside it every night this week\n");
                    chat.append(day).append("/03/2024, 21:20 - Alex: Please stop contacting me\n");
                    chat.append(day).append("/03/2024, 21:25 - +44 7700 900123: Answer me\n");
                }
                Path file = write(t, "WhatsApp Chat with Sam Sender.txt", chat.toString());
                t.interact(() -> vm.choose(file));
                t.waitUntil("the preview", () -> vm.readyProperty().get());
                return t.dialogWith("#import-senders");
            }),
            new Entry("capture web page", true, t -> {
                t.clickOn("#capture-web-page");
                return t.dialogWith("#capture-first-warning");
            }),
            new Entry("capture web page, not a web address", true, t -> {
                t.clickOn("#capture-web-page");
                Window w = t.dialogWith("#capture-url");
                t.interact(() -> ((javafx.scene.control.TextField) w.getScene().lookup("#capture-url"))
                        .setText("www.example.org/about me"));
                t.waitUntil("why the address will not do", () -> w.getScene().lookup("#capture-problem")
                        instanceof Label l && l.getText().contains("not a web address"));
                return w;
            }),
            new Entry("create bundle", true, t -> {
                t.clickOn("#create-bundle");
                return t.dialogWith("#bundle-create");
            }),
            new Entry("create bundle, failed", true, t -> {
                Path nowhere = t.temp.resolve("no such folder").resolve("bundle.pdf");
                t.interact(() -> t.shell.dialogs().setSaveChooser((title, folder, name, filter) -> Optional.of(nowhere)));
                t.clickOn("#create-bundle");
                Window w = t.dialogWith("#bundle-create");
                t.interact(() -> ((Button) w.getScene().lookup("#bundle-create")).fire());
                t.waitUntil("the failure", () -> {
                    Node error = w.getScene().lookup("#bundle-error");
                    return error != null && error.isVisible() && !((Label) error).getText().isEmpty();
                });
                return w;
            }),
            new Entry("create bundle, ready", true, t -> {
                Path out;
                try {
                    out = Files.createDirectories(t.temp.resolve("out"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                t.interact(() -> t.shell.dialogs().setSaveChooser((title, folder, name, filter) ->
                        Optional.of(out.resolve(name))));
                t.clickOn("#create-bundle");
                Window w = t.dialogWith("#bundle-create");
                t.interact(() -> ((Button) w.getScene().lookup("#bundle-create")).fire());
                t.waitUntil("the finished bundle", () -> w.getScene().lookup("#bundle-saved") != null);
                return w;
            }),
            new Entry("settings", true, t -> {
                t.clickOn("#main-settings");
                return t.dialogWith("#settings-autolock");
            }),
            new Entry("change passphrase", true, t -> {
                t.clickOn("#main-settings");
                t.dialogWith("#settings-autolock");
                t.clickOn("#settings-change-passphrase");
                return t.dialogWith("#change-current");
            }),
            new Entry("back up, made", true, t -> {
                // A new folder each time: the dialog is opened once per way of leaving it, and a backup never
                // overwrites a file.
                Path usb = t.temp.resolve("usb-" + System.nanoTime());
                t.interact(() -> t.shell.dialogs().setSaveChooser((title, folder, name, filter) -> {
                    try {
                        return Optional.of(Files.createDirectories(usb).resolve(name));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }));
                t.clickOn("#back-up");
                return t.dialogWithHeader("Backup made");
            }),
            new Entry("check the vault", true, t -> {
                t.clickOn("#main-settings");
                t.dialogWith("#settings-autolock");
                t.clickOn("#settings-check-vault");
                return t.dialogWith("#check-vault-run");
            }),
            new Entry("support", true, t -> {
                t.clickOn("#support");
                return t.dialogWithHeader("Support");
            }),
            new Entry("record an order", true, t -> {
                t.clickOn("#nav-orders");
                t.clickOn("#add-order");
                return t.dialogWith("#order-issuer");
            }),
            new Entry("record a report", true, t -> {
                t.clickOn("#nav-reports");
                t.clickOn("#add-report");
                return t.dialogWith("#report-name");
            }),
            new Entry("link incidents to a report", true, t -> {
                addReport(t);
                t.clickOn("#nav-reports");
                t.waitUntil("the report listed", () -> t.lookup("#reports .list-cell")
                        .match((ListCell<?> c) -> c.getItem() != null).tryQuery().isPresent());
                t.clickOn(t.lookup("#reports .list-cell").match((ListCell<?> c) -> c.getItem() != null)
                        .<Node>query());
                t.clickOn("#report-link");
                return t.dialogWith("#link-items");
            }),
            new Entry("impact entry", true, t -> {
                t.clickOn("#nav-impact");
                t.clickOn("#add-impact");
                return t.dialogWith("#impact-text");
            }),
            new Entry("link an impact entry", true, t -> {
                Session s = t.shell.session();
                s.impact().add(s.cases().list().get(0).id(), LocalDate.of(2024, 3, 6), ImpactKind.ALARM_DISTRESS,
                        "I could not sleep after he followed me", List.of());
                t.clickOn("#nav-impact");
                t.waitUntil("the entry listed", () -> t.lookup("#impact-log .list-cell")
                        .match((ListCell<?> c) -> c.getItem() != null).tryQuery().isPresent());
                t.clickOn(t.lookup("#impact-log .list-cell").match((ListCell<?> c) -> c.getItem() != null)
                        .<Node>query());
                t.clickOn("#impact-link");
                return t.dialogWith("#link-items");
            }),
            new Entry("answer the warning signs", true, t -> {
                patternScrolledToTheSigns(t);
                t.clickOn("#signs-answer");
                return t.dialogWith("#sign-fear");
            }),
            new Entry("record a screening", true, t -> {
                patternScrolledToTheSigns(t);
                t.clickOn("#screening-add");
                return t.dialogWith("#screening-tool");
            }),
            // opened as the detail pane opens it, for a file the seeded vault does not hold (one added here would stay
            // in the vault the next entry opens)
            new Entry("where it came from", true, t -> {
                Platform.runLater(() -> org.casebook.ui.detail.ContinuityDialog.show(t.shell.dialogs(),
                        "WhatsApp Chat with Sam Sender.zip", new org.casebook.evidence.Continuity.Record("Alex Example",
                                "her Android phone", "WhatsApp", LocalDate.of(2024, 4, 2),
                                "Export chat, with media, e-mailed to myself", new org.casebook.evidence.ExportMade(
                                java.time.Instant.parse("2024-04-02T08:15:00Z"), "the newest file's time in the zip")),
                        UiTestBase.LONDON));
                return t.dialogWith("#continuity-by");
            }));

    /** The Pattern screen, scrolled to its end where the warning signs' buttons are. */
    private static void patternScrolledToTheSigns(UiTestBase t) {
        t.clickOn("#nav-pattern");
        t.waitUntil("the warning signs", () -> t.lookup("#signs-answer").tryQuery().isPresent());
        t.interact(() -> {
            javafx.scene.control.ScrollPane pane = t.lookup("#pattern-view").queryAs(javafx.scene.control.ScrollPane.class);
            pane.layout();
            pane.setVvalue(pane.getVmax());
        });
        t.sleep(200);
    }

    private static void selectPerson(UiTestBase t, String name) {
        t.clickOn(t.lookup("#people .list-cell").match((ListCell<Person> c) -> c.getItem() != null
                && c.getItem().name().equals(name)).<Node>query());
    }

    private static void addReport(UiTestBase t) {
        Session s = t.shell.session();
        Case c = s.cases().list().get(0);
        s.reports().add(c.id(), new ReportDraft(ZonedDateTime.of(2024, 3, 9, 14, 30, 0, 0, UiTestBase.LONDON),
                ReportRecipient.POLICE, "Anyshire Police", "CRIME-2024-0001", "PC 1234 Example",
                "A statement was taken and the officer will call back."));
    }

    private static ImportWizardViewModel wizard(UiTestBase t) {
        Session session = t.shell.session();
        Case aCase = session.cases().list().get(0);
        ImportWizardViewModel vm = new ImportWizardViewModel(session, aCase, t.shell.tasks());
        t.interact(() -> ImportWizardDialog.show(t.shell.dialogs(), vm, summary -> { }));
        t.dialogWith("#import-choose");
        return vm;
    }

    private static Path write(UiTestBase t, String name, String text) {
        try {
            return Files.writeString(t.temp.resolve(name), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
