package org.casebook.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casebook.vault.Json;
import org.casebook.vault.Vault;

/**
 * Reads stored captures back, for the bundle and the export: what the fetch recorded and the SHA-256 of each file
 * kept. Read-only; {@link CaptureStore} writes them.
 */
public final class CaptureFacts {
    private final Vault vault;

    public CaptureFacts(Vault vault) {
        this.vault = vault;
    }

    /**
     * One stored capture.
     *
     * @param redirects   each hop: {@code url}, {@code status}, {@code location}
     * @param recaptureOf the capture it was compared with, or null for a first capture
     * @param verdict     {@code unchanged}, {@code changed} or {@code gone} for a re-capture, else null
     * @param diff        for {@code changed}: the lines removed ({@code - }) and added ({@code + })
     * @param warcSha256  the item's original; the other hashes are null when that file was not kept
     */
    public record Capture(long itemId, String kind, String requestedUrl, String finalUrl,
                          List<Map<String, Object>> redirects, Integer status, String serverIp,
                          CaptureRecord.CertificateFacts certificate, Instant capturedAt, String title, String note,
                          String mediaType, Long recaptureOf, String verdict, String diff, String warcSha256,
                          long warcSize, String htmlSha256, String pngSha256, String fileSha256) {

        /**
         * The name its files are given outside the vault, without extension: the host and the capture time in UTC
         * ("example.org_2024-03-01_101500Z"), so a recipient sees at once what and when each one is.
         */
        public String baseName() {
            String host;
            try {
                host = java.net.URI.create(requestedUrl).getHost();
            } catch (IllegalArgumentException e) {
                host = null;
            }
            return SafeFileNames.clean((host == null ? "web-page" : host) + "_"
                    + NAME_TIME.format(capturedAt.atOffset(java.time.ZoneOffset.UTC)) + "Z");
        }
    }

    private static final java.time.format.DateTimeFormatter NAME_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmmss", java.util.Locale.ROOT);

    /** The captures among {@code itemIds} (other ids are left out), by item id. */
    public Map<Long, Capture> of(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        return vault.read(c -> {
            Map<Long, Capture> out = new LinkedHashMap<>();
            for (long id : itemIds) {
                Capture found = read(c, id);
                if (found != null) {
                    out.put(id, found);
                }
            }
            return out;
        });
    }

    static Capture read(Connection c, long itemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT p.kind, p.requested_url, p.final_url, p.redirects, p.status, p.server_ip, p.cert_subject,
                    p.cert_issuer, p.cert_not_before, p.cert_not_after, p.cert_sha256, p.captured_utc, p.title, p.note,
                    p.media_type, p.recapture_of, p.verdict, p.diff, w.sha256, w.size, h.sha256, s.sha256, f.sha256
                FROM capture p JOIN item i ON i.id = p.item_id JOIN blob w ON w.id = i.blob_id
                LEFT JOIN blob h ON h.id = p.html_blob_id LEFT JOIN blob s ON s.id = p.png_blob_id
                LEFT JOIN blob f ON f.id = p.file_blob_id
                WHERE p.item_id = ?""")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Long notBefore = Sql.nullableLong(rs, 9);
                Long notAfter = Sql.nullableLong(rs, 10);
                CaptureRecord.CertificateFacts cert = rs.getString(11) == null ? null
                        : new CaptureRecord.CertificateFacts(rs.getString(7), rs.getString(8),
                        notBefore == null ? null : Instant.ofEpochMilli(notBefore),
                        notAfter == null ? null : Instant.ofEpochMilli(notAfter), rs.getString(11));
                Long status = Sql.nullableLong(rs, 5);
                return new Capture(itemId, rs.getString(1), rs.getString(2), rs.getString(3),
                        redirects(rs.getString(4)), status == null ? null : status.intValue(), rs.getString(6), cert,
                        Instant.ofEpochMilli(rs.getLong(12)), rs.getString(13), rs.getString(14), rs.getString(15),
                        Sql.nullableLong(rs, 16), rs.getString(17), rs.getString(18), rs.getString(19),
                        rs.getLong(20), rs.getString(21), rs.getString(22), rs.getString(23));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> redirects(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return new ArrayList<>(Json.MAPPER.readValue(json, List.class));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
