package org.casebook.cli;

import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code casebook init --vault FILE}: creates a new, empty, encrypted vault. */
@Command(name = "init", header = "Create a new encrypted vault.",
        mixinStandardHelpOptions = true,
        description = "Create a new encrypted vault. When asked, the passphrase is typed twice.")
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VaultOptions vaultOptions;

    @Override
    public Integer call() {
        CliContext ctx = CasebookCommand.contextOf(spec);
        if (Files.exists(vaultOptions.vault)) {
            throw CliException.badInput(vaultOptions.vault.toAbsolutePath()
                    + " already exists. Choose a new file name for the vault.");
        }
        Vault vault;
        try (Passphrase passphrase = Passphrases.forNewVault(ctx, vaultOptions)) {
            vault = Vault.create(vaultOptions.vault, passphrase);
        }
        vault.close();
        ctx.out().println("Created the vault " + vaultOptions.vault.toAbsolutePath() + ".");
        ctx.out().println("Keep the passphrase safe: without it nothing in the vault can be recovered.");
        return ExitCodes.OK;
    }
}
