package org.casebook.vault;

import java.nio.file.Path;

/**
 * Test-only door to {@link Vault#createUnencryptedForBenchmark}, for the benchmarks in
 * {@code org.casebook.bench} that measure what the cipher costs. Not a test; never used by the app.
 */
public final class BenchmarkVaults {
    private BenchmarkVaults() {
    }

    /** An <em>unencrypted</em> vault file with the same schema and code paths as a real one. */
    public static Vault createUnencrypted(Path file) {
        return Vault.createUnencryptedForBenchmark(file);
    }
}
