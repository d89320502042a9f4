package org.casebook.cli;

import java.util.Locale;
import org.casebook.vault.KeyDerivation;
import org.casebook.vault.Passphrase;
import org.casebook.vault.PassphraseStrength;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code casebook passwd}: changes the vault's passphrase. */
@Command(name = "passwd", header = "Change the vault's passphrase.",
        mixinStandardHelpOptions = true,
        description = "Change the vault's passphrase. The new one comes from CASEBOOK_NEW_PASSPHRASE, else "
                + "--new-passphrase-file, else you are asked twice. A new passphrase that would be easy to guess is "
                + "refused with exit 2.")
final class PasswdCommand extends VaultCommand {
    @Option(names = "--new-passphrase-file", paramLabel = "FILE",
            description = "Read the new passphrase from the first line of FILE ('-' reads standard input).")
    String newPassphraseFile;

    @Option(names = "--key-derivation", paramLabel = "standard|stronger",
            description = "Derive the new key with this setting (see init); by default the vault keeps its own.")
    String keyDerivation;

    @Override
    int run(Vault vault, CliContext ctx) {
        KeyDerivation setting = keyDerivation == null ? vault.keyDerivation() : KeyDerivation.of(keyDerivation);
        try (Passphrase replacement = Passphrases.replacement(ctx, newPassphraseFile)) {
            PassphraseStrength.requireAcceptable(replacement);
            vault.changePassphrase(replacement, setting);
        }
        ctx.out().println("Passphrase changed for " + vault.file() + ". The old passphrase no longer opens it.");
        ctx.out().println("Its key is derived with the " + setting.label() + " setting ("
                + String.format(Locale.ROOT, "%,d", setting.iterations()) + " iterations).");
        ctx.out().println("Backups made before now still open with the old passphrase.");
        return ExitCodes.OK;
    }
}
