package org.casebook.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Small JDBC helpers shared by the use-cases. */
public final class Sql {
    private Sql() {
    }

    public static long lastId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static void setNullableLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }

    public static Long nullableLong(ResultSet rs, int index) throws SQLException {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : v;
    }

    /**
     * Whether the vault records merged people (schema 5 on). Only a vault the migration tests keep at an older
     * schema lacks it: every vault Casebook opens is upgraded first.
     */
    /**
     * Whether the vault records when each export says it was made (schema 15 on); only vaults the migration tests
     * keep at an older schema lack it.
     */
    public static boolean recordsExportDates(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM pragma_table_info('import_run') WHERE name = 'made_utc'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    static boolean recordsMerges(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM pragma_table_info('person') WHERE name = 'merged_into'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }
}
