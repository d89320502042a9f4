package org.casebook.conduct;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casebook.evidence.ConductState;
import org.casebook.model.BehaviourTag;
import org.casebook.vault.Vault;

/** Behaviour tags on any timeline item, from the fixed vocabulary; each change is audited on the item. */
public final class TagService {
    private final Vault vault;

    public TagService(Vault vault) {
        this.vault = vault;
    }

    /** Replaces the item's tags with {@code tags}. */
    public Set<BehaviourTag> set(long itemId, Set<BehaviourTag> tags) {
        return vault.write(c -> {
            ConductRows.item(c, itemId);
            Set<BehaviourTag> before = tags(c, itemId);
            Set<BehaviourTag> after = tags.isEmpty() ? EnumSet.noneOf(BehaviourTag.class) : EnumSet.copyOf(tags);
            if (before.equals(after)) {
                return after;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM item_tag WHERE item_id = ?")) {
                ps.setLong(1, itemId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO item_tag(item_id, tag) VALUES (?,?)")) {
                for (BehaviourTag tag : after) {
                    ps.setLong(1, itemId);
                    ps.setString(2, tag.code());
                    ps.executeUpdate();
                }
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("old", codes(before));
            detail.put("new", codes(after));
            detail.put("conduct_state", ConductState.ofItemMarkings(c, itemId));
            vault.audit().append(c, "tags-changed", "item:" + itemId, detail);
            return after;
        });
    }

    public Set<BehaviourTag> add(long itemId, BehaviourTag tag) {
        return vault.write(c -> {
            Set<BehaviourTag> tags = tags(c, itemId);
            tags.add(tag);
            return set(itemId, tags);
        });
    }

    public Set<BehaviourTag> remove(long itemId, BehaviourTag tag) {
        return vault.write(c -> {
            Set<BehaviourTag> tags = tags(c, itemId);
            tags.remove(tag);
            return set(itemId, tags);
        });
    }

    /** The item's tags, in the vocabulary's order. */
    public Set<BehaviourTag> tags(long itemId) {
        return vault.read(c -> {
            ConductRows.item(c, itemId);
            return tags(c, itemId);
        });
    }

    /** The case's items carrying {@code tag}, in timeline order. */
    public List<Long> itemsWithTag(long caseId, BehaviourTag tag) {
        return vault.read(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT i.id FROM item_tag t JOIN item i ON i.id = t.item_id
                    WHERE t.tag = ? AND i.case_id = ? ORDER BY i.at_utc, i.id""")) {
                ps.setString(1, tag.code());
                ps.setLong(2, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }

    private static Set<BehaviourTag> tags(Connection c, long itemId) throws SQLException {
        Set<BehaviourTag> out = EnumSet.noneOf(BehaviourTag.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT tag FROM item_tag WHERE item_id = ?")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(BehaviourTag.fromCode(rs.getString(1)));
                }
            }
        }
        return out;
    }

    private static List<String> codes(Set<BehaviourTag> tags) {
        return tags.stream().map(BehaviourTag::code).toList();
    }
}
