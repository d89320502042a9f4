package org.casebook.ui.timeline;

import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.casebook.evidence.VisibleText;
import org.casebook.ui.common.UkDates;
import org.casebook.model.Person;
import org.casebook.model.TimelineItem;
import org.casebook.ui.common.Icons;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/** The timeline list with its filter bar. Selecting a row tells the detail pane. */
public final class TimelineView extends VBox {
    private final ListView<TimelineRow> list;
    private final TextField searchField = new TextField();

    public TimelineView(TimelineViewModel vm, ObservableList<Person> people, Consumer<TimelineItem> onSelect) {
        getStyleClass().add("timeline");
        searchField.setId("timeline-search");
        searchField.setPromptText("Search everything (Ctrl+F)");
        searchField.setAccessibleText("Search the timeline");
        searchField.textProperty().bindBidirectional(vm.searchProperty());
        searchField.setPrefColumnCount(18);
        HBox searchBox = new HBox(6, Icons.of(MaterialDesignM.MAGNIFY, 18), searchField);
        searchBox.setAlignment(Pos.CENTER_LEFT);

        ComboBox<TypeFilter> type = new ComboBox<>(FXCollections.observableArrayList(TypeFilter.all()));
        type.setId("timeline-type-filter");
        type.setAccessibleText("Show which kinds of items");
        type.valueProperty().bindBidirectional(vm.typeFilterProperty());

        ComboBox<Person> person = new ComboBox<>(people);
        person.setId("timeline-person-filter");
        person.setPromptText("Anyone");
        person.setAccessibleText("Only items from this person");
        person.valueProperty().bindBidirectional(vm.personProperty());
        person.setCellFactory(l -> new PersonCell());
        person.setButtonCell(new PersonCell());

        DatePicker from = UkDates.picker(new DatePicker());
        from.setId("timeline-from");
        from.setPromptText("From");
        from.setPrefWidth(130);
        from.setAccessibleText("From date");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = UkDates.picker(new DatePicker());
        to.setId("timeline-to");
        to.setPromptText("To");
        to.setPrefWidth(130);
        to.setAccessibleText("To date");
        to.valueProperty().bindBidirectional(vm.toProperty());
        Button clear = new Button("Clear");
        clear.setId("timeline-clear-filters");
        clear.setOnAction(e -> vm.clearFilters());
        Label summary = new Label();
        summary.setId("timeline-summary");
        summary.getStyleClass().add("hint");
        summary.textProperty().bind(vm.summaryProperty());

        FlowPane filters = new FlowPane(8, 6, searchBox, type, person, from, to, clear, summary);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.getStyleClass().add("filter-bar");

        list = new ListView<>(vm.rows());
        list.setId("timeline");
        list.setAccessibleText("Timeline");
        list.setCellFactory(l -> new TimelineCell());
        // Several items can be selected (Ctrl+click, Shift+click) to make a bundle of just those.
        list.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        list.setPlaceholder(new Label("Nothing here yet. Add a diary entry, or drop photos and files onto this window."));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row instanceof TimelineRow.Entry entry) {
                onSelect.accept(entry.item());
            } else if (row == null) {
                onSelect.accept(null);
            }
        });
        ProgressIndicator loading = new ProgressIndicator();
        loading.setId("timeline-loading");
        loading.setMaxSize(48, 48);
        loading.visibleProperty().bind(vm.loadingProperty());
        StackPane body = new StackPane(list, loading);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(filters, body);
    }

    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    /** Selects an item by id (after adding it), scrolling it into view. */
    public void select(long itemId) {
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i) instanceof TimelineRow.Entry e && e.item().id() == itemId) {
                list.getSelectionModel().select(i);
                list.scrollTo(Math.max(0, i - 3));
                return;
            }
        }
    }

    /** The ids of the items (not day headings) selected in the list. */
    public java.util.List<Long> selectedItemIds() {
        return list.getSelectionModel().getSelectedItems().stream()
                .filter(r -> r instanceof TimelineRow.Entry)
                .map(r -> ((TimelineRow.Entry) r).item().id()).toList();
    }

    public ListView<TimelineRow> list() {
        return list;
    }

    private static final class PersonCell extends ListCell<Person> {
        @Override
        protected void updateItem(Person p, boolean empty) {
            super.updateItem(p, empty);
            setText(empty || p == null ? "Anyone" : VisibleText.line(p.name()));
        }
    }
}
