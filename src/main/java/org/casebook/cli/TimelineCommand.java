package org.casebook.cli;

import org.casebook.evidence.TimelineService;
import org.casebook.model.Case;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code casebook timeline}: everything in a case in the order it happened. */
@Command(name = "timeline", header = "List a case's items in the order they happened.",
        mixinStandardHelpOptions = true,
        description = "List a case's items in the order they happened. With --json: one JSON object per line with"
                + " id, kind, type, at (ISO-8601 with offset), end, approximate, added_at, sender, sender_id, text, "
                + "sha256 and source.")
final class TimelineCommand extends VaultCommand {
    @Option(names = "--case", required = true, paramLabel = "ID", description = "The case's id or exact title.")
    String caseKey;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Override
    int run(Vault vault, CliContext ctx) {
        Case aCase = findCase(vault, caseKey);
        TimelinePrinter printer = new TimelinePrinter(ctx.out(), json);
        printer.header(aCase);
        new TimelineService(vault).forEach(aCase.id(), printer);
        if (!json) {
            ctx.out().println(printer.count() + (printer.count() == 1 ? " item" : " items"));
        }
        return ExitCodes.OK;
    }
}
