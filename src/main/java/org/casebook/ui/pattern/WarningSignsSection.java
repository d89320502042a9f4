package org.casebook.ui.pattern;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.casebook.conduct.WarningSigns;
import org.casebook.model.Screening;
import org.casebook.model.WarningSign;
import org.casebook.ui.common.Formats;

/**
 * The Pattern screen's warning signs: each sign, whether the evidence or the witness's answer shows it, what the
 * evidence shows, and the screenings recorded, with the buttons to answer and to record a screening.
 */
final class WarningSignsSection {
    private WarningSignsSection() {
    }

    static void render(VBox box, WarningSigns.Assessment a, Runnable answer, Runnable addScreening) {
        box.getChildren().clear();
        if (a == null) {
            return;
        }
        Label title = new Label("WARNING SIGNS — A SCREENING AID");
        title.getStyleClass().add("section-title");
        Label label = new Label(WarningSign.NOT_AN_ASSESSMENT);
        label.setId("signs-label");
        label.setWrapText(true);
        label.getStyleClass().add("strong");
        Label count = new Label(a.shownCount() + " of " + a.findings().size() + " signs are shown by the evidence"
                + " or by your answers.");
        count.setId("signs-count");
        box.getChildren().addAll(title, label, count);
        for (WarningSigns.Finding f : a.findings()) {
            Label head = new Label((f.shown() ? "Shown: " : "Not shown: ") + f.sign().label()
                    + (f.answer() == null ? "" : " — you said " + f.answer().answer().label().toLowerCase(java.util.Locale.UK)
                    + (f.answer().note() == null ? "" : ": " + f.answer().note())));
            head.setId("sign-line-" + f.sign().code());
            head.setWrapText(true);
            if (f.shown()) {
                head.getStyleClass().add("strong");
            }
            Label evidence = new Label(f.evidence() == null ? f.sign().question() : f.evidence());
            evidence.getStyleClass().add("hint");
            evidence.setWrapText(true);
            box.getChildren().add(new VBox(1, head, evidence));
        }
        Label screenings = new Label("Screenings run by others");
        screenings.getStyleClass().add("strong");
        box.getChildren().add(screenings);
        if (a.screenings().isEmpty()) {
            Label none = new Label("None recorded. If an advocate or officer screened your case with their own tool,"
                    + " you can record which tool, when, by whom and the outcome.");
            none.getStyleClass().add("hint");
            none.setWrapText(true);
            box.getChildren().add(none);
        }
        for (Screening s : a.screenings()) {
            Label line = new Label("•  " + Formats.day(s.screenedOn()) + " — " + s.tool() + ", by " + s.screenedBy()
                    + ": " + s.outcome());
            line.setId("screening-line-" + s.id());
            line.setWrapText(true);
            box.getChildren().add(line);
        }
        Button answerButton = new Button("Answer the questions…");
        answerButton.setId("signs-answer");
        answerButton.setOnAction(e -> answer.run());
        Button screening = new Button("Record a screening…");
        screening.setId("screening-add");
        screening.setOnAction(e -> addScreening.run());
        box.getChildren().add(new FlowPane(8, 8, answerButton, screening));
    }
}
