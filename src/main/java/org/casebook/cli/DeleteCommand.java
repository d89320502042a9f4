package org.casebook.cli;

import org.casebook.evidence.ItemService;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code casebook delete}: removes an item, with a reason kept in the audit log. */
@Command(name = "delete", header = "Delete an item, giving a reason.",
        mixinStandardHelpOptions = true,
        description = "Delete an item. The audit log keeps the reason and the SHA-256 of what was deleted, not "
                + "its content. A stored original goes when no other item uses it.")
final class DeleteCommand extends VaultCommand {
    @Option(names = "--item", required = true, paramLabel = "ID", description = "The item's id.")
    long item;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is deleted.")
    String reason;

    @Override
    int run(Vault vault, CliContext ctx) {
        new ItemService(vault).delete(item, reason);
        ctx.out().println("Deleted item " + item + ". The audit log keeps the reason and its SHA-256.");
        return ExitCodes.OK;
    }
}
