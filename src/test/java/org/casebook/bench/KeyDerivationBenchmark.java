package org.casebook.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.casebook.vault.KeyDerivation;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/**
 * What each key-derivation setting costs: the wall-clock and CPU time of unlocking a real vault (the unlock is one
 * key derivation, two for a stronger vault, which opens after the standard setting fails), and of a wrong
 * passphrase (always both settings). Not a test; run it with
 *
 * <pre>./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *        -Dexec.args="-Xmx256m -cp %classpath org.casebook.bench.KeyDerivationBenchmark runs=5"</pre>
 *
 * CPU time is the figure to compare on a busy machine: the derivation runs on the unlocking thread.
 */
public final class KeyDerivationBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private KeyDerivationBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int runs = 5;
        for (String a : args) {
            if (a.startsWith("runs=")) {
                runs = Integer.parseInt(a.substring(5));
            }
        }
        Path dir = Files.createTempDirectory("casebook-kdf-bench");
        try {
            System.out.printf(Locale.ROOT, "load average %.2f, %d cores%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            Vault.warmUp();
            for (KeyDerivation setting : KeyDerivation.values()) {
                Path file = dir.resolve(setting.label() + ".casebook");
                Vault.create(file, Passphrase.of(Benchmarks.PASSPHRASE), setting).close();
                report(setting.label() + " (" + setting.iterations() + "), unlock", runs, () -> {
                    Vault.open(file, Passphrase.of(Benchmarks.PASSPHRASE)).close();
                });
                report(setting.label() + ", wrong passphrase", runs, () -> {
                    try {
                        Vault.open(file, Passphrase.of("not the passphrase")).close();
                        throw new IllegalStateException("a wrong passphrase opened the vault");
                    } catch (VaultException expected) {
                        // both settings were tried
                    }
                });
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static void report(String what, int runs, Runnable unlock) {
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            unlock.run();
            wall[i] = System.nanoTime() - t0;
            cpu[i] = THREADS.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%-34s median %6.0f ms wall, %6.0f ms CPU (best %4.0f ms CPU, %d runs)%n",
                what, wall[runs / 2] / 1e6, cpu[runs / 2] / 1e6, cpu[0] / 1e6, runs);
    }
}
