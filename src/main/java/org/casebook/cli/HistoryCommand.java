package org.casebook.cli;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casebook.evidence.ItemService;
import org.casebook.model.AuditEntry;
import org.casebook.vault.Json;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code casebook history}: an item's audit entries, with each edit's old and new values. */
@Command(name = "history", header = "Show an item's audit history.",
        mixinStandardHelpOptions = true,
        description = "Show an item's audit entries, oldest first: when it was added, each edit with the old and "
                + "new values, and a deletion with its reason. Times are UTC.")
final class HistoryCommand extends VaultCommand {
    /** Audit detail holding state hashes for {@code verify}: noise to a reader of the history. */
    private static final Set<String> STATE_KEYS = Set.of("state", "conduct_state", "conduct_states");

    @Option(names = "--item", required = true, paramLabel = "ID", description = "The item's id.")
    long item;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Override
    int run(Vault vault, CliContext ctx) {
        List<AuditEntry> entries = new ItemService(vault).history(item);
        if (entries.isEmpty()) {
            throw CliException.badInput("item: there is no item " + item + " and no record of one.");
        }
        for (AuditEntry e : entries) {
            Map<String, Object> detail = Json.readObject(e.detail());
            if (json) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("seq", e.seq());
                row.put("at", Formats.iso(e.at(), ZoneOffset.UTC));
                row.put("action", e.action());
                row.put("subject", e.subject());
                row.put("detail", detail);
                row.put("prev_hash", e.prevHash());
                row.put("hash", e.hash());
                JsonLines.write(ctx.out(), row);
                continue;
            }
            ctx.out().printf("#%-6d %s  %s%n", e.seq(), Formats.iso(e.at(), ZoneOffset.UTC), e.action());
            for (Map.Entry<String, Object> d : detail.entrySet()) {
                if ("changes".equals(d.getKey()) && d.getValue() instanceof Map<?, ?> changes) {
                    for (Map.Entry<?, ?> change : changes.entrySet()) {
                        Map<?, ?> values = change.getValue() instanceof Map<?, ?> m ? m : Map.of();
                        ctx.out().println("        " + change.getKey() + ": " + Json.write(values.get("old"))
                                + " -> " + Json.write(values.get("new")));
                    }
                } else if (!STATE_KEYS.contains(d.getKey())) {
                    ctx.out().println("        " + d.getKey() + ": " + Json.write(d.getValue()));
                }
            }
        }
        return ExitCodes.OK;
    }
}
