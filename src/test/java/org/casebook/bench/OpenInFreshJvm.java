package org.casebook.bench;

import java.nio.file.Path;
import org.casebook.cli.CasebookCommand;
import org.casebook.evidence.CaseService;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Vault;

/**
 * Run by {@link Benchmarks} in a new JVM, timed from the start of {@code main}:
 * <ul>
 * <li>{@code vault FILE}: opens the vault and runs the first query as the command line does, printing how
 * long that took ({@code open_ms=}), of which loading the driver's native library, done first so its share
 * shows ({@code native_ms=}), and the rest ({@code vault_ms=}, mostly the key derivation);</li>
 * <li>{@code cli FILE}: runs the real command {@code casebook case list --vault FILE} (passphrase from
 * CASEBOOK_PASSPHRASE), command-line parsing and output included ({@code cli_ms=}).</li>
 * </ul>
 * Nothing here starts the logging: the open path does not need it, so a command that logs nothing never pays
 * for it.
 */
public final class OpenInFreshJvm {
    private OpenInFreshJvm() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        if (args[0].equals("cli")) {
            int code = CasebookCommand.run(new String[] {"case", "list", "--vault", args[1]});
            System.out.println("cli_ms=" + ms(System.nanoTime() - start));
            System.out.println("exit=" + code);
            System.out.flush();
            return;
        }
        Vault.warmUp();
        long nativeLib = System.nanoTime();
        int cases;
        // The passphrase comes from the environment, as the command line takes it: reading it from the Benchmarks
        // class would time that class's start-up (its generators and tables, ~35 ms) as part of the open.
        try (Vault vault = Vault.open(Path.of(args[1]), Passphrase.of(System.getenv("CASEBOOK_PASSPHRASE")))) {
            cases = new CaseService(vault).list().size();
            long end = System.nanoTime();
            System.out.println("open_ms=" + ms(end - start));
            System.out.println("native_ms=" + ms(nativeLib - start));
            System.out.println("vault_ms=" + ms(end - nativeLib));
        }
        System.out.println("cases=" + cases);
        System.out.flush();
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e5) / 10.0;
    }
}
