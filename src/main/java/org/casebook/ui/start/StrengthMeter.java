package org.casebook.ui.start;

import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import org.casebook.vault.PassphraseStrength;

/**
 * A strength meter under a new-passphrase field: bar, verdict and advice from {@link PassphraseStrength}, the rule
 * the command line applies too. {@link #acceptableProperty()} says whether the passphrase may be used.
 */
public final class StrengthMeter {
    private final VBox node;
    private final SimpleBooleanProperty acceptable = new SimpleBooleanProperty(false);

    public StrengthMeter(PasswordField field) {
        ProgressBar meter = new ProgressBar(0);
        meter.getStyleClass().add("strength-bar");
        meter.setMaxWidth(Double.MAX_VALUE);
        meter.setAccessibleText("Passphrase strength");
        Label verdict = new Label("Several unrelated words are easy to remember and hard to guess.");
        verdict.setId("strength-verdict");
        verdict.setWrapText(true);
        Label advice = new Label();
        advice.getStyleClass().add("hint");
        advice.setWrapText(true);
        advice.managedProperty().bind(advice.textProperty().isNotEmpty());
        // Estimated off the FX thread (the first estimate loads nbvcxz's dictionaries); a stale answer is dropped.
        field.textProperty().addListener((obs, old, text) -> {
            String snapshot = text;
            CompletableFuture.supplyAsync(() -> PassphraseStrength.estimate(snapshot)).thenAccept(est ->
                    Platform.runLater(() -> {
                        if (!snapshot.equals(field.getText())) {
                            return;
                        }
                        meter.setProgress(snapshot.isEmpty() ? 0 : (est.score() + 1) / 5.0);
                        verdict.setText(est.verdict());
                        advice.setText(est.advice());
                        acceptable.set(est.acceptable());
                    }));
        });
        node = new VBox(8, meter, verdict, advice);
    }

    public VBox node() {
        return node;
    }

    public ReadOnlyBooleanProperty acceptableProperty() {
        return acceptable;
    }
}
