package org.casebook.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.casebook.evidence.Inputs;
import org.casebook.evidence.Plural;
import org.casebook.imports.DateOrder;
import org.casebook.imports.ImportFormat;
import org.casebook.imports.ImportOptions;
import org.casebook.imports.ImportService;
import org.casebook.imports.ImportSummary;
import org.casebook.imports.Importers;
import org.casebook.model.Case;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code casebook import}: reads chat, text, call, social-media and e-mail exports into a case. */
@Command(name = "import", header = "Import message, call and e-mail exports into a case.",
        mixinStandardHelpOptions = true,
        description = "Reads exports (WhatsApp, SMS Backup & Restore, Messenger, Instagram, Telegram, e-mail, "
                + "Signal, Discord, CSV) and saved web pages (HTML, SingleFile, MHTML, WARC, WACZ; each stored as a "
                + "capture) into the case, keeping each export file and its media as originals. Each "
                + "file imports completely or not at all; messages already in the case are not added again. "
                + "Prints a summary per file (--json: one JSON object per file).")
final class ImportCommand extends VaultCommand {
    @Option(names = "--case", required = true, paramLabel = "ID", description = "The case's id or exact title.")
    String caseKey;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto (default), whatsapp, sms, calls, facebook, instagram, telegram, email, signal, discord, csv "
                    + "or web (a saved web page: .html, SingleFile, .mhtml, .warc, .warc.gz, .wacz).")
    String format;

    @Option(names = "--timezone", paramLabel = "ZONE",
            description = "The time zone of times written without one (default: the case's).")
    String timezone;

    @Option(names = "--date-order", paramLabel = "ORDER",
            description = "dmy, mdy or ymd: how numeric dates are written, when the export does not make it clear.")
    String dateOrder;

    @Option(names = "--perpetrator", paramLabel = "NAME_OR_NUMBER",
            description = "A sender name, number or address that belongs to the person doing this (repeatable). "
                    + "Numbers match in any form (07700 900123 is +44 7700 900123 in a UK case), names whatever "
                    + "their case, spaces and accents; a value that names no sender in the file is refused.")
    List<String> perpetrators = new ArrayList<>();

    @Option(names = "--me", paramLabel = "NAME_OR_NUMBER",
            description = "A sender name, number or address that is you (repeatable): what you sent is shown as sent "
                    + "and never counted as contact. The case remembers it for your later exports.")
    List<String> me = new ArrayList<>();

    @Option(names = "--columns", paramLabel = "ROLE=HEADER", split = ",",
            description = "For a CSV file: which column holds what, e.g. time=Sent,sender=From,text=Message "
                    + "(roles: time, date, clock, text, sender, address, direction, conversation, channel).")
    java.util.Map<String, String> columns = new java.util.LinkedHashMap<>();

    @Option(names = "--dry-run", description = "Read and summarise, but write nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print each summary as one JSON object.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Export files (or zips).")
    List<Path> files;

    @Override
    int run(Vault vault, CliContext ctx) {
        ImportOptions options = new ImportOptions(
                "auto".equalsIgnoreCase(format) ? null : ImportFormat.fromCode(format),
                timezone == null ? null : Inputs.zone("--timezone", timezone),
                dateOrder == null ? null : parseDateOrder(dateOrder), perpetrators, dryRun, columns).withMe(me);
        Case aCase = findCase(vault, caseKey);
        ImportService service = new ImportService(vault, Importers.standard());
        if (files.size() > 1 && !dryRun && !(me.isEmpty() && perpetrators.isEmpty())) {
            // who is who must hold for every file before any is written: a value naming no sender in the third
            // file would otherwise leave the first two imported
            for (Path file : files) {
                Progress progress = progress(ctx, "Checking " + file.getFileName());
                try {
                    service.importFile(aCase.id(), file, options.asDryRun(), progress);
                } finally {
                    done(progress);
                }
            }
        }
        for (Path file : files) {
            Progress progress = progress(ctx, "Importing");
            ImportSummary summary;
            try {
                summary = service.importFile(aCase.id(), file, options, progress);
            } finally {
                done(progress);
            }
            if (json) {
                JsonLines.write(ctx.out(), summary.toJson());
            } else {
                printSummary(ctx, summary);
            }
        }
        return ExitCodes.OK;
    }

    private static void printSavedPage(CliContext ctx, ImportSummary s) {
        var out = ctx.out();
        out.println(s.file() + " (web page" + (s.dryRun() ? ") — dry run, nothing written" : ")"));
        out.println("  title: " + (s.pageTitle() == null ? "(none)" : s.pageTitle()));
        out.println("  address: " + (s.pageUrl() == null ? "(the file does not say)" : s.pageUrl()));
        out.println("  saved: " + (s.first() == null ? "(the file does not say)" : s.first() + " (" + s.timezone() + ")")
                + ", " + Plural.of(s.attachments(), "resource"));
        if (!s.dryRun()) {
            out.println(s.added() > 0 ? "  added as a capture" : "  already in the case: nothing added");
        }
        for (String w : s.warnings()) {
            out.println("  note: " + w);
        }
    }

    private static DateOrder parseDateOrder(String value) {
        try {
            return DateOrder.fromCode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--date-order: '" + value + "' should be dmy, mdy or ymd.");
        }
    }

    private static void printSummary(CliContext ctx, ImportSummary s) {
        var out = ctx.out();
        if (s.captures() > 0) {
            printSavedPage(ctx, s);
            return;
        }
        out.println(s.file() + " (" + s.format().label() + ")" + (s.dryRun() ? " — dry run, nothing written" : ""));
        out.println("  " + Plural.of(s.messages(), "message") + ", " + Plural.of(s.calls(), "call") + ", "
                + Plural.of(s.system(), "system line") + ", " + Plural.of(s.senders(), "sender"));
        out.printf("  %s (%,d not in the export), %,d omitted, %,d deleted%n", Plural.of(s.attachments(), "attachment"),
                s.missingAttachments(), s.omitted(), s.deleted());
        out.println("  from " + s.first() + " to " + s.last() + " (" + s.timezone() + ")");
        if (s.duplicatesInFile() > 0) {
            out.printf("  %,d record%s twice in the file and count%s once%n", s.duplicatesInFile(),
                    s.duplicatesInFile() == 1 ? " appears" : "s appear", s.duplicatesInFile() == 1 ? "s" : "");
        }
        if (!s.dryRun()) {
            out.printf("  %,d added, %,d already in the case%n", s.added(), s.duplicates());
        }
        for (String w : s.warnings()) {
            out.println("  note: " + w);
        }
    }
}
