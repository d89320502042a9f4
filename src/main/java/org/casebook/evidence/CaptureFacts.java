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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casebook.vault.Json;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/**
 * The one read model of stored captures, for the app, the bundle and the export: what the fetch recorded, the
 * SHA-256 of each file kept, its resources and the other captures of the same address in the case with their
 * verdicts, and the words that say what is known of its result. Read-only: {@link CaptureStore} writes them.
 */
public final class CaptureFacts {
    /** Which of a capture's stored files to read. */
    public enum File { WARC, HTML, SCREENSHOT, SERVED_FILE }

    /** One capture of the address (this one, an earlier or a later one) with its verdict, for the list of them. */
    public record Sibling(long itemId, Instant capturedAt, Integer status, String verdict) {
    }

    /**
     * One stored capture.
     *
     * @param redirects   each hop: {@code url}, {@code status}, {@code location}
     * @param status      the final response's HTTP status; null when no server answered Casebook (an unreachable
     *                    re-capture, or a page another tool saved)
     * @param resources   each resource: {@code url}, and {@code status}, {@code size}, {@code sha256} when kept, or
     *                    {@code missing} with the reason
     * @param recaptureOf the capture it was compared with, or null for a first capture
     * @param verdict     {@code unchanged}, {@code changed} or {@code gone} for a re-capture, else null
     * @param diff        for {@code changed}: the lines removed ({@code - }) and added ({@code + })
     * @param warcSha256  the item's original; the other hashes are null when that file was not kept
     * @param fileSha256  the file served, for a file capture; the saved file itself, for a page another tool saved
     * @param captures    every capture of the same address in the case, oldest first (this one included)
     * @param headers     the final response's headers, each {@code [name, value]} in the order served; empty when
     *                    none were recorded
     */
    public record Capture(long itemId, String kind, String requestedUrl, String finalUrl,
                          List<Map<String, Object>> redirects, Integer status, String serverIp,
                          CaptureRecord.CertificateFacts certificate, Instant capturedAt, ZoneId caseZone,
                          String title, String note, String mediaType, List<Map<String, Object>> resources,
                          List<String> warnings, String proxy, Long recaptureOf, String verdict, String diff,
                          String warcSha256, long warcSize, String htmlSha256, String pngSha256, String fileSha256,
                          List<Sibling> captures, List<List<String>> headers) {

        /** The name its files are given outside the vault, without extension (see {@link CaptureFileName}). */
        public String baseName() {
            return CaptureFileName.base(requestedUrl, capturedAt);
        }

        /** A page another tool saved and the user imported: Casebook never visited the address. */
        public boolean savedByAnotherTool() {
            return CaptureRecord.PAGE.equals(kind) && status == null && fileSha256 != null;
        }

        /** What the HTTP status is, in words when there is none (never "null"). */
        public String statusText() {
            if (status != null) {
                return String.valueOf(status);
            }
            if (savedByAnotherTool()) {
                return "none: saved by another tool and imported (Casebook did not visit the address)";
            }
            return CaptureRecord.UNREACHABLE.equals(kind) ? "none (no server answered)" : "none recorded";
        }

        /** The capture's result in a line: what answered, with what status, and what it was. */
        public String result() {
            if (CaptureRecord.UNREACHABLE.equals(kind)) {
                return "No server answered: " + String.join("; ", warnings);
            }
            if (savedByAnotherTool()) {
                return "Saved by another tool and imported: no HTTP status (Casebook did not visit the address)"
                        + (mediaType == null ? "" : ", " + mediaType);
            }
            String status = this.status == null ? "no HTTP status recorded" : "HTTP status " + this.status;
            if (CaptureRecord.FILE.equals(kind)) {
                return "A file" + (mediaType == null ? "" : " (" + mediaType + ")") + ", " + status;
            }
            return Character.toUpperCase(status.charAt(0)) + status.substring(1)
                    + (mediaType == null ? "" : ", " + mediaType);
        }

        public List<Map<String, Object>> missingResources() {
            return resources.stream().filter(r -> r.containsKey("missing")).toList();
        }

        public List<Map<String, Object>> keptResources() {
            return resources.stream().filter(r -> !r.containsKey("missing")).toList();
        }
    }

    private final Vault vault;

    public CaptureFacts(Vault vault) {
        this.vault = vault;
    }

    /** One capture; refused as bad input when the item is not a capture. */
    public Capture get(long itemId) {
        return vault.read(c -> {
            Capture found = read(c, itemId);
            if (found == null) {
                throw VaultException.badInput("No capture with id " + itemId + ".");
            }
            return found;
        });
    }

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

    /** The capture of item {@code itemId}, or null when the item is not one. */
    static Capture read(Connection c, long itemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT p.kind, p.requested_url, p.final_url, p.redirects, p.status, p.server_ip, p.cert_subject,
                    p.cert_issuer, p.cert_not_before, p.cert_not_after, p.cert_sha256, p.captured_utc, p.title, p.note,
                    p.media_type, p.resources, p.warnings, p.proxy, p.recapture_of, p.verdict, p.diff,
                    w.sha256, w.size, h.sha256, s.sha256, f.sha256, cf.zone, i.case_id, p.headers
                FROM capture p JOIN item i ON i.id = p.item_id JOIN case_file cf ON cf.id = i.case_id
                JOIN blob w ON w.id = i.blob_id
                LEFT JOIN blob h ON h.id = p.html_blob_id LEFT JOIN blob s ON s.id = p.png_blob_id
                LEFT JOIN blob f ON f.id = p.file_blob_id
                WHERE p.item_id = ?""")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                CaptureRecord.CertificateFacts cert = rs.getString(11) == null ? null
                        : new CaptureRecord.CertificateFacts(rs.getString(7), rs.getString(8), instant(rs, 9),
                        instant(rs, 10), rs.getString(11));
                Long status = Sql.nullableLong(rs, 5);
                String requested = rs.getString(2);
                String finalUrl = rs.getString(3);
                return new Capture(itemId, rs.getString(1), requested, finalUrl, list(rs.getString(4)),
                        status == null ? null : status.intValue(), rs.getString(6), cert,
                        Instant.ofEpochMilli(rs.getLong(12)), ZoneId.of(rs.getString(27)), rs.getString(13),
                        rs.getString(14), rs.getString(15), list(rs.getString(16)),
                        Json.readStringList(rs.getString(17)), rs.getString(18), Sql.nullableLong(rs, 19),
                        rs.getString(20), rs.getString(21), rs.getString(22), rs.getLong(23), rs.getString(24),
                        rs.getString(25), rs.getString(26), siblings(c, rs.getLong(28), requested, finalUrl),
                        headers(rs.getString(29)));
            }
        }
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
    private static List<List<String>> headers(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(Json.MAPPER.readValue(json, List.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return new ArrayList<>(Json.MAPPER.readValue(json, List.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
