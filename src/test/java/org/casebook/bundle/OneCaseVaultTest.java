package org.casebook.bundle;

import java.nio.file.Path;
import org.casebook.evidence.CaseService;
import org.casebook.model.Case;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Bundle tests on a real encrypted vault holding one case, "Jane Smith harassment" (JS), in London time. */
abstract class OneCaseVaultTest {
    @TempDir
    Path dir;
    Vault vault;
    Case aCase;

    @BeforeEach
    void createVault() {
        vault = TestVaults.create(dir, getClass().getSimpleName() + ".casebook");
        aCase = new CaseService(vault).add("Jane Smith harassment", "JS", TestVaults.LONDON);
    }

    @AfterEach
    void closeVault() {
        vault.close();
    }

    /** Builds the case's bundle into {@code name} in the test's folder. */
    BundleResult build(BundleOptions options, String name) {
        return new BundleService(vault).build(aCase.id(), options, dir.resolve(name), Progress.NONE, () -> false);
    }
}
