package org.casebook.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.casebook.model.Case;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/** Adding, finding and renaming cases. */
public final class CaseService {
    private static final String SELECT = "SELECT id, title, initials, zone, created_utc FROM case_file";

    private final Vault vault;
    private final Clock clock;

    public CaseService(Vault vault) {
        this(vault, Clock.systemUTC());
    }

    public CaseService(Vault vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
    }

    public Case add(String title, String initials, ZoneId zone) {
        String cleanTitle = Inputs.required("title", title);
        String cleanInitials = Inputs.initials(initials, cleanTitle);
        ZoneId caseZone = zone == null ? ZoneId.systemDefault() : zone;
        return vault.write(c -> {
            if (findByTitle(c, cleanTitle).isPresent()) {
                throw VaultException.badInput("A case called '" + cleanTitle + "' already exists.");
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO case_file(title, initials, zone, created_utc) VALUES (?,?,?,?)")) {
                ps.setString(1, cleanTitle);
                ps.setString(2, cleanInitials);
                ps.setString(3, caseZone.getId());
                ps.setLong(4, clock.millis());
                ps.executeUpdate();
            }
            id = Sql.lastId(c);
            vault.audit().append(c, "case-created", "case:" + id,
                    Map.of("state", ItemState.ofCase(c, id).orElseThrow()));
            return get(c, id);
        });
    }

    public List<Case> list() {
        return vault.read(c -> {
            List<Case> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }

    public Case get(long id) {
        return vault.read(c -> get(c, id));
    }

    /** Finds a case by its id or its exact title, as {@code --case} accepts. */
    public Case find(String idOrTitle) {
        String key = Inputs.required("case", idOrTitle);
        return vault.read(c -> {
            Optional<Case> byTitle = findByTitle(c, key);
            if (byTitle.isPresent()) {
                return byTitle.get();
            }
            if (key.matches("\\d{1,18}")) {
                Optional<Case> byId = findById(c, Long.parseLong(key));
                if (byId.isPresent()) {
                    return byId.get();
                }
            }
            String known = list().stream().map(k -> k.id() + " (" + k.title() + ")").collect(Collectors.joining(", "));
            throw VaultException.badInput("No case '" + key + "' in this vault."
                    + (known.isEmpty() ? " Add one with: casebook case add" : " Cases: " + known));
        });
    }

    /** Changes the title, initials or zone; the audit log keeps the previous values. */
    public Case update(long id, String title, String initials, ZoneId zone) {
        return vault.write(c -> {
            Case before = get(c, id);
            String newTitle = title == null ? before.title() : Inputs.required("title", title);
            String newInitials = initials == null ? before.initials() : Inputs.initials(initials, newTitle);
            ZoneId newZone = zone == null ? before.zone() : zone;
            if (!newTitle.equals(before.title()) && findByTitle(c, newTitle).isPresent()) {
                throw VaultException.badInput("A case called '" + newTitle + "' already exists.");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE case_file SET title = ?, initials = ?, zone = ? WHERE id = ?")) {
                ps.setString(1, newTitle);
                ps.setString(2, newInitials);
                ps.setString(3, newZone.getId());
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            Changes.note(changes, "title", before.title(), newTitle);
            Changes.note(changes, "initials", before.initials(), newInitials);
            Changes.note(changes, "zone", before.zone().getId(), newZone.getId());
            vault.audit().append(c, "case-edited", "case:" + id,
                    Map.of("changes", changes, "state", ItemState.ofCase(c, id).orElseThrow()));
            return get(c, id);
        });
    }

    /** The case with {@code id}, read in the caller's transaction; bad input when there is none. */
    public static Case get(Connection c, long id) throws SQLException {
        return findById(c, id).orElseThrow(() -> VaultException.badInput("No case with id " + id + "."));
    }

    private static Optional<Case> findById(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Optional<Case> findByTitle(Connection c, String title) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE title = ?")) {
            ps.setString(1, title);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Case read(ResultSet rs) throws SQLException {
        return new Case(rs.getLong(1), rs.getString(2), rs.getString(3), ZoneId.of(rs.getString(4)),
                Instant.ofEpochMilli(rs.getLong(5)));
    }
}
