package org.casebook.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casebook.conduct.ImpactService;
import org.casebook.model.Case;
import org.casebook.model.ImpactEntry;
import org.casebook.model.ImpactKind;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code casebook impact add|list}: the impact log. */
@Command(name = "impact", mixinStandardHelpOptions = true, description = "Record how the conduct is affecting you.",
        subcommands = {ImpactCommand.Add.class, ImpactCommand.ListImpact.class})
final class ImpactCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an impact entry. Prints its id.")
    static final class Add extends VaultCommand {
        @Option(names = "--case", required = true, paramLabel = "ID", description = "The case's id or exact title.")
        String caseKey;

        @Option(names = "--date", required = true, paramLabel = "DATE", description = "The day, like 2024-03-01.")
        String date;

        @Option(names = "--kind", required = true, paramLabel = "KIND", description = "fear-of-violence, "
                + "alarm-distress, routine-change, moved-home, changed-number, stopped-going-out, time-off-work, "
                + "health or other.")
        String kind;

        @Option(names = "--text", required = true, paramLabel = "TEXT", description = "What it has meant for you.")
        String text;

        @Option(names = "--item", paramLabel = "ID", description = "An item that caused it (repeatable).")
        List<Long> items = new ArrayList<>();

        @Override
        int run(Vault vault, CliContext ctx) {
            var day = ConductOptions.date("--date", date);
            ImpactKind impactKind = ConductOptions.code("--kind", ImpactKind::fromCode, kind);
            Case aCase = findCase(vault, caseKey);
            ImpactEntry entry = new ImpactService(vault).add(aCase.id(), day, impactKind, text, items);
            ctx.out().println(entry.id());
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a case's impact log.")
    static final class ListImpact extends CaseListCommand<ImpactEntry> {
        ListImpact() {
            super("impact entries");
        }

        @Override
        List<ImpactEntry> list(Vault vault, long caseId) {
            return new ImpactService(vault).list(caseId);
        }

        @Override
        Map<String, Object> json(ImpactEntry e) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", e.id());
            row.put("date", e.date().toString());
            row.put("kind", e.kind().code());
            row.put("text", e.text());
            row.put("items", e.itemIds());
            return row;
        }

        @Override
        void print(PrintStream out, ImpactEntry e) {
            out.printf("%-6d %s  %-18s %s%n", e.id(), e.date(), e.kind().code(), Formats.cell(e.text(), 60));
        }
    }
}
