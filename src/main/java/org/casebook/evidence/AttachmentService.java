package org.casebook.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.casebook.model.Attachment;
import org.casebook.model.Case;
import org.casebook.model.Incident;
import org.casebook.model.ItemKind;
import org.casebook.model.When;
import org.casebook.vault.BlobRef;
import org.casebook.vault.Json;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/**
 * Attaching original files (photos, documents, recordings, videos of any size). All the files of one call
 * are stored in one transaction: every one of them, or none. A photo is placed on the timeline at its EXIF
 * capture time, not when it was added, and gets its print rendition ({@link PrintRenditions}) in the same
 * transaction.
 */
public final class AttachmentService {
    static final String TIME_EXIF = "exif";
    static final String TIME_INCIDENT = "incident";
    static final String TIME_FILE = "file modified";
    /** The date and time written in the file's name ({@link FileNameDates}). */
    static final String TIME_FILE_NAME = "file name";
    /** Only a date is written in the file's name: the time of day is not known. */
    static final String TIME_FILE_NAME_DATE = "file name date";
    /**
     * In an imported file's details: it is its message's own original as received (an e-mail's .eml), not a file
     * sent with the message.
     */
    public static final String MESSAGE_ORIGINAL = "message_original";

    private final Vault vault;
    private final MediaInspector inspector;
    private final Clock clock;
    private final PrintRenditions renditions;

    public AttachmentService(Vault vault) {
        this(vault, new MediaInspector(), Clock.systemUTC());
    }

    public AttachmentService(Vault vault, MediaInspector inspector, Clock clock) {
        this.vault = vault;
        this.inspector = inspector;
        this.clock = clock;
        this.renditions = new PrintRenditions(vault, clock);
    }

    /**
     * Expands folders into the files inside them, in name order, and checks each can be read. A folder's walk
     * never follows a link out of it: such a link refuses the whole attach, naming it ({@link FolderFiles#walk}).
     */
    public static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try {
                    files.addAll(FolderFiles.walk(p));
                } catch (FolderFiles.LeavesFolderException e) {
                    throw VaultException.badInput("In the folder " + p + ", " + e.getMessage() + "; Casebook does not "
                            + "follow links out of a folder it adds. Nothing was added. To add that file, choose it "
                            + "itself.");
                } catch (IOException e) {
                    throw VaultException.badInput("Cannot read the folder " + p + ": " + e.getMessage());
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else if (!Files.exists(p)) {
                throw VaultException.badInput("No such file: " + p);
            } else {
                throw VaultException.badInput(p + " is not a regular file.");
            }
        }
        for (Path f : files) {
            if (!Files.isReadable(f)) {
                throw VaultException.badInput("Cannot read " + f + " (permission denied).");
            }
        }
        return files;
    }

    public List<Attachment> attach(long caseId, List<Path> paths, Long incidentId, Progress progress) {
        List<Path> files = expand(paths);
        long totalBytes = 0;
        for (Path f : files) {
            totalBytes += sizeOf(f);
        }
        long total = totalBytes;
        return vault.bulkWrite(c -> {
            Case aCase = CaseService.get(c, caseId);
            Incident incident = incidentId == null ? null : IncidentService.get(c, incidentId);
            if (incident != null && incident.caseId() != caseId) {
                throw VaultException.badInput("Incident " + incidentId + " belongs to another case.");
            }
            List<Attachment> out = new ArrayList<>();
            long[] before = {0};
            for (Path file : files) {
                progress.message(file.getFileName().toString());
                long base = before[0];
                Progress perFile = new Progress() {
                    @Override
                    public void update(long done, long ignored) {
                        progress.update(base + done, total);
                    }

                    @Override
                    public boolean isCancelled() {
                        return progress.isCancelled();
                    }
                };
                out.add(attachOne(c, aCase, file, incident, perFile));
                before[0] += sizeOf(file);
            }
            return out;
        });
    }

    private Attachment attachOne(Connection c, Case aCase, Path file, Incident incident, Progress progress)
            throws SQLException {
        BlobRef blob;
        long size = sizeOf(file);
        Instant modified;
        try (InputStream in = Files.newInputStream(file)) {
            modified = Files.getLastModifiedTime(file).toInstant();
            blob = vault.blobs().put(c, in, size, progress);
        } catch (IOException e) {
            throw VaultException.badInput("Cannot read " + file + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw VaultException.badInput("Cannot read " + file + ": " + e.getCause().getMessage());
        }
        MediaInfo media = inspector.inspect(file, blob.head());
        renditions.makeIfMissing(c, blob.id(), media.mediaType(), () -> Files.newInputStream(file));
        String name = file.getFileName().toString();
        Placement placement = place(aCase.zone(), media, name, incident, modified);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("time_source", placement.source());
        if (media.camera() != null) {
            extra.put("camera", media.camera());
        }
        if (media.captured() != null) {
            extra.put("exif_time", media.captured().toString()
                    + (media.capturedOffset() == null ? "" : media.capturedOffset().getId()));
        }
        ItemRow row = new ItemRow(aCase.id(), ItemKind.ATTACHMENT, media.mediaType(), placement.when(),
                clock.millis(), name, null, null, null, null, null, blob.id(), blob.sha256(), name,
                media.mediaType(), blob.size(), modified.toEpochMilli(), Json.write(extra), name,
                Stream.of(media.camera(), media.mediaType()).filter(Objects::nonNull)
                        .collect(Collectors.joining("\n")));
        long id;
        try (ItemInserter inserter = new ItemInserter(c)) {
            id = inserter.insert(row);
        }
        SearchIndex.addStored(c, id);
        if (incident != null) {
            link(c, id, incident.id());
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("sha256", blob.sha256());
        detail.put("size", blob.size());
        detail.put("file_name", name);
        detail.put("already_stored", !blob.stored());
        detail.put("state", ItemState.ofRow(row));
        vault.audit().append(c, "attached", "item:" + id, detail);
        return get(c, id);
    }

    private record Placement(When when, String source) {
    }

    /**
     * Where a file goes on the timeline: the camera's time, else the date its name gives (a letter saved as
     * "2021-01-31 Letter.pdf" is of that day, whenever it was copied or attached), else its diary entry's time,
     * else when the file was last modified.
     */
    private static Placement place(ZoneId caseZone, MediaInfo media, String name, Incident incident,
                                   Instant modified) {
        if (media.captured() != null) {
            ZonedDateTime at = media.capturedOffset() != null
                    ? media.captured().atOffset(media.capturedOffset()).atZoneSameInstant(caseZone)
                    : ZonedDateTime.ofLocal(media.captured(), caseZone, null);
            return new Placement(When.exactly(at), TIME_EXIF);
        }
        var named = FileNameDates.find(name);
        if (named.isPresent()) {
            ZonedDateTime at = ZonedDateTime.ofLocal(named.get().at(), caseZone, null);
            return named.get().dateOnly() ? new Placement(When.about(at), TIME_FILE_NAME_DATE)
                    : new Placement(When.exactly(at), TIME_FILE_NAME);
        }
        if (incident != null) {
            return new Placement(incident.when(), TIME_INCIDENT);
        }
        return new Placement(When.about(modified.atZone(caseZone)), TIME_FILE);
    }

    /**
     * Links an item to the incident it belongs to, or an imported file to the message it came with. What the link
     * means follows from the kind of item it points at (see {@link #get}).
     */
    public static void link(Connection c, long itemId, long incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR IGNORE INTO item_link(item_id, incident_id) VALUES (?, ?)")) {
            ps.setLong(1, itemId);
            ps.setLong(2, incidentId);
            ps.executeUpdate();
        }
    }

    /**
     * Streams an original out of the vault into {@code out} (a preview in memory, or an export the user
     * asked for). Never writes anything to disk itself.
     */
    public void copyOriginal(long id, java.io.OutputStream out) {
        vault.read(c -> {
            long blobId;
            try (PreparedStatement ps = c.prepareStatement("SELECT blob_id FROM item WHERE id = ? AND blob_id IS NOT NULL")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw VaultException.badInput("No attached file with id " + id + ".");
                    }
                    blobId = rs.getLong(1);
                }
            }
            try (InputStream in = vault.blobs().open(c, blobId)) {
                in.transferTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    public Attachment get(long id) {
        return vault.read(c -> get(c, id));
    }

    private static final String COLUMNS = """
            SELECT i.id, i.case_id, i.file_name, i.file_size, i.media_type, i.file_modified_utc, b.sha256,
                   i.at_utc, i.at_zone, i.approximate, i.extra, i.added_utc""";

    static Attachment get(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " FROM item i JOIN blob b ON b.id = i.blob_id"
                + " WHERE i.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw VaultException.badInput("No attached file with id " + id + ".");
                }
                Links links = links(c, id);
                return attachment(rs, links.incidents(), links.message());
            }
        }
    }

    /**
     * The files that came with the case's imported messages and calls, by the message's id, each message's in the
     * order the export lists them. One query for the whole case.
     */
    public Map<Long, List<Attachment>> ofMessages(long caseId) {
        return vault.read(c -> {
            Map<Long, List<Attachment>> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(COLUMNS + ", m.id"
                    + " FROM item i JOIN blob b ON b.id = i.blob_id JOIN item_link l ON l.item_id = i.id"
                    + " JOIN item m ON m.id = l.incident_id"
                    + " WHERE i.case_id = ? AND i.kind = ? AND m.kind IN (?, ?) ORDER BY m.id, i.id")) {
                ps.setLong(1, caseId);
                ps.setString(2, ItemKind.ATTACHMENT.code());
                ps.setString(3, ItemKind.MESSAGE.code());
                ps.setString(4, ItemKind.CALL.code());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long messageId = rs.getLong(13);
                        out.computeIfAbsent(messageId, k -> new ArrayList<>()).add(attachment(rs, null, messageId));
                    }
                }
            }
            // Files that came with a message are linked to no incident unless the user linked them as well.
            for (List<Attachment> files : out.values()) {
                for (int i = 0; i < files.size(); i++) {
                    Attachment a = files.get(i);
                    files.set(i, withIncidents(a, links(c, a.id()).incidents()));
                }
            }
            return out;
        });
    }

    private static Attachment withIncidents(Attachment a, List<Long> incidents) {
        return new Attachment(a.id(), a.caseId(), a.fileName(), a.size(), a.mediaType(), a.fileModified(),
                a.sha256(), a.when(), a.timeSource(), a.camera(), a.added(), incidents, a.messageId(),
                a.messageOriginal());
    }

    private static Attachment attachment(ResultSet rs, List<Long> incidents, Long messageId) throws SQLException {
        Map<String, Object> extra = Json.readObject(rs.getString(11));
        ZonedDateTime at = Instant.ofEpochMilli(rs.getLong(8)).atZone(ZoneId.of(rs.getString(9)));
        Long modified = Sql.nullableLong(rs, 6);
        return new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                modified == null ? null : Instant.ofEpochMilli(modified), rs.getString(7),
                new When(at, null, rs.getInt(10) != 0), (String) extra.get("time_source"), (String) extra.get("camera"),
                Instant.ofEpochMilli(rs.getLong(12)), incidents == null ? List.of() : incidents, messageId,
                Boolean.TRUE.equals(extra.get(MESSAGE_ORIGINAL)));
    }

    /** What an item is linked to: diary entries, or the imported message it came with (at most one). */
    private record Links(List<Long> incidents, Long message) {
    }

    /**
     * The links of an item, told apart by what they point at: {@code item_link} links a file to diary entries the
     * user chose and, for a file that came with an imported message, to that message.
     */
    private static Links links(Connection c, long itemId) throws SQLException {
        List<Long> incidents = new ArrayList<>();
        Long message = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT l.incident_id, t.kind FROM item_link l"
                + " JOIN item t ON t.id = l.incident_id WHERE l.item_id = ? ORDER BY l.incident_id")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ItemKind kind = ItemKind.fromCode(rs.getString(2));
                    if (kind == ItemKind.INCIDENT) {
                        incidents.add(rs.getLong(1));
                    } else if ((kind == ItemKind.MESSAGE || kind == ItemKind.CALL) && message == null) {
                        message = rs.getLong(1);
                    }
                }
            }
        }
        return new Links(incidents, message);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw VaultException.badInput("Cannot read " + file + ": " + e.getMessage());
        }
    }
}
