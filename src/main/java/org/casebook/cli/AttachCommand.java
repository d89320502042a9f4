package org.casebook.cli;

import java.nio.file.Path;
import java.util.List;
import org.casebook.evidence.AttachmentService;
import org.casebook.model.Attachment;
import org.casebook.model.Case;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code casebook attach}: stores original files byte for byte. */
@Command(name = "attach", header = "Store original files in a case.",
        mixinStandardHelpOptions = true,
        description = "Store original files (photos, documents, recordings, videos of any size) in the case. "
                + "Folders are added with everything in them. All the files are stored, or none. Prints one "
                + "line per file: item id, SHA-256, file name.")
final class AttachCommand extends VaultCommand {
    @Option(names = "--case", required = true, paramLabel = "ID", description = "The case's id or exact title.")
    String caseKey;

    @Option(names = "--incident", paramLabel = "ID", description = "Link the files to this incident.")
    Long incident;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files or folders to attach.")
    List<Path> files;

    @Override
    int run(Vault vault, CliContext ctx) {
        AttachmentService service = new AttachmentService(vault);
        Case aCase = findCase(vault, caseKey);
        Progress progress = progress(ctx, "Attaching");
        List<Attachment> attached;
        try {
            attached = service.attach(aCase.id(), files, incident, progress);
        } finally {
            done(progress);
        }
        for (Attachment a : attached) {
            ctx.out().println(a.id() + "  " + a.sha256() + "  " + a.fileName());
        }
        return ExitCodes.OK;
    }
}
