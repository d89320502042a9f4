package org.casebook.ui.imports;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.casebook.evidence.Plural;
import org.casebook.evidence.VisibleText;
import org.casebook.imports.AmbiguousDateOrderException;
import org.casebook.imports.DateOrder;
import org.casebook.imports.DisplayText;
import org.casebook.imports.ImportOptions;
import org.casebook.imports.ImportSummary;
import org.casebook.imports.ImportSurvey;
import org.casebook.imports.ImportedMessage;
import org.casebook.model.Case;
import org.casebook.model.PersonRole;
import org.casebook.ui.common.ErrorText;
import org.casebook.ui.common.Session;
import org.casebook.ui.common.TaskRunner;

/**
 * The import wizard: read the file (format, preview), settle ambiguous dates with the person, let them say
 * which senders are the person doing this, then import with progress and cancel.
 */
public final class ImportWizardViewModel {
    private static final DateTimeFormatter PREVIEW_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);
    private static final int SAMPLE = 12;

    /** A sender in the export, and whether the person says it is the one doing this. */
    public static final class SenderRow {
        /** The choice that none of the senders is the user. */
        public static final SenderRow NONE = new SenderRow(null);

        private final ImportSurvey.SenderCount sender;
        private final BooleanProperty perpetrator = new SimpleBooleanProperty(false);

        SenderRow(ImportSurvey.SenderCount sender) {
            this.sender = sender;
            // who the case already records as the perpetrator stays ticked: the person need not say it again
            perpetrator.set(sender != null && sender.known() == PersonRole.PERPETRATOR);
        }

        public String label() {
            return VisibleText.line(sender.label()) + "  ·  " + Plural.of(sender.count(), "message");
        }

        /** The sender's name as the export writes it, for the "which one is you?" choice. */
        public String name() {
            return sender == null ? "None of these: I am not in this export" : VisibleText.line(sender.label());
        }

        public BooleanProperty perpetratorProperty() {
            return perpetrator;
        }
    }

    private final Session session;
    private final Case aCase;
    private final TaskRunner tasks;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final StringProperty format = new SimpleStringProperty("");
    private final StringProperty overview = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty dayFirstReading = new SimpleStringProperty();
    private final StringProperty monthFirstReading = new SimpleStringProperty();
    private final BooleanProperty ambiguous = new SimpleBooleanProperty(false);
    private final ObjectProperty<DateOrder> dateOrder = new SimpleObjectProperty<>();
    private final BooleanProperty ready = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObservableList<String> preview = FXCollections.observableArrayList();
    private final ObservableList<SenderRow> senders = FXCollections.observableArrayList();
    /** The choices for "which one is you?": none of these, then every sender. */
    private final ObservableList<SenderRow> meChoices = FXCollections.observableArrayList();
    /** The sender who is the user herself, or {@link SenderRow#NONE}. */
    private final ObjectProperty<SenderRow> me = new SimpleObjectProperty<>(SenderRow.NONE);
    private final StringProperty meReason = new SimpleStringProperty("");
    private final ObjectProperty<Task<?>> job = new SimpleObjectProperty<>();
    private final ObjectProperty<ImportSummary> result = new SimpleObjectProperty<>();

    public ImportWizardViewModel(Session session, Case aCase, TaskRunner tasks) {
        this.session = session;
        this.aCase = aCase;
        this.tasks = tasks;
        dateOrder.addListener((o, old, order) -> {
            if (order != null && file.get() != null) {
                survey();
            }
        });
    }

    /** Reads the chosen file (no writing) to show what it holds. */
    public void choose(Path path) {
        file.set(path);
        dateOrder.set(null);
        ambiguous.set(false);
        survey();
    }

    private void survey() {
        Path path = file.get();
        ready.set(false);
        error.set("");
        preview.clear();
        senders.clear();
        meChoices.clear();
        meReason.set("");
        format.set("Reading " + path.getFileName() + "…");
        busy.set(true);
        ImportOptions options = new ImportOptions(null, null, dateOrder.get(), List.of(), true);
        tasks.longJob(p -> session.imports().survey(aCase.id(), path, options, SAMPLE, p), survey -> {
            busy.set(false);
            format.set(survey.format().label());
            ImportSummary s = survey.summary();
            overview.set(s.captures() > 0
                    ? "Web page " + (s.pageTitle() == null ? "" : "\u201C" + s.pageTitle() + "\u201D ")
                    + (s.pageUrl() == null ? "(the file gives no address)" : s.pageUrl()) + ", saved "
                    + shown(s.first()) + ": stored as a capture"
                    : Plural.of(s.messages(), "message") + ", " + Plural.of(s.calls(), "call") + ", "
                    + Plural.of(s.system(), "system line") + " from " + Plural.of(s.senders(), "sender") + ", "
                    + shown(s.first()) + " to " + shown(s.last()) + " (times in " + s.timezone() + ")");
            for (int i = 0; i < survey.sample().size(); i++) {
                preview.add(line(survey.sample().get(i), survey.sampleText().get(i)));
            }
            for (ImportSurvey.SenderCount sender : survey.senders()) {
                senders.add(new SenderRow(sender));
            }
            guess(survey.me());
            ready.set(true);
        }, failure -> {
            busy.set(false);
            if (failure instanceof AmbiguousDateOrderException a) {
                format.set("The dates need you");
                ambiguous.set(true);
                String sample = a.samples().isEmpty() ? "" : a.samples().get(0);
                dayFirstReading.set(sample + "  →  " + DateReadings.dayFirst(sample));
                monthFirstReading.set(sample + "  →  " + DateReadings.monthFirst(sample));
            } else {
                format.set("");
                error.set(ErrorText.of(failure));
            }
        });
    }

    /** Preselects the best guess at which sender is the user, saying why; she can change it. */
    private void guess(ImportSurvey.Guess guess) {
        meChoices.setAll(SenderRow.NONE);
        meChoices.addAll(senders);
        me.set(SenderRow.NONE);
        meReason.set(senders.isEmpty() ? "" : "Casebook cannot tell which sender is you: choose yourself, or none"
                + " of these if you are not in this export.");
        if (guess == null) {
            return;
        }
        for (SenderRow row : senders) {
            if (row.sender.equals(guess.sender())) {
                me.set(row);
                meReason.set("Chosen because " + guess.reason() + ". Change it if that is wrong.");
            }
        }
    }

    /** An ISO local date-time from the summary ("2024-03-01T21:15") as the app writes times: 1 Mar 2024 21:15. */
    private static String shown(String iso) {
        if (iso == null) {
            return "—";
        }
        try {
            return PREVIEW_TIME.format(java.time.LocalDateTime.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    private String line(ImportedMessage m, String display) {
        String when = m.time().isLocal() ? PREVIEW_TIME.format(m.time().local())
                : PREVIEW_TIME.format(m.time().instant().atZone(aCase.zone()));
        String who = m.kind() == ImportedMessage.Kind.SYSTEM ? "(system)"
                : DisplayText.of(m.senderName() != null ? m.senderName() : String.valueOf(m.senderAddress()));
        String text = display == null ? "" : display.replace('\n', ' ');
        return when + "  " + VisibleText.line(who) + ": "
                + VisibleText.line(text.length() > 120 ? text.substring(0, 119) + "…" : text);
    }

    /** Imports the file; {@code onDone} gets the summary on the FX thread. */
    public void importNow(Consumer<ImportSummary> onDone) {
        SenderRow self = me.get() == SenderRow.NONE ? null : me.get();
        List<String> perpetrators = senders.stream().filter(r -> r != self && r.perpetratorProperty().get())
                .map(r -> r.sender.key()).toList();
        ImportOptions options = new ImportOptions(null, null, dateOrder.get(), perpetrators, false)
                .withMe(self == null ? List.of() : List.of(self.sender.key()));
        Path path = file.get();
        busy.set(true);
        error.set("");
        Task<ImportSummary> task = tasks.longJob(p -> {
            p.message("Importing " + path.getFileName());
            return session.imports().importFile(aCase.id(), path, options, p);
        }, summary -> {
            busy.set(false);
            job.set(null);
            result.set(summary);
            onDone.accept(summary);
        }, failure -> {
            busy.set(false);
            job.set(null);
            error.set(ErrorText.of(failure));
        });
        job.set(task);
    }

    public void cancel() {
        Task<?> running = job.get();
        if (running != null) {
            running.cancel();
        }
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public StringProperty formatProperty() {
        return format;
    }

    public StringProperty overviewProperty() {
        return overview;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty ambiguousProperty() {
        return ambiguous;
    }

    public StringProperty dayFirstReadingProperty() {
        return dayFirstReading;
    }

    public StringProperty monthFirstReadingProperty() {
        return monthFirstReading;
    }

    public ObjectProperty<DateOrder> dateOrderProperty() {
        return dateOrder;
    }

    public BooleanProperty readyProperty() {
        return ready;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObservableList<String> preview() {
        return preview;
    }

    public ObservableList<SenderRow> senders() {
        return senders;
    }

    public ObservableList<SenderRow> meChoices() {
        return meChoices;
    }

    public ObjectProperty<SenderRow> meProperty() {
        return me;
    }

    public StringProperty meReasonProperty() {
        return meReason;
    }

    public ObjectProperty<Task<?>> jobProperty() {
        return job;
    }

    public ObjectProperty<ImportSummary> resultProperty() {
        return result;
    }
}
