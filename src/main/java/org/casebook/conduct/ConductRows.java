package org.casebook.conduct;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casebook.model.ItemKind;
import org.casebook.vault.VaultException;

/** JDBC helpers the conduct services share: finding the item a record links to, dates and id lists. */
final class ConductRows {
    private ConductRows() {
    }

    /** The case and kind of a timeline item. */
    record ItemRef(long id, long caseId, ItemKind kind) {
    }

    static ItemRef item(Connection c, long itemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT case_id, kind FROM item WHERE id = ?")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw VaultException.badInput("item: no item with id " + itemId + ".");
                }
                return new ItemRef(itemId, rs.getLong(1), ItemKind.fromCode(rs.getString(2)));
            }
        }
    }

    /** An item of the given case; one from another case is bad input naming both. */
    static ItemRef itemOfCase(Connection c, long itemId, long caseId) throws SQLException {
        ItemRef ref = item(c, itemId);
        if (ref.caseId() != caseId) {
            throw VaultException.badInput("item: item " + itemId + " belongs to case " + ref.caseId()
                    + ", not case " + caseId + ".");
        }
        return ref;
    }

    static void requirePersonOfCase(Connection c, Long personId, long caseId, String field) throws SQLException {
        if (personId == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT case_id FROM person WHERE id = ?")) {
            ps.setLong(1, personId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getLong(1) != caseId) {
                    throw VaultException.badInput(field + ": no person " + personId + " in case " + caseId + ".");
                }
            }
        }
    }

    static void setDate(PreparedStatement ps, int index, LocalDate date) throws SQLException {
        if (date == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, date.toString());
        }
    }

    static LocalDate date(ResultSet rs, int index) throws SQLException {
        String text = rs.getString(index);
        return text == null ? null : LocalDate.parse(text);
    }

    /** The ids one query returns, in its order; {@code id} is bound to the query's only placeholder. */
    static List<Long> ids(Connection c, String sql, long id) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /** Reads one record by id; an unknown id is bad input naming the record. */
    interface Reader<R> {
        R get(Connection c, long id) throws SQLException;
    }

    /** The records whose ids one query returns, in its order; {@code id} is bound to its only placeholder. */
    static <R> List<R> each(Connection c, String idsSql, long id, Reader<R> reader) throws SQLException {
        List<R> out = new ArrayList<>();
        for (long recordId : ids(c, idsSql, id)) {
            out.add(reader.get(c, recordId));
        }
        return out;
    }

    /** Runs an insert or delete of one (record, item) link row; returns whether a row changed. */
    static boolean link(Connection c, String sql, long recordId, long itemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, recordId);
            ps.setLong(2, itemId);
            return ps.executeUpdate() > 0;
        }
    }
}
