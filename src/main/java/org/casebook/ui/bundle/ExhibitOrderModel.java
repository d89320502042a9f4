package org.casebook.ui.bundle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.casebook.bundle.BundleOptions;
import org.casebook.bundle.ExhibitArrangement;
import org.casebook.bundle.SectionPlan;
import org.casebook.ui.common.ErrorText;
import org.casebook.ui.common.Session;
import org.casebook.ui.common.TaskRunner;

/**
 * The bundle dialog's order and sections: the exhibits the chosen options give, under their sections' titles, as
 * one list the person rearranges (drag and drop, or Move up / Move down). An exhibit belongs to the section whose
 * title is the nearest above it. Until the list is loaded, or after a choice that changes which exhibits there are,
 * the bundle keeps its own order.
 */
public final class ExhibitOrderModel {
    /** The section an exhibit goes in when no title is above it. */
    static final String FIRST_SECTION = "Exhibits";

    /** A line of the list: a section's title ({@code exhibit} null) or an exhibit. */
    public record Row(String section, ExhibitArrangement.Listed exhibit) {
        public boolean isSection() {
            return exhibit == null;
        }

        @Override
        public String toString() {
            return isSection() ? section : exhibit.mark() + "  " + exhibit.title() + "  (" + exhibit.date() + ")";
        }
    }

    private final Session session;
    private final long caseId;
    private final TaskRunner tasks;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(
            "The exhibits follow the bundle's own order (by date). Arrange them to choose the order and sections.");
    private Task<List<ExhibitArrangement.Listed>> job;
    private long generation;

    public ExhibitOrderModel(Session session, long caseId, TaskRunner tasks) {
        this.session = session;
        this.caseId = caseId;
        this.tasks = tasks;
    }

    /** Lists the exhibits {@code options} give, in the sections and order the bundle would print them. */
    public void load(Supplier<BundleOptions> options) {
        BundleOptions chosen = options.get().withSections(SectionPlan.NONE);
        long mine = ++generation;
        cancelJob();
        loading.set(true);
        status.set("Listing the exhibits…");
        job = tasks.quick(p -> ExhibitArrangement.of(session.vault(), caseId, chosen, p), listed -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            List<Row> out = new ArrayList<>();
            String section = null;
            for (ExhibitArrangement.Listed e : listed) {
                if (!e.section().equals(section)) {
                    section = e.section();
                    out.add(new Row(section, null));
                }
                out.add(new Row(section, e));
            }
            rows.setAll(out);
            loaded.set(true);
            status.set(listed.isEmpty() ? "These choices give no exhibits."
                    : "Drag an exhibit to move it, or under another section's title to put it there. The marks"
                    + " follow the order shown.");
        }, failure -> {
            if (mine == generation) {
                loading.set(false);
                status.set("The exhibits could not be listed: " + ErrorText.of(failure));
            }
        });
    }

    /** Moves the line at {@code from} so that it ends up at {@code to} (indexes in the list as it is now). */
    public void move(int from, int to) {
        if (from < 0 || from >= rows.size() || to < 0 || to >= rows.size() || from == to) {
            return;
        }
        Row row = rows.remove(from);
        rows.add(to, row);
        renumber();
    }

    /** Adds a section's title at the end; exhibits dragged under it go in it. Returns why not, or "". */
    public String addSection(String name) {
        String clean = name == null ? "" : name.strip();
        if (!loaded.get()) {
            return "Arrange the exhibits first.";
        }
        if (clean.isEmpty()) {
            return "Give the section a name.";
        }
        if (clean.length() > 120) {
            return "A section's name can be at most 120 characters.";
        }
        if (rows.stream().anyMatch(r -> r.isSection() && r.section().equalsIgnoreCase(clean))) {
            return "There is already a section called \u201C" + clean + "\u201D.";
        }
        rows.add(new Row(clean, null));
        return "";
    }

    /** Removes a section's title: its exhibits join the section above. */
    public void removeSection(int index) {
        if (index >= 0 && index < rows.size() && rows.get(index).isSection()) {
            rows.remove(index);
            renumber();
        }
    }

    /** Each exhibit's section is the title above it: kept in its row so the list reads as the bundle will. */
    private void renumber() {
        String section = FIRST_SECTION;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.isSection()) {
                section = r.section();
            } else if (!r.section().equals(section)) {
                rows.set(i, new Row(section, r.exhibit()));
            }
        }
    }

    /** The order and sections to build with: {@link SectionPlan#NONE} until the list is loaded. */
    public SectionPlan plan() {
        if (!loaded.get()) {
            return SectionPlan.NONE;
        }
        List<SectionPlan.Row> out = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (Row r : rows) {
            if (!r.isSection() && seen.add(r.exhibit().itemId())) {
                out.add(new SectionPlan.Row(r.section(), r.exhibit().itemId()));
            }
        }
        return out.isEmpty() ? SectionPlan.NONE : new SectionPlan(out);
    }

    /** A choice changed which exhibits there are: back to the bundle's own order. */
    public void invalidate() {
        if (loaded.get() || loading.get()) {
            generation++;
            cancelJob();
            rows.clear();
            loaded.set(false);
            loading.set(false);
            status.set("The choices changed, so the exhibits follow the bundle's own order again. Arrange them"
                    + " again to choose.");
        }
    }

    public void clear() {
        generation++;
        cancelJob();
        rows.clear();
        loaded.set(false);
        loading.set(false);
    }

    private void cancelJob() {
        if (job != null) {
            job.cancel();
            job = null;
        }
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
