package org.casebook.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casebook.conduct.ScreeningService;
import org.casebook.model.Case;
import org.casebook.model.Screening;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code casebook screening add|list|delete}: risk screenings an advocate or officer ran with their own tool. */
@Command(name = "screening", mixinStandardHelpOptions = true,
        header = "Record a risk screening an advocate or officer ran with their own tool.",
        description = "Casebook keeps which tool was used, when, by whom and what it concluded, and prints it in the"
                + " police bundle. It does not hold or score any tool's questions.",
        subcommands = {ScreeningCommand.Add.class, ScreeningCommand.ListScreenings.class,
            ScreeningCommand.Delete.class})
final class ScreeningCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Record a screening. Prints its id.")
    static final class Add extends VaultCommand {
        @Option(names = "--case", required = true, paramLabel = "ID", description = "The case's id or exact title.")
        String caseKey;

        @Option(names = "--tool", required = true, paramLabel = "NAME", description = "The tool used, e.g. S-DASH"
                + " (2009) or the force's own form.")
        String tool;

        @Option(names = "--date", required = true, paramLabel = "DATE", description = "The day it was done, like"
                + " 2024-05-03.")
        String date;

        @Option(names = "--by", required = true, paramLabel = "WHO", description = "Who ran it: name, role and"
                + " organisation, e.g. \"PC 1234 Smith, West Yorkshire Police\".")
        String by;

        @Option(names = "--outcome", required = true, paramLabel = "TEXT", description = "What it concluded, in"
                + " their words, e.g. \"high risk; referred to MARAC\".")
        String outcome;

        @Option(names = "--notes", paramLabel = "TEXT", description = "Anything else to record (optional).")
        String notes;

        @Override
        int run(Vault vault, CliContext ctx) {
            var day = ConductOptions.date("--date", date);
            Case aCase = findCase(vault, caseKey);
            ctx.out().println(new ScreeningService(vault).add(aCase.id(), tool, day, by, outcome, notes).id());
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a case's screenings.")
    static final class ListScreenings extends CaseListCommand<Screening> {
        ListScreenings() {
            super("screenings");
        }

        @Override
        List<Screening> list(Vault vault, long caseId) {
            return new ScreeningService(vault).list(caseId);
        }

        @Override
        Map<String, Object> json(Screening s) {
            return toJson(s);
        }

        @Override
        void print(PrintStream out, Screening s) {
            out.printf("%-6d %s  %-20s %-28s %s%n", s.id(), s.screenedOn(), Formats.cell(s.tool(), 20),
                    Formats.cell(s.screenedBy(), 28), Formats.cell(s.outcome(), 50));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a screening recorded by"
            + " mistake. The audit log keeps what it said and the reason.")
    static final class Delete extends VaultCommand {
        @Option(names = "--id", required = true, paramLabel = "ID", description = "The screening's id.")
        long id;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is deleted.")
        String reason;

        @Override
        int run(Vault vault, CliContext ctx) {
            new ScreeningService(vault).delete(id, reason);
            ctx.out().println("Deleted screening " + id + ". The audit log keeps what it said and the reason.");
            return ExitCodes.OK;
        }
    }

    static Map<String, Object> toJson(Screening s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", s.id());
        row.put("tool", s.tool());
        row.put("date", s.screenedOn().toString());
        row.put("by", s.screenedBy());
        row.put("outcome", s.outcome());
        row.put("notes", s.notes());
        return row;
    }
}
