package org.casebook.ui.cases;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.casebook.model.CaseCover;
import org.casebook.ui.common.FormGrid;

/**
 * The case form's cover fields: what a bundle's cover says about the proceedings. All optional; the same fields
 * as {@code casebook case edit}'s options.
 */
final class CoverForm {
    private final TextField court = field("case-court", "For example: Family Court at Leeds");
    private final TextField caseNumber = field("case-number", "As on the court's papers");
    private final TextField hearing = field("case-hearing", "YYYY-MM-DD");
    private final TextField judge = field("case-judge", "If you know it");
    private final TextField applicant = field("case-applicant", "Usually you");
    private final TextField respondent = field("case-respondent", "The person the case is about");
    private final TextField witness = field("case-witness", "Whose statement this evidence goes with");
    private final TextField preparedBy = field("case-prepared-by", "For example: Jane Smith, the applicant in person");
    private final TextField preparedFor = field("case-prepared-for", "For example: the court, or an officer's name");

    CoverForm(GridPane grid, int firstRow, CaseCover cover) {
        court.setText(FormGrid.orEmpty(cover.court()));
        caseNumber.setText(FormGrid.orEmpty(cover.caseNumber()));
        hearing.setText(cover.hearing() == null ? "" : cover.hearing().toString());
        judge.setText(FormGrid.orEmpty(cover.judge()));
        applicant.setText(FormGrid.orEmpty(cover.applicant()));
        respondent.setText(FormGrid.orEmpty(cover.respondent()));
        witness.setText(FormGrid.orEmpty(cover.witness()));
        preparedBy.setText(FormGrid.orEmpty(cover.preparedBy()));
        preparedFor.setText(FormGrid.orEmpty(cover.preparedFor()));
        Label heading = new Label("For a bundle's cover (all optional)");
        heading.getStyleClass().add("section-title");
        grid.add(heading, 0, firstRow, 3, 1);
        int r = firstRow + 1;
        FormGrid.row(grid, r++, "Court", court, "Leave these empty until there are proceedings.");
        FormGrid.row(grid, r++, "Case number", caseNumber, null);
        FormGrid.row(grid, r++, "Hearing date", hearing, "The day of the hearing the bundle is for.");
        FormGrid.row(grid, r++, "Judge", judge, null);
        FormGrid.row(grid, r++, "Applicant", applicant, "A police bundle names them complainant and suspect.");
        FormGrid.row(grid, r++, "Respondent", respondent, null);
        FormGrid.row(grid, r++, "Witness", witness, null);
        FormGrid.row(grid, r++, "Prepared by", preparedBy, "Shown on the cover instead of \"the witness\".");
        FormGrid.row(grid, r, "Prepared for", preparedFor, null);
    }

    StringProperty hearingText() {
        return hearing.textProperty();
    }

    /** Why the form cannot be saved yet, or "". */
    String problem() {
        String text = hearing.getText().strip();
        if (text.isEmpty()) {
            return "";
        }
        try {
            LocalDate.parse(text);
            return "";
        } catch (DateTimeParseException e) {
            return "Write the hearing date like 2024-07-15.";
        }
    }

    CaseCover value() {
        String day = hearing.getText().strip();
        return new CaseCover(court.getText(), caseNumber.getText(), day.isEmpty() ? null : LocalDate.parse(day),
                judge.getText(), applicant.getText(), respondent.getText(), witness.getText(), preparedBy.getText(),
                preparedFor.getText());
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }
}
