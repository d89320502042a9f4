package org.casebook.cli;

import picocli.CommandLine.Option;

/** {@code --from} and {@code --to} of the commands whose period is, by default, that of the contacts recorded. */
final class ContactPeriodOptions {
    // Read as text so a malformed date is bad input (exit 2) naming the option, not a usage error.
    @Option(names = "--from", paramLabel = "DATE", description = "First day (default: the first contact's day).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day, inclusive (default: the last contact's day).")
    String to;

    ConductOptions.Period period() {
        return ConductOptions.period(from, to);
    }
}
