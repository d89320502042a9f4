package org.casebook.ui.detail;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.casebook.model.BehaviourTag;
import org.casebook.model.ConductMarker;
import org.casebook.model.ItemKind;
import org.casebook.model.Report;
import org.casebook.ui.common.Formats;
import org.casebook.ui.common.Helplines;
import org.casebook.ui.common.Icons;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * Below an incident or message in the detail pane: its behaviour tags, the breaches and reports it is part
 * of, and for diary entries the four markers as questions to think about — prompts, never a verdict.
 */
final class ConductPanel extends VBox {
    private final ItemConductViewModel vm;
    private final DetailView.Actions actions;

    ConductPanel(ItemConductViewModel vm, DetailView.Actions actions) {
        super(8);
        this.vm = vm;
        this.actions = actions;
        setId("detail-conduct");
        vm.stateProperty().addListener((o, a, s) -> render(s));
    }

    private void render(ItemConductViewModel.State s) {
        getChildren().clear();
        if (s == null) {
            return;
        }
        getChildren().add(new Separator());
        Label tagsTitle = new Label("WHAT KIND OF BEHAVIOUR");
        tagsTitle.getStyleClass().add("section-title");
        FlowPane tags = new FlowPane(10, 6);
        tags.setId("detail-tags");
        tags.setPrefWrapLength(300);
        for (BehaviourTag tag : BehaviourTag.values()) {
            CheckBox box = new CheckBox(tag.label());
            box.setId("tag-" + tag.code());
            box.setSelected(s.tags().contains(tag));
            box.selectedProperty().addListener((o, was, on) -> vm.setTag(tag, on));
            tags.getChildren().add(box);
        }
        getChildren().addAll(tagsTitle, tags);

        for (String breach : s.breaches()) {
            Label line = new Label("Confirmed breach — " + breach);
            line.setWrapText(true);
            line.getStyleClass().add("warning-text");
            getChildren().add(line);
        }
        for (Report r : s.inReports()) {
            Label line = new Label("Part of the report to " + r.recipientKind().label()
                    + (r.recipient() == null ? "" : " (" + r.recipient() + ")") + " on " + Formats.DAY_TIME.format(r.at())
                    + (r.reference() == null ? "" : ", ref. " + r.reference()));
            line.setWrapText(true);
            getChildren().add(line);
        }
        Button breach = new Button("Possible breach of an order…", Icons.of(MaterialDesignS.SCALE_BALANCE, 16));
        breach.setId("detail-breach");
        breach.setOnAction(e -> actions.possibleBreach(s));
        Button report = new Button("Part of a report…", Icons.of(MaterialDesignF.FILE_DOCUMENT_EDIT_OUTLINE, 16));
        report.setId("detail-report");
        report.setOnAction(e -> actions.partOfReport(s));
        FlowPane buttons = new FlowPane(8, 8, breach, report);
        buttons.setPrefWrapLength(300);
        getChildren().add(buttons);

        if (s.item().kind() == ItemKind.INCIDENT) {
            getChildren().add(new Separator());
            Label promptsTitle = new Label("QUESTIONS TO THINK ABOUT");
            promptsTitle.getStyleClass().add("section-title");
            Label intro = new Label("Police look for a pattern that is fixated, obsessive, unwanted and repeated."
                    + " These are prompts for your own words, not a judgement. If an answer is yes, you can add it"
                    + " to the entry.");
            intro.getStyleClass().add("hint");
            intro.setWrapText(true);
            VBox prompts = new VBox(6);
            prompts.setId("detail-prompts");
            for (ConductMarker m : ConductMarker.values()) {
                Label name = new Label(m.label());
                name.getStyleClass().add("field-name");
                Label question = new Label(m.question());
                question.setWrapText(true);
                prompts.getChildren().add(new VBox(1, name, question));
            }
            getChildren().addAll(promptsTitle, intro, prompts, Helplines.box());
        }
    }
}
