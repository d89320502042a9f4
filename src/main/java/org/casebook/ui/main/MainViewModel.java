package org.casebook.ui.main;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.casebook.model.Attachment;
import org.casebook.model.Case;
import org.casebook.model.Incident;
import org.casebook.model.IncidentDraft;
import org.casebook.model.Person;
import org.casebook.model.TimelineItem;
import org.casebook.ui.cases.CaseDialogs;
import org.casebook.ui.common.Session;
import org.casebook.ui.common.TaskRunner;
import org.casebook.ui.common.CaseScreen;
import org.casebook.ui.detail.DetailViewModel;
import org.casebook.ui.impact.ImpactViewModel;
import org.casebook.ui.orders.OrdersViewModel;
import org.casebook.ui.pattern.PatternViewModel;
import org.casebook.ui.reports.ReportsViewModel;
import org.casebook.ui.timeline.TimelineViewModel;

/** The main window's state: the cases, the selected case's people and timeline, and long jobs. */
public final class MainViewModel {
    private final Session session;
    private final TaskRunner tasks;
    private final BiConsumer<String, Throwable> onError;
    private final ObservableList<Case> cases = FXCollections.observableArrayList();
    private final ObjectProperty<Case> selectedCase = new SimpleObjectProperty<>();
    private final ObservableList<Person> people = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Task<?>> job = new ReadOnlyObjectWrapper<>();
    private final TimelineViewModel timeline;
    private final DetailViewModel detail;
    private final PatternViewModel pattern;
    private final OrdersViewModel orders;
    private final org.casebook.ui.statement.StatementViewModel statement;
    private final ReportsViewModel reports;
    private final ImpactViewModel impact;
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.TIMELINE);
    private boolean cleared;

    public MainViewModel(Session session, TaskRunner tasks, BiConsumer<String, Throwable> onError) {
        this.session = session;
        this.tasks = tasks;
        // After a lock, work that was still running fails against the closed vault: that is expected, not
        // something to show the person (an error dialog popping up after quick exit would give them away).
        this.onError = (title, error) -> {
            if (!cleared) {
                onError.accept(title, error);
            }
        };
        this.timeline = new TimelineViewModel(tasks);
        this.detail = new DetailViewModel(tasks);
        detail.conduct().setOnError(e -> this.onError.accept("That could not be saved", e));
        this.pattern = new PatternViewModel(session, tasks, this.onError);
        this.orders = new OrdersViewModel(session, tasks, this.onError);
        this.statement = new org.casebook.ui.statement.StatementViewModel(session, tasks, this.onError);
        this.reports = new ReportsViewModel(session, tasks, this.onError);
        this.impact = new ImpactViewModel(session, tasks, this.onError);
        selectedCase.addListener((obs, old, c) -> caseChanged(c));
        section.addListener((obs, old, s) -> showSection());
    }

    public PatternViewModel pattern() {
        return pattern;
    }

    public org.casebook.ui.statement.StatementViewModel statement() {
        return statement;
    }

    public OrdersViewModel orders() {
        return orders;
    }

    public ReportsViewModel reports() {
        return reports;
    }

    public ImpactViewModel impact() {
        return impact;
    }

    /** Which screen of the case is showing: the timeline, or one of the course-of-conduct screens. */
    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    private CaseScreen screen(Section s) {
        return switch (s) {
            case TIMELINE -> null;
            case PATTERN -> pattern;
            case ORDERS -> orders;
            case REPORTS -> reports;
            case IMPACT -> impact;
            case STATEMENT -> statement;
        };
    }

    /** Reads the shown screen's data afresh: it may have changed on another screen since. */
    private void showSection() {
        CaseScreen screen = screen(section.get());
        Case c = selectedCase.get();
        if (screen != null && c != null && !cleared) {
            screen.show(c);
        }
    }

    private void clearScreens() {
        for (Section s : Section.values()) {
            CaseScreen screen = screen(s);
            if (screen != null) {
                screen.clear();
            }
        }
    }

    /** The files attached to the selected case, e.g. to choose an order's own document from. */
    public List<TimelineItem> files() {
        return timeline.items().stream().filter(i -> i.kind() == org.casebook.model.ItemKind.ATTACHMENT).toList();
    }

    /** The diary entries of the selected case, for linking to reports and impact entries. */
    public List<TimelineItem> diaryEntries() {
        return timeline.items().stream().filter(i -> i.kind() == org.casebook.model.ItemKind.INCIDENT).toList();
    }

    /** What is recorded of where the item's original came from, or null. */
    public org.casebook.evidence.Continuity.Record continuityOf(TimelineItem item) {
        return item.sha256() == null ? null
                : new org.casebook.evidence.Continuity(session.vault()).forCase(item.caseId()).get(item.sha256());
    }

    public void recordContinuity(TimelineItem item, org.casebook.evidence.Continuity.Record r) {
        tasks.quick(p -> new org.casebook.evidence.Continuity(session.vault()).record(item.id(), r), saved -> { },
                e -> onError.accept("It could not be saved", e));
    }

    /**
     * Gives an attached file the title it goes by in bundles (blank: its default); the detail is shown again
     * so its history lists the change.
     */
    public void setExhibitTitle(TimelineItem item, String title) {
        tasks.quick(p -> new org.casebook.evidence.ExhibitTitles(session.vault()).set(item.id(), title),
                saved -> select(item), e -> onError.accept("The title could not be saved", e));
    }

    /** Records why a number, address, account or vehicle is the person's; the people are read again. */
    public void attribute(Person person, org.casebook.ui.cases.AttributionDialog.AttributionFields f) {
        tasks.quick(p -> new org.casebook.evidence.Attributions(session.vault()).attribute(person.id(), f.identifier(),
                f.basis(), f.shownInExport()), kept -> imported(), e -> onError.accept("It could not be saved", e));
    }

    /**
     * Merges {@code from} into {@code into}: the same human behind another number or account. People and the
     * pattern are read again, since every count of theirs now goes to one person.
     */
    public void mergePerson(Person from, Person into) {
        tasks.quick(p -> session.people().merge(into.id(), from.id()), kept -> {
            imported();
            showSection();
        }, e -> onError.accept("The two could not be merged", e));
    }

    public ObservableList<Case> cases() {
        return cases;
    }

    public ObjectProperty<Case> selectedCaseProperty() {
        return selectedCase;
    }

    public ObservableList<Person> people() {
        return people;
    }

    public TimelineViewModel timeline() {
        return timeline;
    }

    public DetailViewModel detail() {
        return detail;
    }

    public ReadOnlyObjectProperty<Task<?>> jobProperty() {
        return job.getReadOnlyProperty();
    }

    public boolean isDemo() {
        return session.isThrowaway();
    }

    /** Loads the cases and selects the first. */
    public void start(Runnable then) {
        tasks.quick(p -> session.cases().list(), list -> {
            if (cleared) {
                return;
            }
            cases.setAll(list);
            if (!list.isEmpty()) {
                selectedCase.set(list.get(0));
            }
            then.run();
        }, e -> onError.accept("The cases could not be read", e));
    }

    private void caseChanged(Case c) {
        detail.clear();
        people.clear();
        clearScreens();
        if (c == null) {
            timeline.clear();
            return;
        }
        showSection();
        timeline.clearFilters();
        timeline.load(session, c.id(), () -> { });
        tasks.quick(p -> session.people().list(c.id()), list -> {
            if (!cleared) {
                people.setAll(list);
            }
        },
                e -> onError.accept("The people in this case could not be read", e));
    }

    public void select(TimelineItem item) {
        detail.show(session, item, timeline::items);
    }

    public void addCase(CaseDialogs.CaseFields f) {
        tasks.quick(p -> session.cases().add(f.title(), f.initials(), f.zone()), c -> {
            cases.add(c);
            selectedCase.set(c);
        }, e -> onError.accept("The case could not be added", e));
    }

    /** Reads the case's cover details off the FX thread, then hands them to {@code then}. */
    public void loadCover(Case c, java.util.function.Consumer<org.casebook.model.CaseCover> then) {
        tasks.quick(p -> new org.casebook.evidence.CaseCovers(session.vault()).get(c.id()), then,
                e -> onError.accept("The case's details could not be read", e));
    }

    public void updateCase(Case c, CaseDialogs.CaseFields f) {
        tasks.quick(p -> {
            if (f.cover() != null) {
                new org.casebook.evidence.CaseCovers(session.vault()).set(c.id(), f.cover());
            }
            return session.cases().update(c.id(), f.title(), f.initials(), f.zone());
        }, updated -> {
            cases.set(cases.indexOf(c), updated);
            selectedCase.set(updated);
        }, e -> onError.accept("The case could not be changed", e));
    }

    public void addPerson(CaseDialogs.PersonFields f) {
        Case c = selectedCase.get();
        if (c == null) {
            return;
        }
        tasks.quick(p -> session.people().add(c.id(), f.name(), f.role(), f.identifiers()), people::add,
                e -> onError.accept("The person could not be added", e));
    }

    public void addIncident(IncidentDraft draft, LongConsumer selectAfter) {
        Case c = selectedCase.get();
        if (c == null) {
            return;
        }
        tasks.quick(p -> session.incidents().add(c.id(), draft), incident -> reloadAndSelect(incident.id(), selectAfter),
                e -> onError.accept("The diary entry could not be saved", e));
    }

    public void editIncident(Incident incident, IncidentDraft draft, LongConsumer selectAfter) {
        tasks.quick(p -> session.incidents().edit(incident.id(), draft),
                edited -> reloadAndSelect(edited.id(), selectAfter),
                e -> onError.accept("The change could not be saved", e));
    }

    public void delete(TimelineItem item, String reason) {
        tasks.quick(p -> {
            session.items().delete(item.id(), reason);
            return item.id();
        }, id -> {
            detail.clear();
            timeline.reload(() -> { });
        }, e -> onError.accept("It could not be deleted", e));
    }

    /** Attaches files (and the files in folders) as one long job with progress and cancel. */
    public void addEvidence(List<Path> paths, Long incidentId, LongConsumer selectAfter) {
        Case c = selectedCase.get();
        if (c == null || paths.isEmpty()) {
            return;
        }
        Task<List<Attachment>> task = tasks.longJob(p -> session.attachments().attach(c.id(), paths, incidentId, p),
                added -> {
                    job.set(null);
                    if (!added.isEmpty()) {
                        reloadAndSelect(added.get(0).id(), selectAfter);
                    }
                }, e -> {
                    job.set(null);
                    onError.accept("The files were not added", e);
                });
        job.set(task);
    }

    /**
     * The Capture web page dialog's state for the selected case, or null when no case is selected.
     *
     * @param address prefilled (Capture again), or null
     */
    public org.casebook.ui.capture.CaptureDialogViewModel newCapture(org.casebook.ui.common.Settings settings,
                                                                     String address) {
        Case c = selectedCase.get();
        if (c == null) {
            return null;
        }
        var capture = new org.casebook.ui.capture.CaptureDialogViewModel(c, tasks, settings,
                new org.casebook.capture.CaptureService(session.vault()));
        capture.loadFirstCapture();
        capture.prefill(address);
        return capture;
    }

    /** Reads a capture's single-file copy off the FX thread, for the archived-page viewer. */
    public void archivedPage(long itemId, java.util.function.Consumer<String> show) {
        tasks.quick(p -> session.captures().file(itemId, org.casebook.evidence.CaptureFacts.File.HTML),
                html -> {
                    if (!cleared && html != null) {
                        show.accept(new String(html, java.nio.charset.StandardCharsets.UTF_8));
                    }
                }, e -> onError.accept("The archived page could not be read", e));
    }

    /** The folder the vault file is in (the evidence browser keeps its temporary folder there while open). */
    public java.nio.file.Path vaultFolder() {
        return session.file().toAbsolutePath().getParent();
    }

    /** After a capture: show it on the timeline, selected. */
    public void captured(long itemId, LongConsumer selectAfter) {
        reloadAndSelect(itemId, selectAfter);
    }

    /** A wizard for importing an export into the selected case, or null when no case is selected. */
    public org.casebook.ui.imports.ImportWizardViewModel newImport() {
        Case c = selectedCase.get();
        return c == null ? null : new org.casebook.ui.imports.ImportWizardViewModel(session, c, tasks);
    }

    /**
     * The Create bundle dialog's state for the selected case, or null when no case is selected.
     *
     * @param timelineSelection the items selected on the timeline, for "only these items"
     */
    public org.casebook.ui.bundle.BundleDialogViewModel newBundle(List<Long> timelineSelection) {
        Case c = selectedCase.get();
        if (c == null) {
            return null;
        }
        List<TimelineItem> loaded = timeline.items();
        java.time.LocalDate first = loaded.isEmpty() ? null
                : loaded.get(0).when().at().withZoneSameInstant(c.zone()).toLocalDate();
        java.time.LocalDate last = loaded.isEmpty() ? null
                : loaded.get(loaded.size() - 1).when().at().withZoneSameInstant(c.zone()).toLocalDate();
        return new org.casebook.ui.bundle.BundleDialogViewModel(session, c, tasks, timelineSelection, first, last,
                java.time.LocalDate.now(c.zone()));
    }

    /** After an import: show the new messages and the people the import added. */
    public void imported() {
        Case c = selectedCase.get();
        if (c == null) {
            return;
        }
        timeline.reload(() -> { });
        tasks.quick(p -> session.people().list(c.id()), list -> {
            if (!cleared) {
                people.setAll(list);
            }
        },
                e -> onError.accept("The people in this case could not be read", e));
    }

    private void reloadAndSelect(long id, LongConsumer selectAfter) {
        timeline.reload(() -> selectAfter.accept(id));
    }

    /** Drops every view's data (on lock or quick exit). */
    public void clear() {
        cleared = true;
        Task<?> running = job.get();
        if (running != null) {
            running.cancel();
        }
        job.set(null);
        detail.clear();
        clearScreens();
        timeline.clear();
        people.clear();
        cases.clear();
    }
}
