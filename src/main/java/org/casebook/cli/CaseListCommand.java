package org.casebook.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.casebook.model.Case;
import org.casebook.vault.Vault;
import picocli.CommandLine.Option;

/**
 * A {@code list} command over one kind of a case's records: a line each, or with {@code --json} one JSON object
 * per line; when there are none, a line saying so (never in JSON, which stays empty).
 */
abstract class CaseListCommand<T> extends VaultCommand {
    @Option(names = "--case", required = true, paramLabel = "ID", description = "The case's id or exact title.")
    String caseKey;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    /** What the records are called in "No ... in case N yet.", e.g. {@code impact entries}. */
    private final String plural;

    CaseListCommand(String plural) {
        this.plural = plural;
    }

    abstract List<T> list(Vault vault, long caseId);

    /** The record as a JSON object, keys in the order they are written. */
    abstract Map<String, Object> json(T record);

    abstract void print(PrintStream out, T record);

    @Override
    final int run(Vault vault, CliContext ctx) {
        Case aCase = findCase(vault, caseKey);
        List<T> records = list(vault, aCase.id());
        for (T record : records) {
            if (json) {
                JsonLines.write(ctx.out(), json(record));
            } else {
                print(ctx.out(), record);
            }
        }
        if (records.isEmpty() && !json) {
            ctx.out().println("No " + plural + " in case " + aCase.id() + " yet.");
        }
        return ExitCodes.OK;
    }
}
