package org.casebook.ui.settings;

import java.nio.file.Path;
import java.time.ZoneId;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.casebook.bundle.check.RecordedAuditHead;
import org.casebook.evidence.AuditHeadCheck;
import org.casebook.evidence.Plural;
import org.casebook.evidence.VerifyService;
import org.casebook.model.VerifyReport;
import org.casebook.ui.common.ErrorText;
import org.casebook.ui.common.Formats;
import org.casebook.ui.common.TaskRunner;
import org.casebook.vault.Vault;

/**
 * <em>Check the vault…</em>: what {@code casebook verify} does (every original re-hashed, the audit chain walked)
 * and, with a bundle made from this vault, what {@code verify --against-bundle} adds: whether this is that vault (or
 * a later state of it), rather than an older copy put back or another vault swapped in. Runs in the background; the
 * outcome is said in plain words.
 */
public final class CheckVaultViewModel {
    /** How the check came out, for the dialog's colour and the tests. */
    public enum Outcome { NONE, PASSED, FAILED }

    private final Vault vault;
    private final TaskRunner tasks;
    private final ObjectProperty<Path> bundle = new SimpleObjectProperty<>();
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty(false);
    private final SimpleStringProperty result = new SimpleStringProperty("");
    private final SimpleObjectProperty<Outcome> outcome = new SimpleObjectProperty<>(Outcome.NONE);

    public CheckVaultViewModel(Vault vault, TaskRunner tasks) {
        this.vault = vault;
        this.tasks = tasks;
    }

    /** A bundle made from this vault, to check against; null: the vault alone. */
    public ObjectProperty<Path> bundleProperty() {
        return bundle;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** The outcome in plain words; empty before a check. */
    public ReadOnlyStringProperty resultProperty() {
        return result;
    }

    public SimpleObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    /** Runs the check in the background; the outcome arrives in {@link #resultProperty()}. */
    public void check() {
        Path pdf = bundle.get();
        busy.set(true);
        result.set("");
        outcome.set(Outcome.NONE);
        tasks.longJob(progress -> {
            // The bundle is read first: a file that is not a bundle is said at once, not after the long check.
            String head = pdf == null ? null : RecordedAuditHead.of(pdf);
            VerifyReport report = new VerifyService(vault).verify(progress);
            AuditHeadCheck.Finding finding = head == null ? null : new AuditHeadCheck(vault).check(head);
            return words(report, pdf, finding);
        }, said -> done(said.passed() ? Outcome.PASSED : Outcome.FAILED, said.text()),
                error -> done(Outcome.FAILED, ErrorText.of(error)));
    }

    private void done(Outcome how, String text) {
        busy.set(false);
        outcome.set(how);
        result.set(text);
    }

    private record Said(boolean passed, String text) {
    }

    private static Said words(VerifyReport report, Path pdf, AuditHeadCheck.Finding finding) {
        StringBuilder text = new StringBuilder();
        boolean passed = report.intact();
        if (passed) {
            text.append("Nothing in the vault was changed outside Casebook: ")
                    .append(Plural.of(report.blobs(), "original")).append(" re-checked against their fingerprints,"
                            + " and the record of every change (")
                    .append(Plural.of(report.auditEntries(), "entry")).append(") is unbroken.");
        } else {
            text.append("The vault failed its check: ").append(report.problems().get(0).strip().replaceAll("\\s+",
                    " "));
            if (report.problems().size() > 1) {
                text.append(" (and ").append(Plural.of(report.problems().size() - 1, "more problem")).append(")");
            }
            text.append(". Keep this file as it is, and use a backup copy.");
        }
        if (finding != null) {
            String name = pdf.getFileName().toString();
            text.append("\n\n");
            if (finding.held()) {
                AuditHeadCheck.Entry e = finding.entry().orElseThrow();
                text.append("This is the vault the bundle ").append(name).append(" was made from, or a later state"
                        + " of it: the bundle's record is entry ").append(e.seq()).append(" of its log (")
                        .append(Formats.DAY_TIME.format(e.at().atZone(ZoneId.systemDefault()))).append("); ")
                        .append(Plural.of(e.entriesSince(), "change")).append(" recorded since.");
            } else {
                passed = false;
                text.append("This is NOT the vault the bundle ").append(name).append(" was made from: the bundle's"
                        + " record is not in this vault's log. It is an older copy put back in its place, a different"
                        + " vault, or its log was rewritten. Keep this file as it is, and use the vault or the backup"
                        + " you made the bundle from.");
            }
        }
        return new Said(passed, text.toString());
    }

}
