package org.casebook.cli;

import org.casebook.evidence.Plural;
import org.casebook.evidence.VerifyService;
import org.casebook.model.VerifyReport;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;

/** {@code casebook verify}: re-hashes every original and walks the audit chain. */
@Command(name = "verify", header = "Check every original and the audit chain.",
        mixinStandardHelpOptions = true,
        description = "Check the whole vault: every page, every original's SHA-256, the audit chain, and that "
                + "every item, case, person, order, report, impact entry and item's tags and breach decisions still "
                + "matches its audit record. Exit 0 when intact; exit 3 and one line per "
                + "problem when not.")
final class VerifyCommand extends VaultCommand {
    @Override
    int run(Vault vault, CliContext ctx) {
        Progress progress = progress(ctx, "Verifying");
        VerifyReport report;
        try {
            report = new VerifyService(vault).verify(progress);
        } finally {
            done(progress);
        }
        if (report.intact()) {
            ctx.out().println("Vault intact: " + Plural.of(report.items(), "item") + ", "
                    + Plural.of(report.blobs(), "original") + " (" + TerminalProgress.size(report.bytes())
                    + ") re-hashed, " + Plural.of(report.auditEntries(), "audit entry")
                    + " in an unbroken chain (head " + report.auditHead() + ").");
            return ExitCodes.OK;
        }
        for (String problem : report.problems()) {
            String[] lines = problem.strip().split("\\s*\\R\\s*");
            ctx.out().println("PROBLEM: " + lines[0]);
            for (int i = 1; i < lines.length; i++) {
                ctx.out().println("         " + lines[i]);
            }
        }
        ctx.err().println("casebook: the vault failed verification: " + report.problems().size()
                + (report.problems().size() == 1 ? " problem." : " problems.") + " Keep this file as it is"
                + " and use a backup copy.");
        return ExitCodes.INTEGRITY;
    }
}
