package org.casebook.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every vault command shares: which vault, and where its passphrase comes from. */
final class VaultOptions {
    @Option(names = "--vault", required = true, paramLabel = "FILE", description = "The vault file.")
    Path vault;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Read the passphrase from the first line of FILE ('-' reads standard input)."
                    + " Used when CASEBOOK_PASSPHRASE is not set; otherwise you are asked (no echo).")
    String passphraseFile;
}
