package org.casebook.vault;

import java.nio.file.Path;
import java.time.Clock;
import org.casebook.testsupport.TestVaults;

/** For tests outside this package: a vault as an older Casebook made it (at an earlier schema version). */
public final class VaultTestAccess {
    private VaultTestAccess() {
    }

    public static Vault createAtVersion(Path file, int schemaVersion) {
        return Vault.create(file, TestVaults.pass(), schemaVersion, Clock.systemUTC());
    }
}
