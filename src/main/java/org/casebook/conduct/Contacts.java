package org.casebook.conduct;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.casebook.evidence.WhoIsWho;
import org.casebook.model.ItemKind;

/**
 * What counts as a contact, in one place for the figures and the breach suggestions: every incident in the
 * diary, and every message and call from the perpetrator, whichever of their numbers or accounts it came from
 * (people merged into them count as them). When no perpetrator is recorded, every message and call not sent by
 * the user counts. Who sent what is decided by {@link WhoIsWho}, as for the transcripts: what the witness sent is
 * never a contact. Attachments and captured pages are not contacts (they document contacts).
 */
final class Contacts {
    /** The channel incidents are counted under. */
    static final String DIARY = "diary";

    private static final String FROM_WHERE = " FROM item i" + WhoIsWho.JOINS
            + " LEFT JOIN conversation cv ON cv.id = i.conversation_id"
            + " WHERE i.case_id = ? AND i.at_utc >= ? AND i.at_utc < ?"
            + " AND (i.kind = 'incident' OR (i.kind IN ('message', 'call') AND %s))";
    private static final String SELECT = "SELECT i.id, i.kind, i.type, i.at_utc,"
            + " CASE WHEN i.kind = 'incident' THEN 'diary' ELSE lower(coalesce(cv.channel, i.type, i.kind)) END,"
            + " i.approximate" + FROM_WHERE + " ORDER BY i.at_utc, i.id";
    private static final String RANGE = "SELECT min(i.at_utc), max(i.at_utc)" + FROM_WHERE;
    private static final String NOT_SENT_BY_USER = "NOT " + WhoIsWho.OUTGOING;
    private static final String FROM_PERSON = WhoIsWho.PERSON_ID + " = ? AND " + NOT_SENT_BY_USER;

    private Contacts() {
    }

    /** One contact as the scan reads it; {@code channel} is lower case, "diary" for incidents. */
    record Contact(long id, ItemKind kind, String type, long atUtc, String channel, boolean approximate) {
    }

    @FunctionalInterface
    interface Sink {
        void accept(Contact contact) throws SQLException;
    }

    static boolean hasPerpetrator(Connection c, long caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(WhoIsWho.HAS_PERPETRATOR)) {
            ps.setLong(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) != 0;
            }
        }
    }

    /**
     * Streams the case's contacts from {@code fromUtc} (inclusive) to {@code toUtc} (exclusive) in time order.
     *
     * @param fromPerson when not null, messages and calls count only from this person (and people merged into
     *                   them): the person an order is against
     */
    static void scan(Connection c, long caseId, long fromUtc, long toUtc, Long fromPerson, Sink sink)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT.formatted(senders(c, caseId, fromPerson)))) {
            ps.setLong(1, caseId);
            ps.setLong(2, fromUtc);
            ps.setLong(3, toUtc);
            if (fromPerson != null) {
                ps.setLong(4, fromPerson);
            }
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new Contact(rs.getLong(1), ItemKind.fromCode(rs.getString(2)), rs.getString(3),
                            rs.getLong(4), rs.getString(5), rs.getInt(6) != 0));
                }
            }
        }
    }

    /** The first and last contact's times in milliseconds, or null when the case has none. */
    static long[] range(Connection c, long caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RANGE.formatted(senders(c, caseId, null)))) {
            ps.setLong(1, caseId);
            ps.setLong(2, Long.MIN_VALUE);
            ps.setLong(3, Long.MAX_VALUE);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long first = rs.getLong(1);
                return rs.wasNull() ? null : new long[] {first, rs.getLong(2)};
            }
        }
    }

    private static String senders(Connection c, long caseId, Long fromPerson) throws SQLException {
        return fromPerson != null ? FROM_PERSON : hasPerpetrator(c, caseId) ? WhoIsWho.FROM_PERPETRATOR
                : NOT_SENT_BY_USER;
    }

    /** The plain-words definition, as the figures' method states it. */
    static String definition(boolean perpetratorRecorded) {
        return "A contact is an incident written in the diary, or a message or call "
                + (perpetratorRecorded
                ? "from the perpetrator, from any of their numbers or accounts (people merged into them count as"
                        + " them; what the witness sent never counts)"
                : "not sent by the witness (no perpetrator is recorded in this case, so every message and call "
                        + "she did not send counts)")
                + "; attachments and captured pages are not counted.";
    }
}
