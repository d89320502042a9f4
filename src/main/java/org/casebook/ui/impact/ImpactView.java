package org.casebook.ui.impact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.casebook.model.ImpactEntry;
import org.casebook.model.TimelineItem;
import org.casebook.ui.common.DialogService;
import org.casebook.ui.common.Formats;
import org.casebook.ui.common.Icons;
import org.casebook.ui.common.LinkItemsDialog;
import org.casebook.ui.common.WrappingRows;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** The impact log as a running list, newest first; what a victim personal statement can later draw on. */
public final class ImpactView extends VBox {
    public ImpactView(ImpactViewModel vm, DialogService dialogs, Supplier<LocalDate> today,
                      Supplier<List<TimelineItem>> diaryEntries) {
        setId("impact-view");
        getStyleClass().add("section-pane");
        Label title = new Label("HOW IT IS AFFECTING YOU");
        title.getStyleClass().add("section-title");
        Label intro = new Label("A running log of the effect this is having on you. The law looks at fear of"
                + " violence, alarm or distress, and changes to your day-to-day life; a victim personal statement"
                + " draws on this. Write as much or as little as you want.");
        intro.getStyleClass().add("hint");
        intro.setWrapText(true);
        ListView<ImpactEntry> list = new ListView<>(vm.entries());
        list.setId("impact-log");
        list.setAccessibleText("Impact log");
        list.setPlaceholder(new Label("Nothing written yet."));
        WrappingRows.apply(list, e -> Formats.day(e.date()) + "  ·  " + e.kind().label()
                + (e.itemIds().isEmpty() ? "" : "  ·  linked to " + e.itemIds().size()
                + (e.itemIds().size() == 1 ? " incident" : " incidents")) + "\n" + e.text());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            if (e != null && e != vm.selectedProperty().get()) {
                vm.selectedProperty().set(e);
            }
        });
        vm.selectedProperty().addListener((o, a, e) -> list.getSelectionModel().select(e));
        VBox.setVgrow(list, Priority.ALWAYS);
        Button add = new Button("Write an entry", Icons.of(MaterialDesignP.PLUS, 16));
        add.setId("add-impact");
        add.getStyleClass().add("accent");
        add.setOnAction(e -> ImpactDialog.show(dialogs, null, today.get()).ifPresent(vm::add));
        Button edit = new Button("Edit", Icons.of(MaterialDesignP.PENCIL_OUTLINE, 16));
        edit.setId("edit-impact");
        edit.disableProperty().bind(vm.selectedProperty().isNull());
        edit.setOnAction(e -> {
            ImpactEntry entry = vm.selectedProperty().get();
            ImpactDialog.show(dialogs, entry, today.get()).ifPresent(f -> vm.edit(entry, f));
        });
        Button link = new Button("Link to incidents…", Icons.of(MaterialDesignL.LINK_VARIANT, 16));
        link.setId("impact-link");
        link.disableProperty().bind(vm.selectedProperty().isNull());
        link.setOnAction(e -> {
            ImpactEntry entry = vm.selectedProperty().get();
            List<TimelineItem> candidates = new ArrayList<>(diaryEntries.get());
            LinkItemsDialog.show(dialogs, "Link to incidents", "Which incidents caused or added to this?",
                    candidates, new HashSet<>(entry.itemIds())).ifPresent(ids -> vm.setLinks(entry, ids));
        });
        getChildren().addAll(title, intro, list, new HBox(6, add, edit, link));
    }
}
