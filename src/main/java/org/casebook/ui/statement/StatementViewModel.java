package org.casebook.ui.statement;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.casebook.bundle.Statements;
import org.casebook.model.Case;
import org.casebook.statement.Statement;
import org.casebook.statement.StatementDetails;
import org.casebook.statement.StatementProfile;
import org.casebook.statement.StatementService;
import org.casebook.ui.common.CaseScreen;
import org.casebook.ui.common.Session;
import org.casebook.ui.common.TaskRunner;

/**
 * The witness statement of the shown case in one profile: Casebook's draft until the witness saves their own
 * wording, which a fresh draft never replaces unless the witness chooses to start again and saves.
 */
public final class StatementViewModel implements CaseScreen {
    private static final DateTimeFormatter SAVED = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm", Locale.UK);

    private final Session session;
    private final TaskRunner tasks;
    private final BiConsumer<String, Throwable> onError;
    private final ObjectProperty<StatementProfile> profile = new SimpleObjectProperty<>(StatementProfile.POLICE);
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty witness = new SimpleStringProperty("");
    private final StringProperty occupation = new SimpleStringProperty("");
    private final StringProperty relationship = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> dated = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private Case shown;
    private Statement loaded;
    private long reads;

    public StatementViewModel(Session session, TaskRunner tasks, BiConsumer<String, Throwable> onError) {
        this.session = session;
        this.tasks = tasks;
        this.onError = onError;
        profile.addListener((o, a, b) -> {
            if (shown != null) {
                show(shown);
            }
        });
    }

    public ObjectProperty<StatementProfile> profileProperty() {
        return profile;
    }

    public StringProperty textProperty() {
        return text;
    }

    public StringProperty witnessProperty() {
        return witness;
    }

    public StringProperty occupationProperty() {
        return occupation;
    }

    public StringProperty relationshipProperty() {
        return relationship;
    }

    public ObjectProperty<LocalDate> datedProperty() {
        return dated;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<String> warnings() {
        return warnings;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Drafts again from the case as it is now (the witness's saved wording stays what is shown) and shows it. */
    @Override
    public void show(Case aCase) {
        shown = aCase;
        long mine = ++reads;
        StatementProfile p = profile.get();
        busy.set(true);
        tasks.quick(x -> new Statements(session.vault()).prepare(aCase.id(), p), prepared -> {
            if (mine == reads) {
                fill(prepared);
            }
        }, e -> {
            busy.set(false);
            onError.accept("The statement could not be drafted", e);
        });
    }

    /** Saves the witness's wording and details; the wording it replaces is kept in the vault. */
    public void save() {
        if (shown == null || loaded == null) {
            return;
        }
        long caseId = shown.id();
        StatementProfile p = profile.get();
        String wording = text.get();
        StatementDetails before = loaded.details();
        StatementDetails details = new StatementDetails(witness.get(), occupation.get(), before.age(),
                relationship.get(), before.party(), before.number(), dated.get());
        busy.set(true);
        tasks.quick(x -> {
            StatementService service = new StatementService(session.vault());
            service.setDetails(caseId, p, details);
            Statement saved = service.edit(caseId, p, wording);
            Statements statements = new Statements(session.vault());
            return statements.checked(saved, org.casebook.bundle.StatementExhibits.of(session.vault(), caseId, p));
        }, this::fill, e -> {
            busy.set(false);
            onError.accept("The statement could not be saved", e);
        });
    }

    /** Puts Casebook's latest draft in the editor; nothing is stored until the witness saves. */
    public void freshDraft() {
        if (loaded != null) {
            text.set(loaded.draft());
        }
    }

    /** Writes the statement as it is saved to {@code out}. */
    public void writePdf(Path out, java.util.function.Consumer<Statements.Written> done) {
        if (shown == null) {
            return;
        }
        long caseId = shown.id();
        StatementProfile p = profile.get();
        busy.set(true);
        tasks.longJob(x -> new Statements(session.vault()).write(caseId, p, out), written -> {
            fill(written.prepared());
            warnings.setAll(written.warnings());
            done.accept(written);
        }, e -> {
            busy.set(false);
            onError.accept("The statement could not be written", e);
        });
    }

    /** Writes the editable copy (.docx) of what is saved; {@code done} gets the file written. */
    public void writeEditable(Path out, java.util.function.Consumer<Path> done) {
        if (shown == null) {
            return;
        }
        long caseId = shown.id();
        StatementProfile p = profile.get();
        busy.set(true);
        tasks.longJob(x -> new Statements(session.vault()).writeEditable(caseId, p, out), written -> {
            busy.set(false);
            done.accept(written);
        }, e -> {
            busy.set(false);
            onError.accept("The editable copy could not be written", e);
        });
    }

    private void fill(Statements.Prepared prepared) {
        Statement s = prepared.statement();
        loaded = s;
        text.set(s.text());
        witness.set(s.details().witness() == null ? "" : s.details().witness());
        occupation.set(s.details().occupation() == null ? "" : s.details().occupation());
        relationship.set(s.details().relationship() == null ? "" : s.details().relationship());
        dated.set(s.details().dated());
        ZoneId zone = shown == null ? ZoneId.systemDefault() : shown.zone();
        status.set(s.isEdited() ? "Your own wording, saved " + SAVED.format(s.edited().atZone(zone)) + " ("
                + s.versions() + (s.versions() == 1 ? " version" : " versions") + " kept). A new draft never replaces it."
                : "Casebook's draft from your records. Put it into your own words and save: a statement must be in"
                + " the witness's own words.");
        warnings.setAll(prepared.check().warnings());
        busy.set(false);
    }

    public boolean hasUnsavedChanges() {
        return loaded != null && !text.get().strip().equals(loaded.text().strip());
    }

    @Override
    public void clear() {
        reads++;
        shown = null;
        loaded = null;
        text.set("");
        witness.set("");
        occupation.set("");
        relationship.set("");
        dated.set(null);
        status.set("");
        warnings.clear();
        busy.set(false);
    }
}
