package org.casebook.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/**
 * The titles attached files go by in a bundle's index, bookmarks and front sheets. A file has one until its owner
 * gives another: its name without the extension and the date ({@link FileNameDates#title}). Edits are audited.
 */
public final class ExhibitTitles {
    private final Vault vault;

    public ExhibitTitles(Vault vault) {
        this.vault = vault;
    }

    /** The titles given in a case, by item id (files without one go by their default title). */
    public Map<Long, String> given(long caseId) {
        return vault.read(c -> {
            Map<Long, String> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT t.item_id, t.title FROM exhibit_title t"
                    + " JOIN item i ON i.id = t.item_id WHERE i.case_id = ?")) {
                ps.setLong(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            return out;
        });
    }

    /** The title a file goes by: the one given, else its default. */
    public String of(long itemId) {
        return vault.read(c -> {
            String name = fileName(c, itemId);
            String given = given(c, itemId);
            return given != null ? given : FileNameDates.title(name);
        });
    }

    /** Gives an attached file a title; a blank one returns it to its default. The audit log keeps the old title. */
    public String set(long itemId, String title) {
        String clean = title == null || title.isBlank() ? null : title.strip().replaceAll("\\s+", " ");
        return vault.write(c -> {
            String name = fileName(c, itemId);
            String before = given(c, itemId);
            if (clean == null) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM exhibit_title WHERE item_id = ?")) {
                    ps.setLong(1, itemId);
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT OR REPLACE INTO exhibit_title(item_id, title) VALUES (?, ?)")) {
                    ps.setLong(1, itemId);
                    ps.setString(2, clean);
                    ps.executeUpdate();
                }
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            Changes.note(changes, "exhibit_title", before, clean);
            if (!changes.isEmpty()) {
                vault.audit().append(c, "exhibit-title-edited", "item:" + itemId, Map.of("changes", changes,
                        "record_states", Map.of(SideRecords.titleKey(itemId), SideRecords.titleState(c, itemId))));
            }
            return clean != null ? clean : FileNameDates.title(name);
        });
    }

    private static String given(Connection c, long itemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT title FROM exhibit_title WHERE item_id = ?")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The attached file's name; bad input when the item is not an attached file. */
    private static String fileName(Connection c, long itemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT file_name FROM item WHERE id = ? AND kind = 'attachment' AND blob_id IS NOT NULL")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getString(1) != null) {
                    return rs.getString(1);
                }
            }
        }
        throw VaultException.badInput("Item " + itemId + " is not an attached file: only files have exhibit titles.");
    }
}
