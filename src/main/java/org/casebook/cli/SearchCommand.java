package org.casebook.cli;

import java.util.List;
import org.casebook.evidence.FtsQuery;
import org.casebook.evidence.TimelineService;
import org.casebook.model.Case;
import org.casebook.model.TimelineItem;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code casebook search}: the items containing every word of the query. */
@Command(name = "search", header = "Find a case's items by the words in them.",
        mixinStandardHelpOptions = true,
        description = "Find the items of a case containing every word of QUERY, in timeline order. Output as for "
                + "timeline (--json: one JSON object per line).")
final class SearchCommand extends VaultCommand {
    @Option(names = "--case", required = true, paramLabel = "ID", description = "The case's id or exact title.")
    String caseKey;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
            description = "Show at most N items (default: ${DEFAULT-VALUE}).")
    int limit;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "Words to find (all must appear).")
    List<String> words;

    @Override
    int run(Vault vault, CliContext ctx) {
        String query = String.join(" ", words);
        if (FtsQuery.of(query, false) == null) {
            throw CliException.badInput("QUERY: there are no words to search for in '" + query + "'.");
        }
        if (limit < 1) {
            throw CliException.badInput("limit: must be at least 1.");
        }
        Case aCase = findCase(vault, caseKey);
        List<TimelineItem> found = new TimelineService(vault).search(aCase.id(), query, false, limit + 1);
        TimelinePrinter printer = new TimelinePrinter(ctx.out(), json);
        if (!json && !found.isEmpty()) {
            printer.header(aCase);
        }
        found.stream().limit(limit).forEach(printer);
        if (found.size() > limit) {
            ctx.err().println("casebook: showing the first " + limit + " matches; use --limit to see more.");
        }
        if (!json) {
            ctx.out().println(found.isEmpty() ? "No items match." : printer.count()
                    + (printer.count() == 1 ? " item matches." : " items match."));
        }
        return ExitCodes.OK;
    }
}
