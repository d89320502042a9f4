package org.casebook.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casebook.vault.BlobRef;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Print renditions of photos, made once when the photo is stored so a bundle never decodes a 12 MP original
 * to show it: see {@link PrintImageEncoder} for what a rendition is. Renditions are kept encrypted in the
 * blob store; the {@code rendition} table maps an original's blob to its rendition's blob. They are not
 * exhibits: no item refers to them, so export and the timeline never see them, and
 * {@link org.casebook.vault.BlobStore#deleteIfUnreferenced} removes one with the last use of its original.
 *
 * <p>A picture that cannot be decoded (HEIC without a decoder, a damaged file) gets a row with a note and no
 * blob: it is still an exhibit, shown as a file, and nobody tries to decode it again.
 */
public final class PrintRenditions {
    /**
     * Long edge in pixels: 298 dpi across the bundle's printable width of an A4 page (6.7 in between its margins),
     * so a landscape rendition drawn full width stays under the e-bundle ceiling of 300 dpi without re-encoding.
     * (2400, the first value, was 300 dpi across the whole sheet and so printed at 358 dpi.)
     */
    public static final int MAX_EDGE = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(PrintRenditions.class);

    private final Vault vault;
    private final Clock clock;

    public PrintRenditions(Vault vault) {
        this(vault, Clock.systemUTC());
    }

    public PrintRenditions(Vault vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
    }

    /** The rendition of a stored original, when it is a picture Casebook could decode. */
    public Optional<PrintImage> find(long originalBlobId) {
        return vault.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT blob_id, width, height FROM rendition WHERE original_blob_id = ? AND blob_id IS NOT NULL")) {
                ps.setLong(1, originalBlobId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long blobId = rs.getLong(1);
                    int width = rs.getInt(2);
                    int height = rs.getInt(3);
                    try (InputStream in = vault.blobs().open(c, blobId)) {
                        return Optional.of(new PrintImage(originalBlobId, width, height, in.readAllBytes()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        });
    }

    /** Why a stored picture has no rendition (for the bundle's log), if one was tried and failed. */
    public Optional<String> note(long originalBlobId) {
        return vault.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT note FROM rendition WHERE original_blob_id = ? AND blob_id IS NULL")) {
                ps.setLong(1, originalBlobId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Makes the rendition of an original just stored, in the caller's transaction, unless it is not a
     * picture or already has one (or a note). Returns true when a rendition was stored now.
     */
    public boolean makeIfMissing(Connection c, long originalBlobId, String mediaType, MediaInspector.Source content)
            throws SQLException {
        if (mediaType == null || !mediaType.startsWith("image/") || tried(c, originalBlobId)) {
            return false;
        }
        PrintImageEncoder.Result result = PrintImageEncoder.render(content, mediaType);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO rendition(original_blob_id, blob_id, width, height, note, made_utc) VALUES (?,?,?,?,?,?)")) {
            ps.setLong(1, originalBlobId);
            if (result instanceof PrintImageEncoder.Rendered r) {
                BlobRef blob = vault.blobs().put(c, new ByteArrayInputStream(r.jpeg()), r.jpeg().length, Progress.NONE);
                ps.setLong(2, blob.id());
                ps.setInt(3, r.width());
                ps.setInt(4, r.height());
                ps.setNull(5, java.sql.Types.VARCHAR);
            } else {
                String note = ((PrintImageEncoder.Undecodable) result).note();
                LOG.info("stored original #{}: {}", originalBlobId, note);
                ps.setNull(2, java.sql.Types.INTEGER);
                ps.setNull(3, java.sql.Types.INTEGER);
                ps.setNull(4, java.sql.Types.INTEGER);
                ps.setString(5, note);
            }
            ps.setLong(6, clock.millis());
            ps.executeUpdate();
        }
        return result instanceof PrintImageEncoder.Rendered;
    }

    /**
     * Makes the missing renditions of a case's pictures (vaults from before renditions existed), one
     * transaction per picture so that cancelling keeps what is done. Returns how many were made.
     */
    public int ensureAll(long caseId, Progress progress) {
        List<Object[]> missing = vault.read(c -> {
            CaseService.get(c, caseId);
            List<Object[]> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT i.blob_id, min(i.media_type) FROM item i
                    WHERE i.case_id = ? AND i.blob_id IS NOT NULL AND i.media_type LIKE 'image/%'
                      AND NOT EXISTS (SELECT 1 FROM rendition r WHERE r.original_blob_id = i.blob_id)
                    GROUP BY i.blob_id ORDER BY i.blob_id""")) {
                ps.setLong(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Object[] {rs.getLong(1), rs.getString(2)});
                    }
                }
            }
            return out;
        });
        int made = 0;
        int undecodable = 0;
        for (int i = 0; i < missing.size(); i++) {
            progress.checkCancelled();
            long blobId = (Long) missing.get(i)[0];
            String mediaType = (String) missing.get(i)[1];
            boolean ok = vault.write(c -> makeIfMissing(c, blobId, mediaType, () -> vault.blobs().open(c, blobId)));
            if (ok) {
                made++;
            } else {
                undecodable++;
            }
            progress.update(i + 1, missing.size());
        }
        if (!missing.isEmpty()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("case", caseId);
            detail.put("made", made);
            detail.put("undecodable", undecodable);
            // Derived data, not evidence: recorded against the vault so no case's audited state changes.
            int m = made;
            vault.write(c -> vault.audit().append(c, "print-renditions-made", "vault", detail));
            LOG.info("made {} print renditions for case {} ({} pictures could not be decoded)", m, caseId, undecodable);
        }
        return made;
    }

    private static boolean tried(Connection c, long originalBlobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM rendition WHERE original_blob_id = ?")) {
            ps.setLong(1, originalBlobId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
