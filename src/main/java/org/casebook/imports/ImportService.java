package org.casebook.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.BulkItemWriter;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.ItemRow;
import org.casebook.evidence.MediaInfo;
import org.casebook.evidence.MediaInspector;
import org.casebook.evidence.PersonService;
import org.casebook.model.Case;
import org.casebook.model.ItemKind;
import org.casebook.model.When;
import org.casebook.vault.BlobRef;
import org.casebook.vault.Json;
import org.casebook.vault.Progress;
import org.casebook.vault.Sha256;
import org.casebook.vault.Vault;

/**
 * Imports export files into a case. Originals first: the export file itself and every media file it
 * includes are stored and hashed. Each file imports completely, in one transaction, or not at all. Messages
 * already in the case (the same conversation, sender, time and raw text) are not added again, so importing
 * the same file twice adds nothing and a newer, overlapping export adds only what is new.
 */
public final class ImportService {
    private final Vault vault;
    private final Importers importers;
    private final MediaInspector inspector;
    private final Clock clock;

    public ImportService(Vault vault, Importers importers) {
        this(vault, importers, new MediaInspector(), Clock.systemUTC());
    }

    public ImportService(Vault vault, Importers importers, MediaInspector inspector, Clock clock) {
        this.vault = vault;
        this.importers = importers;
        this.inspector = inspector;
        this.clock = clock;
    }

    /** Detects the format of {@code file} (throws {@link ImportException} when it is not an export we read). */
    public ImportFormat detect(Path file) {
        try (ExportFile export = ExportFile.open(file)) {
            return importers.detect(export).format();
        }
    }

    /**
     * Reads a file without writing anything: its format, the dry-run summary, the senders and the first
     * {@code sampleSize} records. Throws {@link AmbiguousDateOrderException} when the dates need the user.
     */
    public ImportSurvey survey(long caseId, Path file, ImportOptions options, int sampleSize, Progress progress) {
        Case aCase = new CaseService(vault).get(caseId);
        ZoneId zone = options.zone() != null ? options.zone() : aCase.zone();
        try (ExportFile export = ExportFile.open(file)) {
            Importer importer = options.format() == null ? importers.detect(export) : importers.get(options.format());
            ImportContext context = new ImportContext(options.dateOrder(), progress, options.columns());
            Counts counts = new Counts(zone);
            Map<String, long[]> senders = new LinkedHashMap<>();
            Map<String, String[]> senderNames = new HashMap<>();
            List<ImportedMessage> sample = new ArrayList<>();
            List<String> sampleText = new ArrayList<>();
            read(importer, export, context, m -> {
                counts.count(m);
                if (sample.size() < sampleSize) {
                    sample.add(m);
                    sampleText.add(DisplayText.of(importer.displayText(m)));
                }
                if (m.kind() != ImportedMessage.Kind.SYSTEM && (m.senderName() != null || m.senderAddress() != null)) {
                    String key = nz(m.senderName()) + "\u0000" + nz(m.senderAddress());
                    senders.computeIfAbsent(key, k -> new long[1])[0]++;
                    senderNames.putIfAbsent(key, new String[] {m.senderName(), m.senderAddress()});
                }
            });
            ImportOptions dry = new ImportOptions(options.format(), options.zone(), options.dateOrder(),
                    options.perpetrators(), true, options.columns());
            List<ImportSurvey.SenderCount> counted = senders.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                    .map(e -> new ImportSurvey.SenderCount(senderNames.get(e.getKey())[0],
                            senderNames.get(e.getKey())[1], e.getValue()[0]))
                    .toList();
            return new ImportSurvey(importer.format(), counts.summary(export.name(), importer.format(), dry, context,
                    0, 0), counted, sample, sampleText);
        }
    }

    public ImportSummary importFile(long caseId, Path file, ImportOptions options, Progress progress) {
        Case aCase = new CaseService(vault).get(caseId);
        ZoneId zone = options.zone() != null ? options.zone() : aCase.zone();
        try (ExportFile export = ExportFile.open(file)) {
            Importer importer = options.format() == null ? importers.detect(export) : importers.get(options.format());
            ImportContext context = new ImportContext(options.dateOrder(), progress, options.columns());
            if (options.dryRun()) {
                Counts counts = new Counts(zone);
                read(importer, export, context, counts::count);
                return counts.summary(export.name(), importer.format(), options, context, 0, 0);
            }
            return vault.write(c -> new Run(c, aCase, export, importer, zone, options, context).execute());
        }
    }

    /** Reads the export, turning I/O failures into a clear message that names the file. */
    private static void read(Importer importer, ExportFile export, ImportContext context, MessageSink sink) {
        try {
            importer.read(export, context, sink);
        } catch (IOException e) {
            throw new ImportException(export.name() + ": could not be read (" + e.getMessage() + ")", e);
        } catch (UncheckedIOException e) {
            throw new ImportException(export.name() + ": could not be read (" + e.getCause().getMessage() + ")", e);
        }
    }

    /** One file's import inside the write transaction. */
    private final class Run {
        private final Connection c;
        private final Case aCase;
        private final ExportFile export;
        private final Importer importer;
        private final ZoneId zone;
        private final ImportOptions options;
        private final ImportContext context;
        private final Counts counts;
        private final Map<String, Long> conversations = new HashMap<>();
        private final LongHashSet existing = new LongHashSet();
        private final LongHashSet seenInFile = new LongHashSet();
        private final Map<Long, Integer> repeats = new HashMap<>();
        private final List<long[]> links = new ArrayList<>();
        private final List<Map<String, String>> companions = new ArrayList<>();
        private SenderDirectory senders;
        private BulkItemWriter writer;
        private long importId;
        private long added;
        private long duplicates;
        private long dstFlagged;

        Run(Connection c, Case aCase, ExportFile export, Importer importer, ZoneId zone, ImportOptions options,
            ImportContext context) {
            this.c = c;
            this.aCase = aCase;
            this.export = export;
            this.importer = importer;
            this.zone = zone;
            this.options = options;
            this.context = context;
            this.counts = new Counts(zone);
        }

        ImportSummary execute() throws SQLException {
            BlobRef original = storeExportFile(export.path());
            try {
                for (Path companion : importer.companionFiles(export)) {
                    storeExportFile(companion);
                }
            } catch (IOException e) {
                throw new ImportException(export.name() + ": the files beside it could not be read ("
                        + e.getMessage() + ")", e);
            }
            importId = insertRun(original);
            senders = new SenderDirectory(new PersonService(vault), aCase.id(), options.perpetrators());
            loadExistingKeys();
            writer = new BulkItemWriter(vault, c);
            try {
                read(importer, export, context, this::accept);
            } catch (SqlFailure e) {
                throw e.getCause();
            }
            for (long[] link : links) {
                AttachmentService.link(c, link[0], link[1]);
            }
            if (dstFlagged > 0) {
                context.warn(dstFlagged + " local times fall in a daylight-saving change in " + zone.getId()
                        + " (skipped or repeated hour); they are marked on each message.");
            }
            ImportSummary summary = counts.summary(export.name(), importer.format(), options, context, added,
                    duplicates);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("import_id", importId);
            detail.put("file", export.name());
            detail.put("format", importer.format().code());
            detail.put("sha256", original.sha256());
            detail.put("timezone", zone.getId());
            if (!companions.isEmpty()) {
                detail.put("also_read", companions);
            }
            writer.finish("messages-imported", detail);
            try (PreparedStatement ps = c.prepareStatement("UPDATE import_run SET summary = ? WHERE id = ?")) {
                ps.setString(1, Json.write(summary.toJson()));
                ps.setLong(2, importId);
                ps.executeUpdate();
            }
            vault.audit().append(c, "import-recorded", "import:" + importId, detail);
            return summary;
        }

        private void accept(ImportedMessage m) {
            context.progress().checkCancelled();
            counts.count(m);
            try {
                long key = dedupeKey(m);
                if (existing.contains(key)) {
                    duplicates++;
                    return;
                }
                write(m, key);
            } catch (SQLException e) {
                throw new SqlFailure(e);
            }
        }

        private void write(ImportedMessage m, long key) throws SQLException {
            When when = when(m);
            Long senderId = m.kind() == ImportedMessage.Kind.SYSTEM ? null : senders.personFor(m.senderName(),
                    m.senderAddress());
            Long conversationId = conversation(m);
            Map<String, Object> extra = new LinkedHashMap<>();
            if (m.senderName() != null) {
                extra.put("sender_name", m.senderName());
            }
            if (m.senderAddress() != null) {
                extra.put("sender_address", m.senderAddress());
            }
            if (m.time().isLocal()) {
                extra.put("local_time", m.time().local().toString());
                String dst = dstNote(m.time().local());
                if (dst != null) {
                    extra.put("dst", dst);
                    dstFlagged++;
                }
            } else if (m.time().offset() != null) {
                extra.put("original_offset", m.time().offset().getId());
            }
            if (m.durationSeconds() != null) {
                extra.put("duration_seconds", m.durationSeconds());
            }
            List<Map<String, Object>> files = new ArrayList<>();
            List<StoredAttachment> stored = new ArrayList<>();
            for (AttachmentRef ref : m.attachments()) {
                StoredAttachment s = store(ref, when, m);
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("name", ref.name());
                f.put("present", s != null);
                if (s != null) {
                    f.put("sha256", s.blob().sha256());
                    stored.add(s);
                }
                files.add(f);
            }
            if (!files.isEmpty()) {
                extra.put("attachments", files);
            }
            String display = DisplayText.of(importer.displayText(m));
            String flags = m.flags().stream().map(f -> f.name().toLowerCase(Locale.ROOT)).sorted()
                    .collect(Collectors.joining(","));
            if (m.kind() == ImportedMessage.Kind.SYSTEM) {
                flags = flags.isEmpty() ? "system" : "system," + flags;
            }
            ItemKind kind = m.kind() == ImportedMessage.Kind.CALL ? ItemKind.CALL : ItemKind.MESSAGE;
            String direction = m.direction() == ImportedMessage.Direction.UNKNOWN ? null
                    : m.direction().name().toLowerCase(Locale.ROOT);
            long id = writer.add(new ItemRow(aCase.id(), kind, m.channel().toLowerCase(Locale.ROOT), when,
                    clock.millis(), m.raw(), null, null, null, null, senderId, null, null, null, null, null, null,
                    Json.write(extra), export.name() + " " + m.source(),
                    display != null && !display.equals(m.raw()) ? display : null, conversationId, direction,
                    flags.isEmpty() ? null : flags, importId, key));
            for (StoredAttachment s : stored) {
                long attachmentId = writer.add(new ItemRow(aCase.id(), ItemKind.ATTACHMENT, s.media().mediaType(),
                        when, clock.millis(), s.name(), null, null, null, null, senderId, s.blob().id(),
                        s.blob().sha256(), s.name(), s.media().mediaType(), s.blob().size(), null,
                        Json.write(Map.of("time_source", "message")), export.name() + " " + m.source(),
                        s.media().mediaType(), conversationId, direction, null, importId, null));
                links.add(new long[] {attachmentId, id});
            }
            added++;
        }

        private record StoredAttachment(String name, BlobRef blob, MediaInfo media) {
        }

        private StoredAttachment store(AttachmentRef ref, When when, ImportedMessage m) throws SQLException {
            AttachmentRef.EmbeddedData data = ref.data();
            long size = -1;
            if (data == null && ref.path() != null) {
                ExportFile.Media media = export.media(ref.path());
                if (media != null) {
                    data = media.data();
                    size = media.size();
                }
            }
            if (data == null) {
                return null;
            }
            try (InputStream in = data.open()) {
                BlobRef blob = vault.blobs().put(c, in, size, Progress.NONE);
                AttachmentRef.EmbeddedData again = data;
                MediaInfo media = inspector.inspect(ref.name() == null ? "attachment" : ref.name(), blob.head(),
                        again::open);
                return new StoredAttachment(ref.name() == null ? "attachment" : ref.name(), blob, media);
            } catch (IOException e) {
                throw new ImportException(export.name() + " " + m.source() + ": the attached file " + ref.name()
                        + " could not be read (" + e.getMessage() + ")", e);
            }
        }

        private When when(ImportedMessage m) {
            if (m.time().isLocal()) {
                return When.exactly(ZonedDateTime.ofLocal(m.time().local(), zone, null));
            }
            return When.exactly(m.time().instant().atZone(zone));
        }

        private String dstNote(LocalDateTime local) {
            int offsets = zone.getRules().getValidOffsets(local).size();
            return offsets == 0 ? "gap" : offsets > 1 ? "overlap" : null;
        }

        private Long conversation(ImportedMessage m) throws SQLException {
            String channel = m.channel();
            String key = m.conversation() == null ? "" : m.conversation();
            String cacheKey = channel + "\u0000" + key;
            Long id = conversations.get(cacheKey);
            if (id != null) {
                return id;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM conversation WHERE case_id = ? AND channel = ? AND key = ?")) {
                ps.setLong(1, aCase.id());
                ps.setString(2, channel);
                ps.setString(3, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        id = rs.getLong(1);
                    }
                }
            }
            if (id == null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO conversation(case_id, channel, key, title) VALUES (?,?,?,?)")) {
                    ps.setLong(1, aCase.id());
                    ps.setString(2, channel);
                    ps.setString(3, key);
                    ps.setString(4, m.conversationTitle());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            conversations.put(cacheKey, id);
            return id;
        }

        /**
         * The same conversation, sender, time and raw text give the same key; identical messages within one
         * file (two "ok" in the same minute) are told apart by their order.
         */
        private long dedupeKey(ImportedMessage m) {
            MessageDigest digest = Sha256.newDigest();
            String time = m.time().isLocal() ? m.time().local().toString() : m.time().instant().toString();
            String text = String.join("\u0000", m.channel(), nz(m.conversation()), nz(m.senderName()),
                    nz(m.senderAddress()), m.kind().name(), time, nz(m.raw()));
            long base = toLong(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
            if (seenInFile.add(base)) {
                return base;
            }
            int n = repeats.merge(base, 1, Integer::sum);
            return toLong(Sha256.newDigest().digest((base + "#" + n).getBytes(StandardCharsets.US_ASCII)));
        }

        private void loadExistingKeys() throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT dedupe_key FROM item WHERE case_id = ? AND dedupe_key IS NOT NULL")) {
                ps.setLong(1, aCase.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        existing.add(rs.getLong(1));
                    }
                }
            }
        }

        /** Keeps an export file byte for byte. Companion files are referenced from the import's audit entry. */
        private BlobRef storeExportFile(Path file) throws SQLException {
            try (InputStream in = Files.newInputStream(file)) {
                BlobRef blob = vault.blobs().put(c, in, Files.size(file), Progress.NONE);
                if (!file.equals(export.path())) {
                    companions.add(Map.of("file", file.getFileName().toString(), "sha256", blob.sha256()));
                }
                return blob;
            } catch (IOException e) {
                throw new ImportException(file.getFileName() + ": could not be read (" + e.getMessage() + ")", e);
            }
        }

        private long insertRun(BlobRef original) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO import_run(case_id, format, file_name, blob_id, zone, date_order, summary, imported_utc)
                    VALUES (?,?,?,?,?,?,?,?)""")) {
                ps.setLong(1, aCase.id());
                ps.setString(2, importer.format().code());
                ps.setString(3, export.name());
                ps.setLong(4, original.id());
                ps.setString(5, zone.getId());
                ps.setString(6, options.dateOrder() == null ? null : options.dateOrder().code());
                ps.setString(7, "{}");
                ps.setLong(8, clock.millis());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Carries an SQL failure out of the importer's sink, which cannot throw checked exceptions. */
    private static final class SqlFailure extends RuntimeException {
        SqlFailure(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    /** The figures of the summary, gathered as records stream past. */
    private static final class Counts {
        private final ZoneId zone;
        private long messages;
        private long calls;
        private long system;
        private long attachments;
        private long missing;
        private long omitted;
        private long deleted;
        private final Set<String> senders = new HashSet<>();
        private LocalDateTime first;
        private LocalDateTime last;

        Counts(ZoneId zone) {
            this.zone = zone;
        }

        void count(ImportedMessage m) {
            switch (m.kind()) {
                case MESSAGE -> messages++;
                case CALL -> calls++;
                case SYSTEM -> system++;
            }
            if (m.kind() != ImportedMessage.Kind.SYSTEM && (m.senderName() != null || m.senderAddress() != null)) {
                senders.add(nz(m.senderName()) + "\u0000" + nz(m.senderAddress()));
            }
            for (AttachmentRef a : m.attachments()) {
                attachments++;
                if (a.data() == null && a.path() == null) {
                    missing++;
                }
            }
            if (m.flags().contains(MessageFlag.OMITTED)) {
                omitted++;
            }
            if (m.flags().contains(MessageFlag.DELETED)) {
                deleted++;
            }
            LocalDateTime t = m.time().isLocal() ? m.time().local()
                    : LocalDateTime.ofInstant(m.time().instant(), zone);
            if (first == null || t.isBefore(first)) {
                first = t;
            }
            if (last == null || t.isAfter(last)) {
                last = t;
            }
        }

        ImportSummary summary(String file, ImportFormat format, ImportOptions options, ImportContext context,
                              long added, long duplicates) {
            return new ImportSummary(file, format, messages, calls, system, senders.size(), attachments, missing,
                    omitted, deleted, first == null ? null : first.toString(), last == null ? null : last.toString(),
                    added, duplicates, zone.getId(), options.dateOrder(), options.dryRun(), context.warnings());
        }
    }

    private static long toLong(byte[] digest) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (digest[i] & 0xff);
        }
        return v;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
