package org.casebook.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casebook.model.AuditEntry;
import org.casebook.vault.Json;
import org.casebook.vault.Vault;

/**
 * The edits made to diary entries after they were first written, read from the audit log (which keeps every
 * changed field's old and new value). Contemporaneous notes are disclosable and an unexplained rewrite hurts
 * the witness, so the bundle shows each entry's amendments with their dates and the earlier wording.
 */
public final class Amendments {
    /** One changed field: its name as the audit log records it ("description", "location", "at", ...). */
    public record FieldChange(String field, String before, String after) {
    }

    /** One edit of an entry: when it was saved and what it changed. */
    public record Amendment(Instant at, List<FieldChange> changes) {
        public Amendment {
            changes = List.copyOf(changes);
        }
    }

    private final Vault vault;

    public Amendments(Vault vault) {
        this.vault = vault;
    }

    /** The amendments of each of these items that has any, oldest first, keyed by item id. */
    public Map<Long, List<Amendment>> of(Collection<Long> itemIds) {
        return vault.read(c -> {
            Map<Long, List<Amendment>> out = new LinkedHashMap<>();
            for (long id : itemIds) {
                List<Amendment> list = new ArrayList<>();
                for (AuditEntry e : vault.audit().entriesFor(c, "item:" + id)) {
                    if ("incident-edited".equals(e.action())) {
                        list.add(amendment(e));
                    }
                }
                if (!list.isEmpty()) {
                    out.put(id, List.copyOf(list));
                }
            }
            return out;
        });
    }

    private static Amendment amendment(AuditEntry e) {
        List<FieldChange> changes = new ArrayList<>();
        Object recorded = Json.readObject(e.detail()).get("changes");
        if (recorded instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> change : map.entrySet()) {
                Map<?, ?> values = change.getValue() instanceof Map<?, ?> m ? m : Map.of();
                changes.add(new FieldChange(String.valueOf(change.getKey()), text(values.get("old")),
                        text(values.get("new"))));
            }
        }
        return new Amendment(e.at(), changes);
    }

    /** A recorded value as words: a list (witnesses) joined, nothing as null. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? null : String.join("; ", list.stream().map(String::valueOf).toList());
        }
        String s = String.valueOf(value);
        return s.isBlank() ? null : s;
    }
}
