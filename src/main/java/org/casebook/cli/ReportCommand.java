package org.casebook.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casebook.conduct.ReportService;
import org.casebook.evidence.Inputs;
import org.casebook.evidence.Plural;
import org.casebook.model.Case;
import org.casebook.model.Report;
import org.casebook.model.ReportDraft;
import org.casebook.model.ReportRecipient;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code casebook report add|list}: reports to the police, platforms and others. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Record reports made about the conduct.",
        subcommands = {ReportCommand.Add.class, ReportCommand.ListReports.class})
final class ReportCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Record a report. Prints its id.")
    static final class Add extends VaultCommand {
        @Option(names = "--case", required = true, paramLabel = "ID", description = "The case's id or exact title.")
        String caseKey;

        @Option(names = "--at", required = true, paramLabel = "WHEN",
                description = "When it was made, like 2024-03-01T10:00 in the case's zone (or a day alone).")
        String at;

        @Option(names = "--to", required = true, paramLabel = "KIND",
                description = "police, platform, employer, housing, school or other.")
        String to;

        @Option(names = "--recipient", paramLabel = "TEXT", description = "Who by name (force, platform, ...).")
        String recipient;

        @Option(names = "--reference", paramLabel = "TEXT", description = "The reference number given.")
        String reference;

        @Option(names = "--contact", paramLabel = "TEXT", description = "The officer or contact person.")
        String contact;

        @Option(names = "--collar", paramLabel = "NUMBER", description = "The officer's collar (shoulder) number.")
        String collar;

        @Option(names = "--outcome", paramLabel = "TEXT", description = "What happened next.")
        String outcome;

        @Option(names = "--incident", paramLabel = "ID", description = "An item the report covered (repeatable).")
        List<Long> incidents = new ArrayList<>();

        @Override
        int run(Vault vault, CliContext ctx) {
            ReportRecipient kind = ConductOptions.code("--to", ReportRecipient::fromCode, to);
            Case aCase = findCase(vault, caseKey);
            var when = Inputs.when("--at", at, aCase.zone());
            ReportService reports = new ReportService(vault);
            // One transaction: a bad --incident leaves no half-recorded report behind.
            Report report = vault.write(c -> {
                Report added = reports.add(aCase.id(), new ReportDraft(when.at(), kind, recipient, reference,
                        contact, outcome, collar));
                for (long item : incidents) {
                    reports.link(added.id(), item);
                }
                return added;
            });
            ctx.out().println(report.id());
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a case's reports.")
    static final class ListReports extends CaseListCommand<Report> {
        ListReports() {
            super("reports");
        }

        @Override
        List<Report> list(Vault vault, long caseId) {
            return new ReportService(vault).list(caseId);
        }

        @Override
        Map<String, Object> json(Report r) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", r.id());
            row.put("at", Formats.iso(r.at()));
            row.put("recipient_kind", r.recipientKind().code());
            row.put("recipient", r.recipient());
            row.put("reference", r.reference());
            row.put("contact", r.contact());
            row.put("collar", r.collar());
            row.put("outcome", r.outcome());
            row.put("incidents", r.incidentIds());
            return row;
        }

        @Override
        void print(PrintStream out, Report r) {
            out.printf("%-6d %s  %s%s%s  %s%n", r.id(), Formats.human(r.at()), r.recipientKind().code(),
                    r.recipient() == null ? "" : " " + r.recipient(),
                    r.reference() == null ? "" : " ref " + r.reference(), Plural.of(r.incidentIds().size(), "item"));
        }
    }
}
