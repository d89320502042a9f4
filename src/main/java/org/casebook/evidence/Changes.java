package org.casebook.evidence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Records an edit's old and new value for the audit log, so that history is never lost. */
public final class Changes {
    private Changes() {
    }

    public static void note(Map<String, Object> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("old", before);
            change.put("new", after);
            changes.put(field, change);
        }
    }

    /** The changed fields between two snapshots with the same keys (an audit log's "values"), in their order. */
    public static Map<String, Object> between(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String field : before.keySet()) {
            note(changes, field, before.get(field), after.get(field));
        }
        return changes;
    }
}
