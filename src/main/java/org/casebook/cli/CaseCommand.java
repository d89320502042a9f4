package org.casebook.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casebook.evidence.CaseCovers;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.Inputs;
import org.casebook.model.Case;
import org.casebook.model.CaseCover;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code casebook case add|edit|list}. */
@Command(name = "case", mixinStandardHelpOptions = true, description = "Add, change or list cases.",
        subcommands = {CaseCommand.Add.class, CaseCommand.Edit.class, CaseCommand.ListCases.class})
final class CaseCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a case. Prints the new case's id.")
    static final class Add extends VaultCommand {
        @Option(names = "--title", required = true, paramLabel = "TEXT", description = "The case's title.")
        String title;

        @Option(names = "--initials", paramLabel = "AB",
                description = "Your initials, used in exhibit references such as AB/12 (default: from the title).")
        String initials;

        @Option(names = "--timezone", paramLabel = "ZONE",
                description = "The time zone local times are read in, e.g. Europe/London (default: this computer's).")
        String timezone;

        @Override
        int run(Vault vault, CliContext ctx) {
            ZoneId zone = timezone == null ? null : Inputs.zone("--timezone", timezone);
            Case created = new CaseService(vault).add(title, initials, zone);
            ctx.out().println(created.id());
            return ExitCodes.OK;
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true,
            description = {"Change a case's title, initials or time zone, and what a bundle's cover says about the"
                    + " proceedings; the vault's record keeps the old values.",
                "An option given as \"\" empties that cover field."})
    static final class Edit extends VaultCommand {
        @Option(names = "--case", required = true, paramLabel = "ID", description = "The case's id or exact title.")
        String caseKey;

        @Option(names = "--title", paramLabel = "TEXT", description = "The new title.")
        String title;

        @Option(names = "--initials", paramLabel = "AB", description = "The new initials for exhibit references.")
        String initials;

        @Option(names = "--timezone", paramLabel = "ZONE",
                description = "The time zone local times are read in from now on, e.g. Europe/London.")
        String timezone;

        @Option(names = "--court", paramLabel = "TEXT", description = "The court, e.g. \"Family Court at Leeds\".")
        String court;

        @Option(names = "--case-number", paramLabel = "TEXT", description = "The court's case number.")
        String caseNumber;

        @Option(names = "--hearing", paramLabel = "YYYY-MM-DD", description = "The date of the hearing.")
        String hearing;

        @Option(names = "--judge", paramLabel = "TEXT", description = "The judge or magistrates, if known.")
        String judge;

        @Option(names = "--applicant", paramLabel = "NAME",
                description = "The applicant (or complainant, or claimant).")
        String applicant;

        @Option(names = "--respondent", paramLabel = "NAME", description = "The respondent (or suspect, or defendant).")
        String respondent;

        @Option(names = "--witness", paramLabel = "NAME", description = "Whose evidence this is.")
        String witness;

        @Option(names = "--prepared-by", paramLabel = "NAME",
                description = "Who prepared the bundle, e.g. \"Jane Smith, the applicant in person\".")
        String preparedBy;

        @Option(names = "--prepared-for", paramLabel = "TEXT",
                description = "Who the bundle is for, e.g. \"the court\" or an officer's name and collar number.")
        String preparedFor;

        @Override
        int run(Vault vault, CliContext ctx) {
            ZoneId zone = timezone == null ? null : Inputs.zone("--timezone", timezone);
            LocalDate hearingDay = hearing == null || hearing.isBlank() ? null
                    : ConductOptions.date("--hearing", hearing);
            CaseService cases = new CaseService(vault);
            Case aCase = cases.find(caseKey);
            CaseCovers covers = new CaseCovers(vault);
            CaseCover was = covers.get(aCase.id());
            CaseCover cover = new CaseCover(given(court, was.court()), given(caseNumber, was.caseNumber()),
                    hearing == null ? was.hearing() : hearingDay, given(judge, was.judge()),
                    given(applicant, was.applicant()), given(respondent, was.respondent()), given(witness, was.witness()),
                    given(preparedBy, was.preparedBy()), given(preparedFor, was.preparedFor()));
            if (title != null || initials != null || zone != null) {
                cases.update(aCase.id(), title, initials, zone);
            }
            if (!cover.equals(was)) {
                covers.set(aCase.id(), cover);
            }
            return ExitCodes.OK;
        }

        /** An option not given keeps the field; one given empty clears it. */
        private static String given(String option, String was) {
            return option == null ? was : option;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the cases in the vault.")
    static final class ListCases extends VaultCommand {
        @Option(names = "--json", description = "One JSON object per line.")
        boolean json;

        @Override
        int run(Vault vault, CliContext ctx) {
            List<Case> cases = new CaseService(vault).list();
            if (json) {
                for (Case c : cases) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", c.id());
                    row.put("title", c.title());
                    row.put("initials", c.initials());
                    row.put("timezone", c.zone().getId());
                    row.put("created_at", Formats.iso(c.created(), c.zone()));
                    JsonLines.write(ctx.out(), row);
                }
                return ExitCodes.OK;
            }
            if (cases.isEmpty()) {
                ctx.out().println("No cases yet. Add one with: casebook case add --vault "
                        + vaultOptions.vault + " --title TEXT");
                return ExitCodes.OK;
            }
            ctx.out().printf("%-6s %-8s %-20s %s%n", "ID", "INITIALS", "TIMEZONE", "TITLE");
            for (Case c : cases) {
                ctx.out().printf("%-6d %-8s %-20s %s%n", c.id(), c.initials(), c.zone().getId(), c.title());
            }
            return ExitCodes.OK;
        }
    }
}
