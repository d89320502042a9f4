package org.casebook.evidence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.casebook.vault.Vault;

/** The conversations and export files a case's imported messages came from, for showing them by name. */
public final class ConversationService {
    /** One imported conversation: its channel ("sms", "whatsapp", ...) and the title the export gave it. */
    public record Conversation(long id, String channel, String key, String title) {
        /**
         * What a reader calls the conversation: its title, else its key (a number, a chat's name), or null when
         * neither says anything (a CSV export without a conversation column is one conversation keyed "").
         */
        public String name() {
            return title != null && !title.isBlank() ? title : key != null && !key.isBlank() ? key : null;
        }
    }

    /** One export file imported into the case, keyed by the SHA-256 of its bytes. */
    public record ExportFileInfo(String sha256, String fileName, String format) {
    }

    private final Vault vault;

    public ConversationService(Vault vault) {
        this.vault = vault;
    }

    public Map<Long, Conversation> conversations(long caseId) {
        return vault.read(c -> {
            Map<Long, Conversation> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, channel, key, title FROM conversation WHERE case_id = ? ORDER BY id")) {
                ps.setLong(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), new Conversation(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    /** The export files imported into the case, by SHA-256 (the first import of identical bytes names it). */
    public Map<String, ExportFileInfo> exportFiles(long caseId) {
        return vault.read(c -> {
            Map<String, ExportFileInfo> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT b.sha256, r.file_name, r.format FROM import_run r"
                    + " JOIN blob b ON b.id = r.blob_id WHERE r.case_id = ? ORDER BY r.id")) {
                ps.setLong(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.putIfAbsent(rs.getString(1), new ExportFileInfo(rs.getString(1), rs.getString(2),
                                rs.getString(3)));
                    }
                }
            }
            return out;
        });
    }
}
