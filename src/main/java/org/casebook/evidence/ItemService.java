package org.casebook.evidence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.casebook.model.AuditEntry;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/** What applies to every kind of item: its history, and deleting it with a reason. */
public final class ItemService {
    private final Vault vault;

    public ItemService(Vault vault) {
        this.vault = vault;
    }

    /** Every audit entry about the item, oldest first: when it was added and each edit with old values. */
    public List<AuditEntry> history(long itemId) {
        return vault.read(c -> vault.audit().entriesFor(c, "item:" + itemId));
    }

    /**
     * Deletes an item (a victim may need to remove a private photo). The audit log keeps the reason and the
     * hashes of what was deleted, not its content. The original is removed when nothing else refers to it.
     */
    public void delete(long itemId, String reason) {
        String why = Inputs.required("reason", reason);
        vault.write(c -> {
            String kind;
            Long blobId;
            String sha;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT i.kind, i.blob_id, b.sha256 FROM item i LEFT JOIN blob b ON b.id = i.blob_id WHERE i.id = ?")) {
                ps.setLong(1, itemId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw VaultException.badInput("No item with id " + itemId + ".");
                    }
                    kind = rs.getString(1);
                    blobId = Sql.nullableLong(rs, 2);
                    sha = rs.getString(3);
                }
            }
            List<Long> captureFiles = CaptureStore.filesOf(c, itemId);
            String state = ItemState.ofItem(c, itemId).orElseThrow();
            List<String> linking = ConductState.linkingTo(c, itemId);
            SearchIndex.removeStored(c, itemId);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM item WHERE id = ?")) {
                ps.setLong(1, itemId);
                ps.executeUpdate();
            }
            boolean originalRemoved = blobId != null && vault.blobs().deleteIfUnreferenced(c, blobId);
            for (long file : captureFiles) {
                vault.blobs().deleteIfUnreferenced(c, file);
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("kind", kind);
            detail.put("reason", why);
            detail.put("state", state);
            if (sha != null) {
                detail.put("sha256", sha);
                detail.put("original_removed", originalRemoved);
            }
            if (!linking.isEmpty()) {
                // The links to the item went with it: record what each report or impact entry is now.
                Map<String, Object> states = new TreeMap<>();
                for (String subject : linking) {
                    states.put(subject, ConductState.ofSubject(c, subject).orElseThrow());
                }
                detail.put("conduct_states", states);
            }
            vault.audit().append(c, "deleted", "item:" + itemId, detail);
            return null;
        });
    }
}
