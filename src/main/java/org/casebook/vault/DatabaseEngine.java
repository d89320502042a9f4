package org.casebook.vault;

/**
 * SQLite's native library, which the driver unpacks from its jar into the temporary folder before the first
 * vault is opened (the installed app on Linux loads it from its own folder instead). A temporary folder that is
 * missing, full or read-only would otherwise surface as "Error opening connection", an unexpected error.
 */
final class DatabaseEngine {
    private DatabaseEngine() {
    }

    /** Loads the library once; when it cannot be loaded, says where it is unpacked and what to check. */
    static void require() {
        boolean loaded;
        try {
            loaded = org.sqlite.SQLiteJDBCLoader.initialize();
        } catch (Exception e) {
            loaded = false;
        }
        if (!loaded) {
            throw VaultException.badInput("Casebook could not start its database engine. It unpacks it into the"
                    + " temporary folder " + System.getProperty("java.io.tmpdir") + " first: check that this folder"
                    + " exists, can be written to and has a few megabytes free, then try again. Nothing was changed.");
        }
    }
}
