package org.casebook.evidence;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casebook.model.Case;
import org.casebook.model.ItemKind;
import org.casebook.model.When;
import org.casebook.vault.BlobRef;
import org.casebook.vault.Json;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/**
 * Stores captures of web pages as timeline items of kind {@code capture}: the WARC as the item's original (its
 * SHA-256 is the item's), the single-file HTML, screenshot and served file beside it in the blob store, the fetch
 * details in the {@code capture} row, the page's text in full-text search. The captures of one call are stored in
 * one transaction (all pages of a site capture, or none) and each is audited with the hashes of all its files.
 */
public final class CaptureStore {
    private final Vault vault;
    private final Clock clock;

    public CaptureStore(Vault vault) {
        this(vault, Clock.systemUTC());
    }

    public CaptureStore(Vault vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
    }

    /** One stored capture: its item id and the SHA-256 of each file kept (null when there is none). */
    public record Stored(long itemId, String warcSha256, String htmlSha256, String pngSha256, String fileSha256) {
    }

    /** The latest earlier capture of an address in a case: what a re-capture compares itself with. */
    public record Earlier(long itemId, String kind, Integer status, String text, Instant capturedAt) {
    }

    /**
     * Stores captures in one transaction. With {@code site} true they are the pages of one site capture,
     * grouped under the first one's id.
     */
    public List<Stored> store(long caseId, List<CaptureRecord> captures, boolean site, Progress progress) {
        if (captures.isEmpty()) {
            return List.of();
        }
        return vault.write(c -> {
            Case aCase = CaseService.get(c, caseId);
            List<Stored> out = new ArrayList<>();
            Long siteId = null;
            for (CaptureRecord r : captures) {
                progress.checkCancelled();
                Stored s = storeOne(c, aCase, r, site ? siteId : null, progress);
                if (site && siteId == null) {
                    siteId = s.itemId();
                    setSite(c, s.itemId(), siteId);
                }
                out.add(s);
            }
            return out;
        });
    }

    private Stored storeOne(Connection c, Case aCase, CaptureRecord r, Long siteId, Progress progress)
            throws SQLException {
        BlobRef warc = put(c, r.warc(), progress);
        BlobRef html = r.html() == null ? null : put(c, r.html(), progress);
        BlobRef png = r.png() == null ? null : put(c, r.png(), progress);
        BlobRef file = r.file() == null ? null : put(c, r.file(), progress);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("capture_kind", r.kind());
        extra.put("final_url", r.finalUrl());
        extra.put("status", r.status());
        extra.put("html_sha256", html == null ? null : html.sha256());
        extra.put("png_sha256", png == null ? null : png.sha256());
        extra.put("file_sha256", file == null ? null : file.sha256());
        extra.put("file_name", r.fileName());
        extra.put("verdict", r.verdict());
        String shown = (r.title() == null || r.title().isBlank() ? "" : r.title().strip() + " — ")
                + (r.finalUrl() == null ? r.requestedUrl() : r.finalUrl());
        if (r.verdict() != null) {
            shown = shown + " (re-capture: " + r.verdict() + ")";
        }
        String fileName = CaptureFileName.warc(r.requestedUrl(), r.capturedAt());
        ItemRow row = new ItemRow(aCase.id(), ItemKind.CAPTURE, r.kind(),
                When.exactly(r.capturedAt().atZone(aCase.zone())), clock.millis(), shown, null, null, null, null,
                null, warc.id(), warc.sha256(), fileName, "application/warc", warc.size(), null, Json.write(extra),
                r.requestedUrl(), searchable(r));
        long id;
        try (ItemInserter inserter = new ItemInserter(c)) {
            id = inserter.insert(row);
        }
        SearchIndex.addStored(c, id);
        insertCaptureRow(c, id, r, siteId, html, png, file);

        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("sha256", warc.sha256());
        detail.put("size", warc.size());
        detail.put("html_sha256", html == null ? null : html.sha256());
        detail.put("png_sha256", png == null ? null : png.sha256());
        detail.put("file_sha256", file == null ? null : file.sha256());
        detail.put("url", r.requestedUrl());
        detail.put("final_url", r.finalUrl());
        detail.put("status", r.status());
        detail.put("server_ip", r.serverIp());
        detail.put("certificate_sha256", r.certificate() == null ? null : r.certificate().sha256());
        detail.put("captured_at", r.capturedAt().toString());
        detail.put("proxy", r.proxy());
        detail.put("recapture_of", r.recaptureOf());
        detail.put("verdict", r.verdict());
        detail.put("site_id", siteId);
        detail.put("state", ItemState.ofRow(row));
        vault.audit().append(c, "captured", "item:" + id, detail);
        return new Stored(id, warc.sha256(), html == null ? null : html.sha256(), png == null ? null : png.sha256(),
                file == null ? null : file.sha256());
    }

    /** The visible text of a page (searched); the address of a file capture, so the file is found by it. */
    private static String searchable(CaptureRecord r) {
        String text = r.text() == null ? "" : r.text();
        return r.note() == null || r.note().isBlank() ? text : text + "\n" + r.note();
    }

    private BlobRef put(Connection c, byte[] bytes, Progress progress) throws SQLException {
        return vault.blobs().put(c, new ByteArrayInputStream(bytes), bytes.length, progress);
    }

    private static void insertCaptureRow(Connection c, long id, CaptureRecord r, Long siteId, BlobRef html,
                                         BlobRef png, BlobRef file) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO capture(item_id, kind, requested_url, final_url, redirects, status, headers, server_ip,
                    cert_subject, cert_issuer, cert_not_before, cert_not_after, cert_sha256, captured_utc, title, note,
                    media_type, site_id, recapture_of, verdict, diff, resources, warnings, proxy, html_blob_id,
                    png_blob_id, file_blob_id)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")) {
            CaptureRecord.CertificateFacts cert = r.certificate();
            int i = 1;
            ps.setLong(i++, id);
            ps.setString(i++, r.kind());
            ps.setString(i++, r.requestedUrl());
            ps.setString(i++, r.finalUrl());
            ps.setString(i++, Json.write(r.redirects()));
            Sql.setNullableLong(ps, i++, r.status() == null ? null : r.status().longValue());
            ps.setString(i++, r.headers() == null ? null : Json.write(r.headers()));
            ps.setString(i++, r.serverIp());
            ps.setString(i++, cert == null ? null : cert.subject());
            ps.setString(i++, cert == null ? null : cert.issuer());
            Sql.setNullableLong(ps, i++, cert == null ? null : cert.notBefore().toEpochMilli());
            Sql.setNullableLong(ps, i++, cert == null ? null : cert.notAfter().toEpochMilli());
            ps.setString(i++, cert == null ? null : cert.sha256());
            ps.setLong(i++, r.capturedAt().toEpochMilli());
            ps.setString(i++, r.title());
            ps.setString(i++, r.note());
            ps.setString(i++, r.mediaType());
            Sql.setNullableLong(ps, i++, siteId);
            Sql.setNullableLong(ps, i++, r.recaptureOf());
            ps.setString(i++, r.verdict());
            ps.setString(i++, r.diff());
            ps.setString(i++, Json.write(r.resources()));
            ps.setString(i++, Json.write(r.warnings()));
            ps.setString(i++, r.proxy());
            Sql.setNullableLong(ps, i++, html == null ? null : html.id());
            Sql.setNullableLong(ps, i++, png == null ? null : png.id());
            Sql.setNullableLong(ps, i, file == null ? null : file.id());
            ps.executeUpdate();
        }
    }

    private static void setSite(Connection c, long itemId, long siteId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE capture SET site_id = ? WHERE item_id = ?")) {
            ps.setLong(1, siteId);
            ps.setLong(2, itemId);
            ps.executeUpdate();
        }
    }

    /**
     * The latest capture in the case of this address (asked for, or arrived at after redirects), or empty when
     * the case has none: a new capture of it is a re-capture.
     */
    public Optional<Earlier> latest(long caseId, String url) {
        return vault.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT p.item_id, p.kind, p.status, i.searchable, p.captured_utc, p.note
                    FROM capture p JOIN item i ON i.id = p.item_id
                    WHERE i.case_id = ? AND (p.requested_url = ? OR p.final_url = ?)
                    ORDER BY p.captured_utc DESC, p.item_id DESC LIMIT 1""")) {
                ps.setLong(1, caseId);
                ps.setString(2, url);
                ps.setString(3, url);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Long status = Sql.nullableLong(rs, 3);
                    return Optional.of(new Earlier(rs.getLong(1), rs.getString(2),
                            status == null ? null : status.intValue(), pageText(rs.getString(4), rs.getString(6)),
                            Instant.ofEpochMilli(rs.getLong(5))));
                }
            }
        });
    }

    /** The page text as captured: the searchable text without the note appended to it. */
    private static String pageText(String searchable, String note) {
        if (searchable == null) {
            return "";
        }
        String suffix = note == null || note.isBlank() ? null : "\n" + note;
        return suffix != null && searchable.endsWith(suffix)
                ? searchable.substring(0, searchable.length() - suffix.length()) : searchable;
    }

    /**
     * The id of a capture in the case whose saved file (or WARC) has this SHA-256, or empty: importing the same saved
     * page again adds nothing.
     */
    public Optional<Long> holding(long caseId, String sha256) {
        return vault.read(c -> {
            Optional<Long> blob = vault.blobs().findId(c, sha256);
            if (blob.isEmpty()) {
                return Optional.<Long>empty();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT i.id FROM capture p JOIN item i ON i.id = p.item_id
                    WHERE i.case_id = ? AND (p.file_blob_id = ? OR i.blob_id = ?) LIMIT 1""")) {
                ps.setLong(1, caseId);
                ps.setLong(2, blob.get());
                ps.setLong(3, blob.get());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }

    /** True when no capture was ever made in this vault (the first one comes with a warning). */
    public boolean noneYet() {
        return vault.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM capture LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                return !rs.next();
            }
        });
    }

    /** The files kept beside a capture's WARC (HTML, screenshot, served file), to remove with the item. */
    static List<Long> filesOf(Connection c, long itemId) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'capture'")) {
            if (!rs.next()) {
                return out; // a vault from before captures
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT html_blob_id, png_blob_id, file_blob_id FROM capture WHERE item_id = ?")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int col = 1; col <= 3; col++) {
                        Long id = Sql.nullableLong(rs, col);
                        if (id != null) {
                            out.add(id);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Reads one of a capture's files (the WARC, HTML, screenshot or served file) by its SHA-256. */
    public byte[] file(String sha256) {
        return vault.read(c -> {
            long blobId = vault.blobs().findId(c, sha256)
                    .orElseThrow(() -> VaultException.badInput("No stored file with SHA-256 " + sha256 + "."));
            try (var in = vault.blobs().open(c, blobId)) {
                return in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
