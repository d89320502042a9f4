package org.casebook.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.casebook.evidence.ExportResult;
import org.casebook.evidence.ExportService;
import org.casebook.model.Case;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code casebook export}: originals out of the vault, byte for byte, with SHA256SUMS and manifest.json. */
@Command(name = "export", header = "Export originals with SHA256SUMS and manifest.json.",
        mixinStandardHelpOptions = true,
        description = "Write a case's original files, byte for byte, to a new or empty folder, with a SHA256SUMS "
                + "file (check it with: sha256sum -c SHA256SUMS) and a manifest.json. The files are written "
                + "decrypted: keep the folder somewhere safe.")
final class ExportCommand extends VaultCommand {
    @Option(names = "--case", required = true, paramLabel = "ID", description = "The case's id or exact title.")
    String caseKey;

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "A new or empty folder.")
    Path to;

    @Option(names = "--item", paramLabel = "ID",
            description = "Export only this item (an incident brings its attached files; repeatable).")
    List<Long> items = new ArrayList<>();

    @Override
    int run(Vault vault, CliContext ctx) {
        Case aCase = findCase(vault, caseKey);
        Progress progress = progress(ctx, "Exporting");
        ExportResult result;
        try {
            result = new ExportService(vault).export(aCase.id(), to, items, progress);
        } finally {
            done(progress);
        }
        ctx.out().println("Exported " + result.files() + (result.files() == 1 ? " file (" : " files (")
                + TerminalProgress.size(result.bytes()) + ") to " + result.directory());
        ctx.out().println("Check them with: cd " + result.directory() + " && sha256sum -c SHA256SUMS");
        return ExitCodes.OK;
    }
}
