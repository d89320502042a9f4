package org.casebook.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.casebook.vault.Sha256;

/** Lets tests in other packages reach package-private evidence helpers (for setting up old vaults). */
public final class EvidenceTestAccess {
    private EvidenceTestAccess() {
    }

    /**
     * An item's state hash as an older Casebook recorded it: the canonical {@code name=value} form over the
     * item columns that exist in this vault's schema. Once the vault is migrated (new columns are null for
     * old rows), {@code verify} must compute the same hash.
     */
    public static String itemStateAtThisSchema(Connection c, long itemId) throws SQLException {
        Set<String> present = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM pragma_table_info('item')");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                present.add(rs.getString(1));
            }
        }
        List<String> columns = new ArrayList<>();
        List<String> selects = new ArrayList<>();
        for (String col : ItemState.ITEM_COLUMNS) {
            if (col.equals("blob_sha256")) {
                columns.add(col);
                selects.add("b.sha256");
            } else if (present.contains(col)) {
                columns.add(col);
                selects.add("i." + col);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + String.join(", ", selects)
                + " FROM item i LEFT JOIN blob b ON b.id = i.blob_id WHERE i.id = ?")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no item " + itemId);
                }
                StringBuilder canonical = new StringBuilder();
                for (int i = 0; i < columns.size(); i++) {
                    String value = rs.getString(i + 1);
                    if (value != null) {
                        canonical.append(columns.get(i)).append('=')
                                .append(value.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
                    }
                }
                return Sha256.of(canonical.toString());
            }
        }
    }

    /** The state hash the current code computes, to check the helper above against it. */
    public static String itemState(Connection c, long itemId) throws SQLException {
        return ItemState.ofItem(c, itemId).orElseThrow();
    }

    /**
     * Makes a print rendition of a file without storing it (for benchmarks that separate the rendering cost
     * from attaching); returns {width, height}, or null when the picture could not be decoded.
     */
    public static int[] renderPrintImage(java.nio.file.Path file, String mediaType) {
        PrintImageEncoder.Result r = PrintImageEncoder.render(() -> java.nio.file.Files.newInputStream(file), mediaType);
        return r instanceof PrintImageEncoder.Rendered done ? new int[] {done.width(), done.height()} : null;
    }
}
