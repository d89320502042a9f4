package org.casebook.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.casebook.bundle.check.RecordedAuditHead;
import org.casebook.evidence.AuditHeadCheck;
import org.casebook.evidence.Plural;
import org.casebook.evidence.VerifyService;
import org.casebook.model.VerifyReport;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code casebook verify}: re-hashes every original and walks the audit chain. */
@Command(name = "verify", header = "Check every original and the audit chain.",
        mixinStandardHelpOptions = true,
        description = "Check the whole vault: every page, every original's SHA-256, the audit chain, and that "
                + "every item, case, person, order, report, impact entry and item's tags and breach decisions still "
                + "matches its audit record. With --against-bundle or --against-head, also check that this vault "
                + "still holds the audit chain head a bundle printed (or you wrote down): an older copy restored over "
                + "the vault, or another vault swapped in, does not. Exit 0 when intact; exit 3 and one line per "
                + "problem when not.")
final class VerifyCommand extends VaultCommand {
    @Option(names = "--against-bundle", paramLabel = "FILE.pdf",
            description = "A bundle made from this vault: its printed audit chain head must be in the vault's log.")
    List<Path> againstBundles = new ArrayList<>();

    @Option(names = "--against-head", paramLabel = "HASH",
            description = "An audit chain head recorded earlier (printed by verify, a bundle or an export's "
                    + "manifest.json): it must be in the vault's log.")
    List<String> againstHeads = new ArrayList<>();

    @Override
    int run(Vault vault, CliContext ctx) {
        List<RecordedHead> recorded = recordedHeads();
        Progress progress = progress(ctx, "Verifying");
        VerifyReport report;
        try {
            report = new VerifyService(vault).verify(progress);
        } finally {
            done(progress);
        }
        List<String> problems = new ArrayList<>(report.problems());
        AuditHeadCheck heads = new AuditHeadCheck(vault);
        for (RecordedHead r : recorded) {
            AuditHeadCheck.Finding finding = heads.check(r.head());
            if (finding.held()) {
                AuditHeadCheck.Entry e = finding.entry().orElseThrow();
                ctx.out().println("Matches the audit chain head " + r.how() + ": entry " + e.seq() + " of this"
                        + " vault's log (" + e.at() + "); " + Plural.of(e.entriesSince(), "entry") + " added since.");
            } else {
                problems.add("The audit chain head " + r.how() + " (" + finding.head() + ") is not in this vault's"
                        + " log.\nThis file is an older copy of the vault, restored from before it was recorded, or a"
                        + " different vault, or its audit log was rewritten.");
            }
        }
        if (problems.isEmpty()) {
            ctx.out().println("Vault intact: " + Plural.of(report.items(), "item") + ", "
                    + Plural.of(report.blobs(), "original") + " (" + TerminalProgress.size(report.bytes())
                    + ") re-hashed, " + Plural.of(report.auditEntries(), "audit entry")
                    + " in an unbroken chain (head " + report.auditHead() + ").");
            return ExitCodes.OK;
        }
        for (String problem : problems) {
            String[] lines = problem.strip().split("\\s*\\R\\s*");
            ctx.out().println("PROBLEM: " + lines[0]);
            for (int i = 1; i < lines.length; i++) {
                ctx.out().println("         " + lines[i]);
            }
        }
        ctx.err().println("casebook: the vault failed verification: " + problems.size()
                + (problems.size() == 1 ? " problem." : " problems.") + " Keep this file as it is"
                + " and use a backup copy.");
        return ExitCodes.INTEGRITY;
    }

    /** A head and how it was recorded ("recorded by the bundle x.pdf", "given"). */
    private record RecordedHead(String how, String head) {
    }

    /** The heads to check, read before the long verification so that an unreadable bundle fails at once. */
    private List<RecordedHead> recordedHeads() {
        List<RecordedHead> heads = new ArrayList<>();
        for (Path pdf : againstBundles) {
            heads.add(new RecordedHead("recorded by the bundle " + pdf.getFileName(), RecordedAuditHead.of(pdf)));
        }
        for (String head : againstHeads) {
            heads.add(new RecordedHead("given", AuditHeadCheck.normalised(head)));
        }
        return heads;
    }
}
