package org.casebook.conduct;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casebook.evidence.BulkItemWriter;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.IncidentService;
import org.casebook.evidence.ItemRow;
import org.casebook.evidence.PersonService;
import org.casebook.evidence.Sql;
import org.casebook.model.Identifier;
import org.casebook.model.IdentifierKind;
import org.casebook.model.IncidentType;
import org.casebook.model.ItemKind;
import org.casebook.model.PersonRole;
import org.casebook.model.When;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Vault;

/** A real encrypted vault with one case, and helpers to add people, messages, calls and incidents to it. */
final class ConductTestCase implements AutoCloseable {
    final Vault vault;
    final long caseId;
    final ZoneId zone;

    ConductTestCase(Path dir, ZoneId zone) {
        this.vault = TestVaults.create(dir, "conduct.casebook");
        this.zone = zone;
        this.caseId = new CaseService(vault).add("Case", "TC", zone).id();
    }

    long person(String name, PersonRole role, String phone) {
        return new PersonService(vault).add(caseId, name, role,
                phone == null ? List.of() : List.of(Identifier.of(IdentifierKind.PHONE, phone))).id();
    }

    long conversation(String channel, String key) {
        return vault.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO conversation(case_id, channel, key, title) VALUES (?,?,?,?)")) {
                ps.setLong(1, caseId);
                ps.setString(2, channel);
                ps.setString(3, key);
                ps.setString(4, key);
                ps.executeUpdate();
            }
            return Sql.lastId(c);
        });
    }

    /** Messages (or calls) in one audited batch, as an import writes them. */
    List<Long> messages(ItemKind kind, long conversationId, Long senderId, String direction, ZonedDateTime... times) {
        return vault.write(c -> {
            BulkItemWriter writer = new BulkItemWriter(vault, c);
            List<Long> ids = new ArrayList<>();
            for (ZonedDateTime t : times) {
                ids.add(writer.add(new ItemRow(caseId, kind, "whatever", When.exactly(t), 0L, "text", null, null, null,
                        null, senderId, null, null, null, null, null, null, null, "test", null, conversationId,
                        direction, null, null, null)));
            }
            writer.finish("messages-imported", Map.of("file", "test"));
            return ids;
        });
    }

    long incident(IncidentType type, ZonedDateTime at) {
        return new IncidentService(vault).add(caseId, TestVaults.draft(type, at, "what happened")).id();
    }

    ZonedDateTime local(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, zone);
    }

    ConductSummary summary(java.time.LocalDate from, java.time.LocalDate to) {
        return new ConductFigures(vault).summarise(caseId, from, to);
    }

    @Override
    public void close() {
        vault.close();
    }
}
