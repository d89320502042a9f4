package org.casebook.ui.bundle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.casebook.bundle.BundleOptions;
import org.casebook.bundle.BundleProfile;
import org.casebook.bundle.BundleResult;
import org.casebook.bundle.BundleService;
import org.casebook.bundle.KnownDetails;
import org.casebook.bundle.sign.TimeStampAuthority;
import org.casebook.model.Case;
import org.casebook.model.ItemKind;
import org.casebook.ui.common.ErrorText;
import org.casebook.ui.common.Session;
import org.casebook.ui.common.TaskRunner;
import org.casebook.vault.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Create bundle dialog's state: who the bundle is for, the period, which kinds and items, the exhibit prefix,
 * the redactions and the name on the cover; then the build in the background with its stage, cancel, and the
 * result. Holds text the person typed (a new address to redact): {@link #clear()} drops it all.
 */
public final class BundleDialogViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(BundleDialogViewModel.class);
    /** Shorter texts would be cut out of dates and ordinary words all through the bundle. */
    static final int MIN_REDACTION = 3;
    private static final Pattern PREFIX = Pattern.compile("[\\p{L}\\p{N} .\\-]{1,12}");

    /** One kind of item, and whether the bundle includes it. */
    public static final class KindChoice {
        private final ItemKind kind;
        private final String label;
        private final BooleanProperty included = new SimpleBooleanProperty(true);

        KindChoice(ItemKind kind, String label) {
            this.kind = kind;
            this.label = label;
        }

        public ItemKind kind() {
            return kind;
        }

        public String label() {
            return label;
        }

        public BooleanProperty includedProperty() {
            return included;
        }
    }

    private final Session session;
    private final Case aCase;
    private final TaskRunner tasks;
    private final List<Long> timelineSelection;
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private final LocalDate today;
    private final ObjectProperty<BundleProfile> profile = new SimpleObjectProperty<>(BundleProfile.POLICE);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final List<KindChoice> kinds = List.of(
            new KindChoice(ItemKind.INCIDENT, "Diary entries"),
            new KindChoice(ItemKind.MESSAGE, "Messages"),
            new KindChoice(ItemKind.CALL, "Calls"),
            new KindChoice(ItemKind.ATTACHMENT, "Photos and files"),
            new KindChoice(ItemKind.CAPTURE, "Captured web pages"));
    private final BooleanProperty onlySelected = new SimpleBooleanProperty(false);
    private final StringProperty exhibitPrefix = new SimpleStringProperty();
    private final ObservableList<String> redactions = FXCollections.observableArrayList();
    /** What the case already knows a redacted copy should hide (the witness's address, numbers, photo places). */
    private final ObservableList<KnownDetails.Detail> known = FXCollections.observableArrayList();
    private final StringBinding redactionWarning;
    private final StringBinding knownNotRedacted;
    /** Looks for the known details when the dialog opens; stopped by {@link #clear()}. */
    private final Task<List<KnownDetails.Detail>> knownJob;
    private final StringProperty newRedaction = new SimpleStringProperty("");
    private final StringProperty preparedBy = new SimpleStringProperty("");
    /** The time-stamping authority's address; empty for no time-stamp (and no network). */
    private final StringProperty timeStampUrl = new SimpleStringProperty("");
    private final StringBinding problem;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper stage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Task<BundleResult>> job = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<BundleResult> result = new ReadOnlyObjectWrapper<>();
    /** Bumped by every build and by {@link #clear()}: late news from an older build is ignored. */
    private long generation;
    /** The exhibits' order and sections, as the person arranged them. */
    private final ExhibitOrderModel order;

    /**
     * @param timelineSelection the items selected on the timeline when the dialog opened
     * @param firstDay          the day of the case's first item, or null for an empty case (shown as a hint)
     * @param lastDay           the day of its last item, or null
     * @param today             today in the case's zone, for the suggested file name
     */
    public BundleDialogViewModel(Session session, Case aCase, TaskRunner tasks, List<Long> timelineSelection,
                                 LocalDate firstDay, LocalDate lastDay, LocalDate today) {
        this.session = session;
        this.aCase = aCase;
        this.tasks = tasks;
        this.timelineSelection = List.copyOf(timelineSelection);
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.today = today;
        exhibitPrefix.set(aCase.initials());
        List<ObservableValue<?>> inputs = new ArrayList<>(List.of(from, to, exhibitPrefix, timeStampUrl));
        kinds.forEach(k -> inputs.add(k.includedProperty()));
        problem = Bindings.createStringBinding(this::findProblem, inputs.toArray(ObservableValue[]::new));
        order = new ExhibitOrderModel(session, aCase.id(), tasks);
        // a choice that changes which exhibits there are (or their marks) makes an arrangement stale
        List<ObservableValue<?>> selection = new ArrayList<>(List.of(profile, from, to, onlySelected, exhibitPrefix));
        kinds.forEach(k -> selection.add(k.includedProperty()));
        selection.forEach(v -> v.addListener((o, old, now) -> order.invalidate()));
        redactionWarning = Bindings.createStringBinding(this::findRedactionWarning, profile, redactions, known);
        knownNotRedacted = Bindings.createStringBinding(this::describeKnownNotRedacted, redactions, known);
        long mine = generation;
        knownJob = tasks.quick(p -> new KnownDetails(session.vault()).find(aCase.id(), p), found -> {
            if (mine == generation) {
                known.setAll(found);
            }
        }, failure -> {
            if (!(failure instanceof Progress.CancelledException)) {
                LOG.warn("Could not look for details to redact: {}", failure.getClass().getSimpleName());
            }
        });
    }

    /**
     * A family court bundle with nothing redacted, in a case that knows the witness's address or contact
     * details: a party need not disclose them (FPR r.29.1). Empty otherwise.
     */
    private String findRedactionWarning() {
        if (profile.get() != BundleProfile.FAMILY || !redactions.isEmpty() || known.isEmpty()) {
            return "";
        }
        return "This family court bundle is not redacted, but the case holds your details: "
                + KnownDetails.inWords(known) + ". A party need not disclose her address or contact details (FPR"
                + " r.29.1), and the other side may read this bundle.";
    }

    private String describeKnownNotRedacted() {
        List<String> parts = new ArrayList<>();
        for (KnownDetails.Detail d : known) {
            if (redactions.stream().noneMatch(r -> r.equalsIgnoreCase(d.text()))) {
                parts.add(d.what() + ": " + d.text());
            }
        }
        return parts.isEmpty() ? "" : "Casebook knows these details a redacted copy should hide: "
                + String.join("; ", parts) + ".";
    }

    /** Adds every known detail to the redactions (one click from the warning or the list). */
    public void redactKnown() {
        for (KnownDetails.Detail d : known) {
            if (redactions.stream().noneMatch(r -> r.equalsIgnoreCase(d.text()))) {
                redactions.add(d.text());
            }
        }
    }

    private String findProblem() {
        if (kinds.stream().noneMatch(k -> k.includedProperty().get())) {
            return "Choose at least one kind of item to include.";
        }
        if (from.get() != null && to.get() != null && to.get().isBefore(from.get())) {
            return "The period ends before it starts: check the From and To dates.";
        }
        String prefix = exhibitPrefix.get() == null ? "" : exhibitPrefix.get().strip();
        if (prefix.isEmpty()) {
            return "Give the exhibits a prefix, such as your initials.";
        }
        if (!PREFIX.matcher(prefix).matches()) {
            return "The exhibit prefix can hold letters, numbers, spaces, dots and hyphens, up to 12 of them.";
        }
        try {
            timeStamps();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return "";
    }

    /** One plain sentence on what choosing this profile changes. */
    public static String describe(BundleProfile p) {
        return switch (p) {
            case POLICE -> "Exhibits listed as in a witness statement (JS/1, JS/2 …), with where and when each"
                    + " was produced.";
            case FAMILY -> "Pages numbered by section (A1, B1 …) as the family court rules ask; you are warned if"
                    + " it runs past 350 pages.";
            case CIVIL -> "Exhibits marked with your initials and a number, and the documents kept in date order,"
                    + " as the civil court rules ask.";
        };
    }

    public static String label(BundleProfile p) {
        return switch (p) {
            case POLICE -> "Police";
            case FAMILY -> "Family court";
            case CIVIL -> "Civil court";
        };
    }

    /** Adds the text typed in the redaction field; returns a reason when it cannot be added, else "". */
    public String addRedaction() {
        String text = newRedaction.get() == null ? "" : newRedaction.get().strip();
        if (text.isEmpty()) {
            return "";
        }
        if (text.codePointCount(0, text.length()) < MIN_REDACTION) {
            return "Give at least " + MIN_REDACTION + " characters: a shorter text would be cut out of dates and"
                    + " words all through the bundle.";
        }
        if (redactions.stream().noneMatch(r -> r.equalsIgnoreCase(text))) {
            redactions.add(text);
        }
        newRedaction.set("");
        return "";
    }

    /** A name like {@code JS-bundle-2024-05-31.pdf}: the case's initials and today's date. */
    public String suggestedFileName() {
        String initials = aCase.initials() == null ? "" : aCase.initials().replaceAll("[^\\p{L}\\p{N}-]", "");
        return (initials.isEmpty() ? "casebook" : initials) + "-bundle-" + today + ".pdf";
    }

    /**
     * Where the save dialog starts: the person's Documents folder (or home). Always named, so the platform's
     * chooser does not fall back to a shared or "recent" place on its own.
     */
    public static Path suggestedFolder() {
        Path home = Path.of(System.getProperty("user.home"));
        Path documents = home.resolve("Documents");
        return Files.isDirectory(documents) ? documents : home;
    }

    /** The chosen options, with the exhibits' order and sections; call only when {@link #problemProperty()} is empty. */
    public BundleOptions options() {
        return choices().withSections(order.plan());
    }

    /** Lists the exhibits the chosen options give, for the person to arrange. */
    public void arrangeExhibits() {
        if (problem.get().isEmpty()) {
            order.load(this::choices);
        }
    }

    public ExhibitOrderModel order() {
        return order;
    }

    private BundleOptions choices() {
        EnumSet<ItemKind> chosen = EnumSet.noneOf(ItemKind.class);
        kinds.stream().filter(k -> k.includedProperty().get()).forEach(k -> chosen.add(k.kind()));
        Set<ItemKind> included = chosen.size() == kinds.size() ? Set.of() : chosen;
        String name = preparedBy.get() == null || preparedBy.get().isBlank() ? null : preparedBy.get().strip();
        return new BundleOptions(profile.get(), from.get(), to.get(), included, Set.of(),
                onlySelected.get() ? timelineSelection : List.of(), exhibitPrefix.get().strip(),
                List.copyOf(redactions), name);
    }

    /** The time-stamping authority named, or null when the field is empty. */
    private TimeStampAuthority timeStamps() {
        String url = timeStampUrl.get() == null ? "" : timeStampUrl.get().strip();
        return url.isEmpty() ? null : TimeStampAuthority.at(url);
    }

    /** Builds the bundle into {@code out} (".pdf" added when missing), in the background. */
    public void build(Path out) {
        if (busy.get() || !problem.get().isEmpty()) {
            return;
        }
        Path target = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf") ? out
                : out.resolveSibling(out.getFileName() + ".pdf");
        BundleOptions options = options();
        long mine = ++generation;
        busy.set(true);
        error.set("");
        result.set(null);
        stage.set("Starting");
        BundleService service = new BundleService(session.vault()).withTimeStamps(timeStamps());
        Task<BundleResult> task = tasks.longJob(p -> {
            try {
                BundleResult built = service.build(aCase.id(), options, target, p, () -> false);
                if (p.isCancelled()) {
                    // Stop was pressed after the service's last check: the dialog says nothing was written,
                    // so nothing is.
                    Files.deleteIfExists(built.file());
                    throw new Progress.CancelledException();
                }
                return built;
            } finally {
                // Only now has the service removed its unfinished file: the dialog says "stopped" after this.
                Platform.runLater(() -> {
                    if (mine == generation) {
                        busy.set(false);
                        job.set(null);
                    }
                });
            }
        }, done -> {
            if (mine == generation) {
                result.set(done);
            }
        }, failure -> {
            if (mine == generation) {
                error.set(failure instanceof Progress.CancelledException
                        ? "Stopped. No bundle was written." : ErrorText.of(failure));
            }
        });
        task.messageProperty().addListener((o, old, text) -> {
            if (mine == generation && text != null && !text.isEmpty()) {
                stage.set(text);
            }
        });
        job.set(task);
    }

    /** Stops a build; the service leaves no file behind. */
    public void cancel() {
        Task<BundleResult> running = job.get();
        if (running != null) {
            stage.set("Stopping…");
            running.cancel();
        }
    }

    /** On close, lock or quick exit: stops any build and forgets everything typed or chosen. */
    public void clear() {
        cancel();
        knownJob.cancel();
        order.clear();
        generation++;
        busy.set(false);
        job.set(null);
        redactions.clear();
        known.clear();
        newRedaction.set("");
        preparedBy.set("");
        timeStampUrl.set("");
        exhibitPrefix.set("");
        from.set(null);
        to.set(null);
        stage.set("");
        error.set("");
        result.set(null);
    }

    /** Plain-words lines about a finished bundle: its size and exhibits. */
    public static List<String> summary(BundleResult r) {
        List<String> lines = new ArrayList<>();
        int exhibits = r.exhibits().size();
        lines.add(String.format("%,d %s, %,d %s%s.", r.pageCount(), r.pageCount() == 1 ? "page" : "pages", exhibits,
                exhibits == 1 ? "exhibit" : "exhibits", exhibits == 0 ? ""
                        : " (" + r.exhibits().get(0).reference()
                        + (exhibits > 1 ? " to " + r.exhibits().get(exhibits - 1).reference() : "") + ")"));
        long embedded = r.exhibits().stream().filter(BundleResult.Exhibit::embedded).count();
        if (embedded > 0) {
            lines.add(String.format("%,d original %s travel inside the PDF, so the recipient can check them.",
                    embedded, embedded == 1 ? "file" : "files"));
        }
        if (r.signed() != null) {
            lines.add("Signed with this vault's key, so any change to the file will show (certificate SHA-256 "
                    + r.signed().certificateSha256().substring(0, 16) + "…, printed in the integrity appendix)"
                    + (r.signed().timeStampAuthority() == null ? "." : "; time-stamped by "
                    + r.signed().timeStampAuthority().getHost() + "."));
        }
        if (r.check() != null) {
            var failures = r.check().failures();
            int rules = r.check().results().size();
            if (failures.isEmpty()) {
                lines.add("It meets all " + rules + " e-bundle rules checked (page numbers, index links, bookmarks,"
                        + " text layer, image resolution, 100% zoom, embedded fonts, PDF/A, title, smallest text).");
            } else {
                lines.add((rules - failures.size()) + " of " + rules + " e-bundle rules met. Not met:");
                failures.forEach(f -> lines.add("  • " + f.rule() + " — " + f.detail()));
            }
        }
        return lines;
    }

    public Case aCase() {
        return aCase;
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    public LocalDate lastDay() {
        return lastDay;
    }

    /** How many items were selected on the timeline when the dialog opened. */
    public int timelineSelectionCount() {
        return timelineSelection.size();
    }

    public ObjectProperty<BundleProfile> profileProperty() {
        return profile;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public List<KindChoice> kinds() {
        return kinds;
    }

    public BooleanProperty onlySelectedProperty() {
        return onlySelected;
    }

    public StringProperty exhibitPrefixProperty() {
        return exhibitPrefix;
    }

    public ObservableList<String> redactions() {
        return redactions;
    }

    /** The warning to show where the profile is chosen, or "". */
    public StringBinding redactionWarningProperty() {
        return redactionWarning;
    }

    /** The known details not yet in the redactions, in words with their values, or "". */
    public StringBinding knownNotRedactedProperty() {
        return knownNotRedacted;
    }

    public StringProperty newRedactionProperty() {
        return newRedaction;
    }

    public StringProperty preparedByProperty() {
        return preparedBy;
    }

    public StringProperty timeStampUrlProperty() {
        return timeStampUrl;
    }

    /** Why the bundle cannot be made as chosen, or "". */
    public StringBinding problemProperty() {
        return problem;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the build is doing now ("Exhibit JS/3", "Saving"). */
    public ReadOnlyStringProperty stageProperty() {
        return stage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Task<BundleResult>> jobProperty() {
        return job.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BundleResult> resultProperty() {
        return result.getReadOnlyProperty();
    }
}
