package org.casebook.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.casebook.Version;
import org.casebook.model.Attachment;
import org.casebook.model.Case;
import org.casebook.vault.ByteCounts;
import org.casebook.vault.DiskFull;
import org.casebook.vault.Json;
import org.casebook.vault.PendingOutputs;
import org.casebook.vault.PrivateFiles;
import org.casebook.vault.Progress;
import org.casebook.vault.Sha256;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/**
 * Writes originals out of the vault byte for byte, with a {@code SHA256SUMS} file that {@code sha256sum -c}
 * accepts and a {@code manifest.json} describing each file. A captured web page goes out as its WARC (its
 * original), its single-file HTML, its screenshot (PNG), the file it served if it was one, and a WACZ package of
 * the WARC when a {@link WaczPackager} is installed. This is the only place evidence leaves the vault decrypted,
 * and only when the user asks. The folder appears complete or not at all.
 */
public final class ExportService {
    private final Vault vault;
    private final Clock clock;
    private final WaczPackager wacz;

    public ExportService(Vault vault) {
        this(vault, Clock.systemUTC());
    }

    public ExportService(Vault vault, Clock clock) {
        this(vault, clock, WaczPackager.installed().orElse(null));
    }

    /** @param wacz packages a capture's WARC as a WACZ; null to export captures without one */
    public ExportService(Vault vault, Clock clock, WaczPackager wacz) {
        this.vault = vault;
        this.clock = clock;
        this.wacz = wacz;
    }

    /**
     * @param itemIds the items to export (an incident brings the files attached to it); empty for every
     *                original in the case
     */
    public ExportResult export(long caseId, Path directory, List<Long> itemIds, Progress progress) {
        Path target = directory.toAbsolutePath();
        requireUsable(target);
        Path temp = target.resolveSibling("." + target.getFileName() + ".exporting");
        // The originals leave the vault decrypted: the folder is recorded in the vault before anything is written
        // into it, so that a crash does not leave it behind, and only its owner can open it.
        try (PendingOutputs.Pending pending = vault.pendingOutputs().begin(PendingOutputs.Kind.EXPORT, temp)) {
            PrivateFiles.deleteTree(temp);
            PrivateFiles.createDirectory(temp);
            ExportResult result = vault.read(c -> write(c, caseId, itemIds, temp, progress));
            if (Files.isDirectory(target)) {
                Files.delete(target);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return new ExportResult(target, result.files(), result.bytes());
        } catch (IOException e) {
            throw VaultException.badInput("Cannot write to " + target + ": " + DiskFull.reason(e, target) + ".");
        }
    }

    private ExportResult write(Connection c, long caseId, List<Long> itemIds, Path dir, Progress progress)
            throws SQLException {
        Case aCase = CaseService.get(c, caseId);
        List<Attachment> selected = select(c, caseId, itemIds);
        if (selected.isEmpty()) {
            throw VaultException.badInput("Nothing to export: the case has no original files (photos, documents,"
                    + " recordings) yet. Diary entries are in the timeline and, later, the bundle.");
        }
        StringBuilder sums = new StringBuilder();
        List<Map<String, Object>> entries = new ArrayList<>();
        Set<String> usedNames = new HashSet<>(Set.of("sha256sums", "manifest.json")); // lower case: see SafeFileNames.unique
        long bytes = 0;
        int files = 0;
        for (Attachment a : selected) {
            progress.checkCancelled();
            progress.message(a.fileName());
            CaptureFacts.Capture capture = CaptureFacts.read(c, a.id());
            String name = SafeFileNames.unique(capture != null ? capture.baseName() + ".warc"
                    : safeName(a.fileName(), a.id()), String.valueOf(a.id()), usedNames);
            String written = copyOut(c, a, dir.resolve(name));
            if (!written.equals(a.sha256())) {
                throw new VaultException(VaultException.Kind.DAMAGED, "The stored original of item " + a.id()
                        + " does not match its recorded SHA-256; nothing was exported. Run: casebook verify");
            }
            sums.append(a.sha256()).append("  ").append(name).append('\n');
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", a.id());
            entry.put("file", name);
            entry.put("original_name", a.fileName());
            entry.put("sha256", a.sha256());
            entry.put("size", a.size());
            entry.put("media_type", a.mediaType());
            entry.put("happened_at", a.when().at().toOffsetDateTime().toString());
            entry.put("time_source", a.timeSource());
            entry.put("approximate", a.when().approximate());
            entry.put("added_at", a.added().toString());
            // a file taken from an export has no file-system date of its own
            entry.put("file_modified_at", a.fileModified() == null ? null : a.fileModified().toString());
            entry.put("incident_ids", a.incidentIds());
            entry.put("message_id", a.messageId());
            entries.add(entry);
            bytes += a.size();
            files++;
            if (capture != null) {
                entry.put("role", "WARC");
                entry.put("capture", captureFacts(capture));
                for (Map<String, Object> more : captureFiles(c, a, capture, name, dir, usedNames)) {
                    sums.append(more.get("sha256")).append("  ").append(more.get("file")).append('\n');
                    entries.add(more);
                    bytes += (Long) more.get("size");
                    files++;
                }
            }
            progress.update(bytes, -1);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("casebook_version", Version.get());
        manifest.put("exported_at", clock.instant().toString());
        manifest.put("case", Map.of("id", aCase.id(), "title", aCase.title(), "initials", aCase.initials(),
                "timezone", aCase.zone().getId()));
        manifest.put("audit_head", vault.audit().headHash(c));
        manifest.put("files", entries);
        try {
            writePrivate(dir.resolve("SHA256SUMS"), sums.toString());
            writePrivate(dir.resolve("manifest.json"),
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n");
        } catch (IOException e) {
            throw VaultException.badInput("Cannot write the export: " + DiskFull.reason(e, dir) + ".");
        }
        return new ExportResult(dir, files, bytes);
    }

    /** What the capture recorded, for the manifest: enough to say what each of its files is. */
    private static Map<String, Object> captureFacts(CaptureFacts.Capture capture) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("url", capture.requestedUrl());
        out.put("final_url", capture.finalUrl());
        out.put("status", capture.status());
        out.put("server_ip", capture.serverIp());
        out.put("captured_at", capture.capturedAt().toString());
        out.put("title", capture.title());
        out.put("recapture_of", capture.recaptureOf());
        out.put("verdict", capture.verdict());
        return out;
    }

    /**
     * The files kept beside a capture's WARC, each checked against its recorded SHA-256 as it is written, and the
     * WACZ package of the WARC; one manifest entry each, naming the WARC they belong to.
     */
    private List<Map<String, Object>> captureFiles(Connection c, Attachment a, CaptureFacts.Capture capture,
                                                   String warcName, Path dir, Set<String> usedNames)
            throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        String base = capture.baseName();
        String[][] kept = {
            {capture.htmlSha256(), ".html", "text/html", "single-file HTML"},
            {capture.pngSha256(), ".png", "image/png", "screenshot"},
            {capture.fileSha256(), "", capture.mediaType(), "file served"},
        };
        for (String[] k : kept) {
            if (k[0] == null) {
                continue;
            }
            String name = SafeFileNames.unique(base + (k[1].isEmpty() ? extension(k[2]) : k[1]),
                    String.valueOf(a.id()), usedNames);
            long blobId = vault.blobs().findId(c, k[0]).orElseThrow(() -> new VaultException(
                    VaultException.Kind.DAMAGED, "The " + k[3] + " of capture " + a.id() + " is missing from the"
                    + " vault; nothing was exported. Run: casebook verify"));
            long[] size = {0};
            String written = copyBlob(c, blobId, dir.resolve(name), size);
            if (!written.equals(k[0])) {
                throw new VaultException(VaultException.Kind.DAMAGED, "The stored " + k[3] + " of capture " + a.id()
                        + " does not match its recorded SHA-256; nothing was exported. Run: casebook verify");
            }
            out.add(companion(a, name, written, size[0], k[2], k[3], warcName));
        }
        if (wacz != null) {
            String name = SafeFileNames.unique(base + ".wacz", String.valueOf(a.id()), usedNames);
            long warcBlob = blobIdOf(c, a.id());
            MessageDigest digest = Sha256.newDigest();
            long[] size = {0};
            try (OutputStream file = ByteCounts.counting(new DigestOutputStream(PrivateFiles.newFile(dir.resolve(name)), digest),
                    size)) {
                wacz.write(() -> vault.blobs().open(c, warcBlob), capture.finalUrl() == null ? capture.requestedUrl()
                        : capture.finalUrl(), capture.title(), capture.capturedAt(), clock.instant(), file);
            } catch (IOException e) {
                if (e.getCause() instanceof SQLException stored) {
                    throw stored;
                }
                throw VaultException.badInput("Cannot write the WACZ package of capture " + a.id() + ": "
                        + e.getMessage());
            }
            out.add(companion(a, name, Sha256.hex(digest.digest()), size[0], "application/wacz", "WACZ package",
                    warcName));
        }
        return out;
    }

    /** A served file's extension from its media type, so it opens in the right program. */
    private static String extension(String mediaType) {
        String type = mediaType == null ? "" : mediaType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        return switch (type) {
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            case "video/mp4" -> ".mp4";
            case "video/webm" -> ".webm";
            default -> ".bin";
        };
    }

    private static Map<String, Object> companion(Attachment a, String name, String sha256, long size,
                                                 String mediaType, String role, String warcName) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", a.id());
        entry.put("file", name);
        entry.put("role", role);
        entry.put("of_file", warcName);
        entry.put("sha256", sha256);
        entry.put("size", size);
        entry.put("media_type", mediaType);
        entry.put("happened_at", a.when().at().toOffsetDateTime().toString());
        entry.put("added_at", a.added().toString());
        return entry;
    }

    private List<Attachment> select(Connection c, long caseId, List<Long> itemIds) throws SQLException {
        Set<Long> ids = new LinkedHashSet<>();
        if (itemIds.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM item WHERE case_id = ? AND blob_id IS NOT NULL ORDER BY at_utc, id")) {
                ps.setLong(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
        } else {
            for (long id : itemIds) {
                ids.addAll(originalsOf(c, caseId, id));
            }
        }
        List<Attachment> out = new ArrayList<>();
        for (long id : ids) {
            out.add(AttachmentService.get(c, id));
        }
        out.sort(Comparator.comparing((Attachment a) -> a.when().at().toInstant()).thenComparing(Attachment::id));
        return out;
    }

    private static List<Long> originalsOf(Connection c, long caseId, long itemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT case_id, blob_id FROM item WHERE id = ?")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getLong(1) != caseId) {
                    throw VaultException.badInput("item: there is no item " + itemId + " in this case.");
                }
                if (Sql.nullableLong(rs, 2) != null) {
                    return List.of(itemId);
                }
            }
        }
        List<Long> linked = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT l.item_id FROM item_link l JOIN item i ON i.id = l.item_id
                WHERE l.incident_id = ? AND i.blob_id IS NOT NULL""")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    linked.add(rs.getLong(1));
                }
            }
        }
        if (linked.isEmpty()) {
            throw VaultException.badInput("item: item " + itemId + " has no original file to export.");
        }
        return linked;
    }

    private String copyOut(Connection c, Attachment a, Path file) throws SQLException {
        return copyBlob(c, blobIdOf(c, a.id()), file, new long[1]);
    }

    private String copyBlob(Connection c, long blobId, Path file, long[] size) throws SQLException {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = vault.blobs().open(c, blobId);
             OutputStream out = new DigestOutputStream(PrivateFiles.newFile(file), digest)) {
            size[0] = in.transferTo(out);
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException stored) {
                // Reading the vault failed (a damaged page, say), not writing the file: the vault names it.
                throw stored;
            }
            // The file is inside the hidden folder the export is written in: name the export, not that folder.
            throw VaultException.badInput("Cannot write the export (" + file.getFileName() + "): "
                    + DiskFull.reason(e, file) + ". No export was kept.");
        }
        return Sha256.hex(digest.digest());
    }

    private static void writePrivate(Path file, String text) throws IOException {
        try (OutputStream out = PrivateFiles.newFile(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static long blobIdOf(Connection c, long itemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT blob_id FROM item WHERE id = ?")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A stored name is only a hint: it must not climb out of the folder or hide itself. */
    static String safeName(String original, long id) {
        String name = SafeFileNames.clean(original);
        if (name.isEmpty() || name.equals("SHA256SUMS") || name.equals("manifest.json")) {
            name = SafeFileNames.clean("item-" + id + (name.isEmpty() ? "" : "-" + name));
        }
        return name;
    }

    private static void requireUsable(Path target) {
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw VaultException.badInput("to: " + target + " exists and is not a folder.");
            }
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw VaultException.badInput("to: the folder " + target
                            + " is not empty. Choose a new or empty folder.");
                }
            } catch (IOException e) {
                throw VaultException.badInput("Cannot read " + target + ": " + e.getMessage());
            }
        } else if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw VaultException.badInput("to: the folder " + target.getParent() + " does not exist.");
        }
    }
}
