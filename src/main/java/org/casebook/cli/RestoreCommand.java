package org.casebook.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.casebook.evidence.RestoreService;
import org.casebook.vault.Passphrase;
import org.casebook.vault.PendingOutputs;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code casebook restore --from BACKUP --vault FILE [--replace]}: a vault back from a checked backup. */
@Command(name = "restore", header = "Restore a vault from a backup, checking the backup first.",
        mixinStandardHelpOptions = true,
        description = "Copy a backup (made by casebook backup or the app's Back up…) to --vault, after opening it with"
                + " its passphrase and verifying it; a backup that fails leaves --vault as it was. An existing vault"
                + " is replaced only with --replace: whatever was added to it since the backup is lost.")
final class RestoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VaultOptions vaultOptions;

    @Option(names = "--from", required = true, paramLabel = "BACKUP", description = "The backup file.")
    Path from;

    @Option(names = "--replace", description = "Replace the vault at --vault with the backup.")
    boolean replace;

    @Override
    public Integer call() {
        CliContext ctx = CasebookCommand.contextOf(spec);
        Path to = vaultOptions.vault.toAbsolutePath();
        if (!Files.exists(from)) {
            throw CliException.badInput("No backup at " + from.toAbsolutePath() + ".");
        }
        if (Files.exists(to) && !replace) {
            throw CliException.badInput(to + " already exists. Add --replace to replace it with the backup (whatever"
                    + " was added to it since the backup is lost), or choose a new file name.");
        }
        Vault.requireOpenable(from);
        try (Passphrase passphrase = Passphrases.current(ctx, vaultOptions);
             Vault restored = RestoreService.restore(from, to, passphrase, Progress.NONE)) {
            for (PendingOutputs.Leftover leftover : restored.leftoversRemoved()) {
                ctx.err().println("casebook: " + leftover.message());
            }
            ctx.out().println("Restored " + restored.file() + " from " + from.toAbsolutePath()
                    + ", after checking the backup opens and verifies.");
        }
        return ExitCodes.OK;
    }
}
