package org.casebook.testsupport;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.casebook.vault.Vault;

/** Row counts of the tables that hold evidence, to prove that a failed operation wrote nothing. */
public final class Counts {
    private static final String[] TABLES = {"case_file", "person", "identifier", "item", "item_link", "blob",
        "blob_chunk", "audit"};

    private Counts() {
    }

    public static Map<String, Long> of(Vault vault) {
        return vault.read(c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            try (Statement s = c.createStatement()) {
                for (String t : TABLES) {
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t)) {
                        out.put(t, rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }

    public static long rows(Vault vault, String table) {
        return of(vault).get(table);
    }
}
