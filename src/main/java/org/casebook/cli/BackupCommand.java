package org.casebook.cli;

import java.nio.file.Path;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code casebook backup}: a consistent, encrypted, checked copy of the vault. */
@Command(name = "backup", header = "Write a checked, encrypted copy of the vault.",
        mixinStandardHelpOptions = true,
        description = "Write a consistent encrypted copy of the vault (same passphrase) to a new file, and check "
                + "the copy opens and is intact before keeping it.")
final class BackupCommand extends VaultCommand {
    @Option(names = "--to", required = true, paramLabel = "FILE", description = "The new backup file.")
    Path to;

    @Override
    int run(Vault vault, CliContext ctx) {
        vault.backupTo(to);
        ctx.out().println("Backup written to " + to.toAbsolutePath() + " and checked.");
        return ExitCodes.OK;
    }
}
