package org.casebook.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.casebook.evidence.CaseService;
import org.casebook.model.Case;
import org.casebook.vault.Passphrase;
import org.casebook.vault.PendingOutputs;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works on an existing vault: finds the passphrase, opens the vault, runs, and always
 * locks the vault again.
 */
abstract class VaultCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VaultOptions vaultOptions;

    @Override
    public final Integer call() {
        CliContext ctx = context();
        requireVaultFile(vaultOptions.vault);
        Vault.requireOpenable(vaultOptions.vault);
        Vault vault;
        try (Passphrase passphrase = Passphrases.current(ctx, vaultOptions)) {
            vault = Vault.open(vaultOptions.vault, passphrase);
        }
        try (vault) {
            for (PendingOutputs.Leftover leftover : vault.leftoversRemoved()) {
                ctx.err().println("casebook: " + leftover.message());
            }
            return run(vault, ctx);
        }
    }

    /** Does the command's work; returns the exit code. */
    abstract int run(Vault vault, CliContext ctx);

    CliContext context() {
        return CasebookCommand.contextOf(spec);
    }

    /** Says there is no vault before asking for a passphrase it could not use. */
    static void requireVaultFile(Path file) {
        if (!Files.exists(file)) {
            throw CliException.badInput("No vault at " + file.toAbsolutePath()
                    + ". Create one with: casebook init --vault " + file);
        }
    }

    static Case findCase(Vault vault, String idOrTitle) {
        return new CaseService(vault).find(idOrTitle);
    }

    /** Progress on standard error, only when a person is watching a terminal. */
    static Progress progress(CliContext ctx, String verb) {
        return ctx.terminal().interactive() ? new TerminalProgress(ctx.rawErr(), verb) : Progress.NONE;
    }

    static void done(Progress progress) {
        if (progress instanceof TerminalProgress p) {
            p.finish();
        }
    }
}
