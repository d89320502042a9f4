package org.casebook.cli;

import org.casebook.vault.Passphrase;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code casebook passwd}: changes the vault's passphrase. */
@Command(name = "passwd", header = "Change the vault's passphrase.",
        mixinStandardHelpOptions = true,
        description = "Change the vault's passphrase. The new one comes from CASEBOOK_NEW_PASSPHRASE, else "
                + "--new-passphrase-file, else you are asked twice.")
final class PasswdCommand extends VaultCommand {
    @Option(names = "--new-passphrase-file", paramLabel = "FILE",
            description = "Read the new passphrase from the first line of FILE ('-' reads standard input).")
    String newPassphraseFile;

    @Override
    int run(Vault vault, CliContext ctx) {
        try (Passphrase replacement = Passphrases.replacement(ctx, newPassphraseFile)) {
            vault.changePassphrase(replacement);
        }
        ctx.out().println("Passphrase changed for " + vault.file() + ". The old passphrase no longer opens it.");
        ctx.out().println("Backups made before now still open with the old passphrase.");
        return ExitCodes.OK;
    }
}
