package org.casebook.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casebook.vault.Json;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/**
 * Reads a stored capture back, as the app shows it: its facts, the SHA-256 of each file kept, its resources and
 * the other captures of the same address in the case with their verdicts. Read-only: {@link CaptureStore} writes.
 */
public final class CaptureViews {
    /** Which of a capture's stored files to read. */
    public enum File { WARC, HTML, SCREENSHOT, SERVED_FILE }

    /** One capture of the address (this one, an earlier or a later one) with its verdict, for the list of them. */
    public record Sibling(long itemId, Instant capturedAt, Integer status, String verdict) {
    }

    /**
     * A stored capture.
     *
     * @param resources each resource: {@code url}, and {@code status}, {@code size}, {@code sha256} when kept, or
     *                  {@code missing} with the reason
     * @param captures  every capture of the same address in the case, oldest first (this one included)
     */
    public record View(long itemId, String kind, String requestedUrl, String finalUrl,
                       List<Map<String, Object>> redirects, Integer status, String serverIp, String certSubject,
                       String certIssuer, Instant certNotBefore, Instant certNotAfter, String certSha256,
                       Instant capturedAt, ZoneId caseZone, String title, String note, String mediaType,
                       String warcSha256, String htmlSha256, String pngSha256, String fileSha256,
                       List<Map<String, Object>> resources, List<String> warnings, String proxy, Long recaptureOf,
                       String verdict, String diff, List<Sibling> captures) {
        public List<Map<String, Object>> missingResources() {
            return resources.stream().filter(r -> r.containsKey("missing")).toList();
        }

        public List<Map<String, Object>> keptResources() {
            return resources.stream().filter(r -> !r.containsKey("missing")).toList();
        }
    }

    private final Vault vault;

    public CaptureViews(Vault vault) {
        this.vault = vault;
    }

    public View get(long itemId) {
        return vault.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT p.kind, p.requested_url, p.final_url, p.redirects, p.status, p.server_ip, p.cert_subject,
                        p.cert_issuer, p.cert_not_before, p.cert_not_after, p.cert_sha256, p.captured_utc, p.title,
                        p.note, p.media_type, wb.sha256, hb.sha256, pb.sha256, fb.sha256, p.resources, p.warnings,
                        p.proxy, p.recapture_of, p.verdict, p.diff, cf.zone, i.case_id
                    FROM capture p JOIN item i ON i.id = p.item_id JOIN case_file cf ON cf.id = i.case_id
                    LEFT JOIN blob wb ON wb.id = i.blob_id LEFT JOIN blob hb ON hb.id = p.html_blob_id LEFT JOIN blob pb ON pb.id = p.png_blob_id
                    LEFT JOIN blob fb ON fb.id = p.file_blob_id
                    WHERE p.item_id = ?""")) {
                ps.setLong(1, itemId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw VaultException.badInput("No capture with id " + itemId + ".");
                    }
                    Long status = Sql.nullableLong(rs, 5);
                    String requested = rs.getString(2);
                    String finalUrl = rs.getString(3);
                    return new View(itemId, rs.getString(1), requested, finalUrl, readList(rs.getString(4)),
                            status == null ? null : status.intValue(), rs.getString(6), rs.getString(7),
                            rs.getString(8), instant(rs, 9), instant(rs, 10), rs.getString(11),
                            Instant.ofEpochMilli(rs.getLong(12)), ZoneId.of(rs.getString(26)), rs.getString(13),
                            rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                            rs.getString(18), rs.getString(19), readList(rs.getString(20)),
                            Json.readStringList(rs.getString(21)), rs.getString(22), Sql.nullableLong(rs, 23),
                            rs.getString(24), rs.getString(25), siblings(c, rs.getLong(27), requested, finalUrl));
                }
            }
        });
    }

    /** The bytes of one of the capture's files, or null when the capture has none of that kind. */
    public byte[] file(long itemId, File which) {
        String column = switch (which) {
            case WARC -> "i.blob_id";
            case HTML -> "p.html_blob_id";
            case SCREENSHOT -> "p.png_blob_id";
            case SERVED_FILE -> "p.file_blob_id";
        };
        return vault.read(c -> {
            Long blobId;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + column
                    + " FROM capture p JOIN item i ON i.id = p.item_id WHERE p.item_id = ?")) {
                ps.setLong(1, itemId);
                try (ResultSet rs = ps.executeQuery()) {
                    blobId = rs.next() ? Sql.nullableLong(rs, 1) : null;
                }
            }
            if (blobId == null) {
                return null;
            }
            try (InputStream in = vault.blobs().open(c, blobId)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Every capture in the case of the address (as asked for or as arrived at), oldest first. */
    private static List<Sibling> siblings(Connection c, long caseId, String requested, String finalUrl)
            throws SQLException {
        List<Sibling> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT p.item_id, p.captured_utc, p.status, p.verdict
                FROM capture p JOIN item i ON i.id = p.item_id
                WHERE i.case_id = ? AND (p.requested_url IN (?, ?) OR p.final_url IN (?, ?))
                ORDER BY p.captured_utc, p.item_id""")) {
            String other = finalUrl == null ? requested : finalUrl;
            ps.setLong(1, caseId);
            ps.setString(2, requested);
            ps.setString(3, other);
            ps.setString(4, requested);
            ps.setString(5, other);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Long status = Sql.nullableLong(rs, 3);
                    out.add(new Sibling(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                            status == null ? null : status.intValue(), rs.getString(4)));
                }
            }
        }
        return out;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Long millis = Sql.nullableLong(rs, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> readList(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return Json.MAPPER.readValue(json, List.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored list is not valid JSON", e);
        }
    }
}
