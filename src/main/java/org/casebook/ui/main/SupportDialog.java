package org.casebook.ui.main;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import org.casebook.ui.common.DialogLayout;
import org.casebook.ui.common.DialogService;
import org.casebook.ui.common.Helplines;

/**
 * Support: the helplines, and how Casebook protects the evidence and what it cannot protect against (the project's
 * SECURITY.md, shipped inside the program so it can be read offline).
 */
final class SupportDialog {
    /** SECURITY.md, copied here by the build. */
    static final String SECURITY_NOTES = "SECURITY.md";

    private SupportDialog() {
    }

    static void show(DialogService dialogs) {
        Dialog<Void> dialog = new Dialog<>();
        dialogs.prepare(dialog, "Support");
        dialog.setHeaderText("Support");
        Label helplines = new Label(Helplines.text() + "\n\nAn advocate can help you plan for your safety and prepare"
                + " this evidence. The helplines can put you in touch.");
        helplines.setWrapText(true);
        TextArea notes = new TextArea(securityNotes());
        notes.setId("security-notes");
        notes.setEditable(false);
        notes.setWrapText(true);
        notes.setPrefRowCount(18);
        notes.setAccessibleText("How Casebook protects your evidence, and what it cannot");
        TitledPane security = new TitledPane("How Casebook protects your evidence, and what it cannot", notes);
        security.setId("security-pane");
        security.setExpanded(false);
        VBox content = new VBox(12, helplines, security);
        content.setPrefWidth(640);
        DialogLayout.set(dialog, content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.show();
    }

    static String securityNotes() {
        try (InputStream in = SupportDialog.class.getResourceAsStream(SECURITY_NOTES)) {
            if (in == null) {
                throw new IllegalStateException(SECURITY_NOTES + " is missing from the program");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
