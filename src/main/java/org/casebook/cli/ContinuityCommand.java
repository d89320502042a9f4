package org.casebook.cli;

import org.casebook.evidence.Continuity;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code casebook continuity}: who exported an original, from which device and app, when, and how. */
@Command(name = "continuity", mixinStandardHelpOptions = true,
        description = "Record the continuity of an original file: who exported or copied it, from which device and"
                + " app, on what day, and how. Give any item that came from it (the attached file, or a message"
                + " imported from the export). Options left out keep what was recorded; the bundle prints it.")
final class ContinuityCommand extends VaultCommand {
    @Option(names = "--item", required = true, paramLabel = "ID", description = "An item from the original.")
    long item;

    @Option(names = "--exported-by", paramLabel = "NAME", description = "Who exported or copied it.")
    String exportedBy;

    @Option(names = "--device", paramLabel = "TEXT", description = "The device, e.g. \"my iPhone 12\".")
    String device;

    @Option(names = "--app", paramLabel = "TEXT", description = "The app, e.g. \"WhatsApp 2.24\" or \"SMS Backup & Restore\".")
    String app;

    @Option(names = "--exported-on", paramLabel = "DATE", description = "The day it was exported.")
    String exportedOn;

    @Option(names = "--method", paramLabel = "TEXT",
            description = "How, e.g. \"Export chat, without media, e-mailed to myself\".")
    String method;

    @Override
    int run(Vault vault, CliContext ctx) {
        Continuity.Record saved = new Continuity(vault).record(item, new Continuity.Record(exportedBy, device, app,
                ConductOptions.date("--exported-on", exportedOn), method));
        ctx.out().println("Continuity recorded for item " + item + ": " + words(saved) + ".");
        return ExitCodes.OK;
    }

    /** The record in one line for the terminal. */
    private static String words(Continuity.Record r) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (r.exportedBy() != null) {
            parts.add("exported by " + r.exportedBy());
        }
        if (r.device() != null) {
            parts.add("device " + r.device());
        }
        if (r.app() != null) {
            parts.add("app " + r.app());
        }
        if (r.exportedOn() != null) {
            parts.add("on " + r.exportedOn());
        }
        if (r.method() != null) {
            parts.add("method " + r.method());
        }
        return parts.isEmpty() ? "nothing recorded" : String.join("; ", parts);
    }
}
