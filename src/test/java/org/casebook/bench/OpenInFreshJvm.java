package org.casebook.bench;

import java.nio.file.Path;
import org.casebook.evidence.CaseService;
import org.casebook.vault.Vault;
import org.slf4j.LoggerFactory;

/**
 * Run by {@link Benchmarks} in a new JVM: opens the vault at {@code args[0]} and runs the first query, and
 * prints how long that took ({@code open_ms=}), including what the first open pays once per JVM: starting
 * the logging (the vault's classes log) and loading the driver's native library. Those two are done first,
 * separately, so their share is printed too ({@code logging_ms=}, {@code native_ms=}).
 */
public final class OpenInFreshJvm {
    private OpenInFreshJvm() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        LoggerFactory.getLogger(Vault.class).debug("starting");
        long logging = System.nanoTime();
        org.sqlite.SQLiteJDBCLoader.initialize();
        long nativeLib = System.nanoTime();
        int cases;
        try (Vault vault = Vault.open(Path.of(args[0]), Benchmarks.pass())) {
            cases = new CaseService(vault).list().size();
            long end = System.nanoTime();
            System.out.println("open_ms=" + ms(end - start));
            System.out.println("logging_ms=" + ms(logging - start));
            System.out.println("native_ms=" + ms(nativeLib - logging));
            System.out.println("vault_ms=" + ms(end - nativeLib));
        }
        System.out.println("cases=" + cases);
        System.out.flush();
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e5) / 10.0;
    }
}
