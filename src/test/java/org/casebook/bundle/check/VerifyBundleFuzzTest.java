package org.casebook.bundle.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.casebook.fuzz.Hostile;

/**
 * {@code casebook verify-bundle}'s reading of a PDF fed hostile bytes: it reports on the file or refuses it with an
 * {@link UnreadablePdfException} naming it (exit 2), and nothing else escapes: no stack overflow from nested
 * objects, no loop that never ends, no running out of memory.
 *
 * <p>Saved inputs: {@code src/test/resources/org/casebook/bundle/check/VerifyBundleFuzzTestInputs/verify/}.
 */
class VerifyBundleFuzzTest {
    private static final Path DIR = Hostile.folder("bundles");

    @FuzzTest(maxDuration = "5m")
    void verify(byte[] input) {
        Path file = Hostile.write(DIR, "bundle.pdf", input);
        try {
            new BundleVerifier().verify(file);
        } catch (UnreadablePdfException e) {
            Hostile.requireClearMessage(e, e.getMessage(), "bundle.pdf");
        }
    }
}
