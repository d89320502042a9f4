package org.casebook.cli;

import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.casebook.vault.KeyDerivation;
import org.casebook.vault.Passphrase;
import org.casebook.vault.PassphraseStrength;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code casebook init --vault FILE}: creates a new, empty, encrypted vault. */
@Command(name = "init", header = "Create a new encrypted vault.",
        mixinStandardHelpOptions = true,
        description = "Create a new encrypted vault. When asked, the passphrase is typed twice. A passphrase that "
                + "would be easy to guess (the same estimate the app shows) is refused with exit 2.")
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VaultOptions vaultOptions;

    @Option(names = "--key-derivation", paramLabel = "standard|stronger", defaultValue = "standard",
            description = "How hard each passphrase guess is made: standard (PBKDF2-HMAC-SHA512, 256,000 "
                    + "iterations) or stronger (1,000,000: about four times slower to unlock, and to guess). "
                    + "The vault opens without being told which.")
    String keyDerivation;

    @Override
    public Integer call() {
        CliContext ctx = CasebookCommand.contextOf(spec);
        if (Files.exists(vaultOptions.vault)) {
            throw CliException.badInput(vaultOptions.vault.toAbsolutePath()
                    + " already exists. Choose a new file name for the vault.");
        }
        KeyDerivation setting = KeyDerivation.of(keyDerivation);
        Vault vault;
        try (Passphrase passphrase = Passphrases.forNewVault(ctx, vaultOptions)) {
            PassphraseStrength.requireAcceptable(passphrase);
            vault = Vault.create(vaultOptions.vault, passphrase, setting);
        }
        vault.close();
        ctx.out().println("Created the vault " + vaultOptions.vault.toAbsolutePath() + ".");
        ctx.out().println("Keep the passphrase safe: without it nothing in the vault can be recovered.");
        return ExitCodes.OK;
    }
}
