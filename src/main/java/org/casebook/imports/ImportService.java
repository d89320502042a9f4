package org.casebook.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
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
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.casebook.capture.PageRenderer;
import org.casebook.capture.SavedPageCapture;
import org.casebook.capture.archive.SavedPage;
import org.casebook.capture.archive.SavedPages;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.CaptureRecord;
import org.casebook.evidence.CaptureStore;
import org.casebook.evidence.BulkItemWriter;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.ItemRow;
import org.casebook.evidence.MediaInfo;
import org.casebook.evidence.MediaInspector;
import org.casebook.evidence.PrintRenditions;
import org.casebook.evidence.PersonService;
import org.casebook.evidence.Plural;
import org.casebook.evidence.SenderMatch;
import org.casebook.model.Case;
import org.casebook.model.ItemKind;
import org.casebook.model.When;
import org.casebook.vault.BlobRef;
import org.casebook.vault.Json;
import org.casebook.vault.Progress;
import org.casebook.vault.Sha256;
import org.casebook.vault.Sha256Writer;
import org.casebook.vault.Vault;

/**
 * Imports export files into a case. Originals first: the export file itself and every media file it
 * includes are stored and hashed. Each file imports completely, in one transaction, or not at all. Messages
 * already in the case (the same conversation, sender, time and raw text) are not added again, so importing
 * the same file twice adds nothing and a newer, overlapping export adds only what is new.
 *
 * <p>While a file imports, a second thread reads it and prepares each row (see {@code Run.Pipeline}); the
 * calling thread, which holds the transaction, does everything that touches the vault, in the file's order.
 */
public final class ImportService {
    private final Vault vault;
    private final Importers importers;
    private final MediaInspector inspector;
    private final PrintRenditions renditions;
    private final Clock clock;

    public ImportService(Vault vault, Importers importers) {
        this(vault, importers, new MediaInspector(), Clock.systemUTC());
    }

    public ImportService(Vault vault, Importers importers, MediaInspector inspector, Clock clock) {
        this.vault = vault;
        this.importers = importers;
        this.inspector = inspector;
        this.renditions = new PrintRenditions(vault, clock);
        this.clock = clock;
    }

    /** Detects the format of {@code file} (throws {@link ImportException} when it is not an export we read). */
    public ImportFormat detect(Path file) {
        if (isSavedPage(file, null)) {
            return ImportFormat.WEB;
        }
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
        if (isSavedPage(file, options.format())) {
            return new ImportSurvey(ImportFormat.WEB, importSavedPage(aCase, file, options.asDryRun(), zone, progress),
                    List.of(), List.of(), List.of(), null);
        }
        try (ExportFile export = ExportFile.open(file)) {
            Importer importer = options.format() == null ? importers.detect(export) : importers.get(options.format());
            ImportContext context = new ImportContext(options.dateOrder(), progress, options.columns());
            Counts counts = new Counts(zone);
            SenderTally senders = new SenderTally();
            List<ImportedMessage> sample = new ArrayList<>();
            List<String> sampleText = new ArrayList<>();
            AttachmentReading attachments = new AttachmentReading(export, context);
            read(importer, export, context, m -> {
                counts.count(m);
                attachments.readThrough(m);
                if (sample.size() < sampleSize) {
                    sample.add(m);
                    sampleText.add(DisplayText.of(importer.displayText(m)));
                }
                senders.count(m);
            });
            ImportOptions dry = options.asDryRun();
            List<ImportSurvey.SenderCount> counted = senders.counts(directory(aCase, options, false));
            return new ImportSurvey(importer.format(), counts.summary(export.name(), importer.format(), dry, context,
                    0, 0), counted, sample, sampleText, senders.guessMe(counted));
        }
    }

    public ImportSummary importFile(long caseId, Path file, ImportOptions options, Progress progress) {
        Case aCase = new CaseService(vault).get(caseId);
        ZoneId zone = options.zone() != null ? options.zone() : aCase.zone();
        if (isSavedPage(file, options.format())) {
            return importSavedPage(aCase, file, options, zone, progress);
        }
        try (ExportFile export = ExportFile.open(file)) {
            Importer importer = options.format() == null ? importers.detect(export) : importers.get(options.format());
            ImportContext context = new ImportContext(options.dateOrder(), progress, options.columns());
            if (options.dryRun()) {
                Counts counts = new Counts(zone);
                AttachmentReading attachments = new AttachmentReading(export, context);
                SenderDirectory senders = directory(aCase, options, false);
                read(importer, export, context, m -> {
                    counts.count(m);
                    attachments.readThrough(m); // as the import reads them, so both report the same
                    if (m.kind() != ImportedMessage.Kind.SYSTEM && counts.newSender()) {
                        senders.personFor(m.senderName(), m.senderAddress());
                    }
                });
                senders.requireEachOptionMatched(export.name());
                return counts.summary(export.name(), importer.format(), options, context, 0, 0);
            }
            return vault.bulkWrite(c -> new Run(c, aCase, export, importer, zone, options, context).execute());
        }
    }

    /**
     * Whether the file is read as a saved web page: asked for with {@code --format web}, or, detecting, a page no
     * message importer recognises (a Telegram HTML export or an e-mail stays with its importer).
     */
    private boolean isSavedPage(Path file, ImportFormat format) {
        if (format != null) {
            return format == ImportFormat.WEB;
        }
        if (SavedPages.detect(file).isEmpty()) {
            return false;
        }
        try (ExportFile export = ExportFile.open(file)) {
            return importers.recognising(export).isEmpty();
        } catch (ImportException e) {
            return true; // not an export (a WACZ is a zip no export check admits): read as the page it is
        }
    }

    /**
     * A saved web page stored as a capture, in one transaction: the saved file kept byte for byte, a WARC of what
     * it holds, the safe single-file copy, a screenshot when a renderer is installed, the text searchable. A file
     * the case already holds (the same SHA-256) adds nothing.
     */
    private ImportSummary importSavedPage(Case aCase, Path file, ImportOptions options, ZoneId zone,
                                          Progress progress) {
        String name = file.getFileName().toString();
        SavedPage page = SavedPages.read(file);
        byte[] original;
        try {
            original = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImportException(name + ": could not be read (" + e.getMessage() + ")", e);
        }
        CaptureStore store = new CaptureStore(vault, clock);
        String sha256 = Sha256.of(original);
        boolean already = store.holding(aCase.id(), sha256).isPresent();
        List<String> warnings = new ArrayList<>(page.warnings());
        long added = 0;
        if (already) {
            warnings.add(0, name + ": this saved page is already in the case (the same file); nothing was added.");
        } else if (!options.dryRun()) {
            progress.message(name);
            CaptureRecord capture = SavedPageCapture.of(page, original, PageRenderer.installed(), clock.instant());
            store.store(aCase.id(), List.of(capture), false, progress);
            warnings = capture.warnings();
            added = 1;
        }
        String time = page.savedAt() == null ? null : LocalDateTime.ofInstant(page.savedAt(), zone).toString();
        return new ImportSummary(name, ImportFormat.WEB, 0, 0, 0, 0, page.resources().size(), 0, 0, 0, time, time,
                added, already ? 1 : 0, 0, zone.getId(), options.dateOrder(), options.dryRun(), warnings, 1,
                page.title().isBlank() ? null : page.title(), page.url(), sha256);
    }

    /** The case's people as senders are matched to them, with what the user said of who is who. */
    private SenderDirectory directory(Case aCase, ImportOptions options, boolean writing) {
        SenderMatch match = SenderMatch.forZone(aCase.zone());
        return new SenderDirectory(new PersonService(vault), aCase.id(), match,
                new SenderOptions(match, options.me(), options.perpetrators()), writing);
    }

    /**
     * Reads the export, turning I/O failures into a clear message that names the file. Every message passes
     * {@link MessageText#capped} on its way: nothing later holds more text of one message than it keeps. A record
     * the export holds twice reaches {@code sink} once (see {@link RepeatedRecords}). Every path (dry run, survey,
     * import) reads through here, and so do the importers' fuzz tests.
     */
    static void read(Importer importer, ExportFile export, ImportContext context, MessageSink sink) {
        try {
            MessageSink once = new RepeatedRecords(context, sink);
            importer.read(export, context, m -> once.accept(MessageText.capped(m, export.name(), context)));
            for (String refused : export.refusedReferences()) {
                context.warn(export.name() + ": " + refused + "; that file was not imported (Casebook reads only "
                        + "files inside the export's folder).");
            }
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
        private final AttachmentReading attachmentReading;
        private SenderDirectory senders;
        private BulkItemWriter writer;
        private long importId;
        /** When the import's items entered the vault: one time for all, as they are committed together. */
        private long importedUtc;
        private long added;
        private long duplicates;
        private long dstFlagged;
        /** Reader: places the export's wall-clock times, keeping its order at clock changes. */
        private final WallClock wallClock;
        private final String sourcePrefix;
        // reader
        private final Sha256Writer dedupeDigest = new Sha256Writer();
        private final StringBuilder json = new StringBuilder(256);
        private final BulkItemWriter.Preparer preparer = new BulkItemWriter.Preparer();
        private final Map<SenderKey, Long> senderIds = new HashMap<>();
        private final Map<String, Long> conversationIds = new HashMap<>();
        private LocalDateTime lastLocal;
        private String lastLocalText;
        private SenderKey lastSender;
        private Long lastSenderId;
        private String lastChannel;
        private String lastChannelType;
        private String lastConversationChannel;
        private String lastConversationKey;
        private Long lastConversationId;

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
            this.wallClock = new WallClock(zone);
            this.sourcePrefix = export.name() + " ";
            this.attachmentReading = new AttachmentReading(export, context);
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
            senders = directory(aCase, options, true);
            loadExistingKeys();
            writer = new BulkItemWriter(vault, c);
            new Pipeline().run();
            writer.flush(); // the items are linked below
            senders.requireEachOptionMatched(export.name());
            for (long[] link : links) {
                AttachmentService.link(c, link[0], link[1]);
            }
            if (dstFlagged > 0) {
                context.warn(Plural.of(dstFlagged, "local time falls", "local times fall") + " at a daylight-saving"
                        + " clock change in " + zone.getId() + " (an hour skipped or repeated); each is kept as written,"
                        + " placed in the export's order and marked on its message.");
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
            org.casebook.evidence.ExportMade made = org.casebook.evidence.Sql.recordsExportDates(c) ? exportMade() : null;
            if (made != null) {
                detail.put("export_made", Map.of("at", made.at().toString(), "basis", made.basis()));
            }
            writer.finish("messages-imported", detail);
            try (PreparedStatement ps = c.prepareStatement(made == null
                    ? "UPDATE import_run SET summary = ? WHERE id = ?"
                    : "UPDATE import_run SET summary = ?, made_utc = ?, made_basis = ? WHERE id = ?")) {
                ps.setString(1, Json.write(summary.toJson()));
                if (made != null) {
                    ps.setLong(2, made.at().toEpochMilli());
                    ps.setString(3, made.basis());
                }
                ps.setLong(made == null ? 2 : 4, importId);
                ps.executeUpdate();
            }
            vault.audit().append(c, "import-recorded", "import:" + importId, detail);
            return summary;
        }

        /*
         * Reading the export and the work per message that needs no database (the summary's counts, the dedupe
         * key, the JSON details, the display text, the row's state hash) run on a second thread while this
         * one, which holds the transaction, writes: see Pipeline. The fields marked "reader" above and the
         * methods marked "Reader" are the reading thread's only. New senders and conversations, and messages
         * with attachments (whose data may only be readable while the importer is at that message), are
         * handed to this thread while the reader waits, so the vault sees every step in the file's order.
         */

        /** Reader: one message from the importer. */
        private void accept(Pipeline pipeline, ImportedMessage m) {
            context.progress().checkCancelled();
            counts.count(m);
            String time = timeText(m.time());
            long key = dedupeKey(m, time);
            if (existing.contains(key)) {
                duplicates++;
                return;
            }
            Draft d = draft(m, key, time);
            StringBuilder files = null;
            for (AttachmentRef ref : m.attachments()) {
                if (ref.data() != null || ref.path() != null) {
                    pipeline.onWriter(() -> {
                        writeWithAttachments(d);
                        return null;
                    });
                    return;
                }
                if (files == null) {
                    files = new StringBuilder();
                }
                ExtraJson.attachment(files, ref.name(), null); // named in the export but not included in it
            }
            Long senderId = senderFor(pipeline, m);
            Long conversationId = conversationFor(pipeline, m);
            String extra = ExtraJson.message(json, files, d.dst(), m.durationSeconds(), d.localTime(),
                    d.originalOffset(), m.senderAddress(), m.senderName());
            pipeline.send(preparer.prepare(messageRow(d, senderId, conversationId, extra)));
        }

        /** What is stored for a message that does not depend on the database, worked out by the reader. */
        private record Draft(ImportedMessage m, long key, When when, String localTime, String dst,
                             String originalOffset, String searchable, String flags, ItemKind kind, String type,
                             String direction, String source) {
        }

        /** Reader: the message's columns and details that need no database. */
        private Draft draft(ImportedMessage m, long key, String time) {
            String localTime = null;
            String dst = null;
            String originalOffset = null;
            ZonedDateTime at;
            if (m.time().isLocal()) {
                WallClock.Reading reading = wallClock.read(m.conversation(), m.time().local());
                at = reading.at();
                dst = reading.change();
                if (dst != null) {
                    dstFlagged++;
                }
                // The clock time the export wrote is kept in the details only where the row's own local time
                // (at_local) differs from it or a clock change makes it matter: elsewhere it repeats at_local,
                // and on a million messages that is ~7% of what the import writes (and encrypts).
                if (dst != null || !at.toLocalDateTime().equals(m.time().local())) {
                    localTime = time;
                }
            } else {
                at = m.time().instant().atZone(zone);
                if (m.time().offset() != null) {
                    originalOffset = m.time().offset().getId();
                }
            }
            When when = when(m, at);
            String display = DisplayText.of(importer.displayText(m));
            String flags = flags(m.flags());
            if (m.kind() == ImportedMessage.Kind.SYSTEM) {
                flags = flags.isEmpty() ? "system" : "system," + flags;
            }
            ItemKind kind = m.kind() == ImportedMessage.Kind.CALL ? ItemKind.CALL : ItemKind.MESSAGE;
            return new Draft(m, key, when, localTime, dst, originalOffset,
                    display != null && !display.equals(m.raw()) ? display : null, flags.isEmpty() ? null : flags,
                    kind, channelType(m.channel()), DIRECTIONS[m.direction().ordinal()], sourcePrefix + m.source());
        }

        private ItemRow messageRow(Draft d, Long senderId, Long conversationId, String extra) {
            return new ItemRow(aCase.id(), d.kind(), d.type(), d.when(), importedUtc, d.m().raw(), null, null,
                    null, null, senderId, null, null, null, null, null, null, extra, d.source(), d.searchable(),
                    conversationId, d.direction(), d.flags(), importId, d.key());
        }

        /**
         * Writer: a message with attachments the export includes (or may include), each stored as an original
         * and added as an item of its own.
         */
        private void writeWithAttachments(Draft d) throws SQLException {
            ImportedMessage m = d.m();
            Long senderId = m.kind() == ImportedMessage.Kind.SYSTEM ? null
                    : senders.personFor(m.senderName(), m.senderAddress());
            Long conversationId = conversationId(m);
            List<StoredAttachment> stored = new ArrayList<>();
            StringBuilder files = new StringBuilder();
            for (AttachmentRef ref : m.attachments()) {
                AttachmentReading.Read<StoredAttachment> s = store(ref, m);
                ExtraJson.attachment(files, ref.name(), s.value() == null ? null : s.value().blob().sha256(),
                        s.outcome() == AttachmentReading.Outcome.UNREADABLE);
                if (s.value() != null) {
                    stored.add(s.value());
                }
            }
            String extra = ExtraJson.message(new StringBuilder(), files, d.dst(), m.durationSeconds(),
                    d.localTime(), d.originalOffset(), m.senderAddress(), m.senderName());
            long id = writer.add(messageRow(d, senderId, conversationId, extra));
            for (StoredAttachment s : stored) {
                long attachmentId = writer.add(new ItemRow(aCase.id(), ItemKind.ATTACHMENT, s.media().mediaType(),
                        d.when(), importedUtc, s.name(), null, null, null, null, senderId, s.blob().id(),
                        s.blob().sha256(), s.name(), s.media().mediaType(), s.blob().size(), null,
                        s.messageOriginal() ? MESSAGE_ORIGINAL_EXTRA : ATTACHMENT_EXTRA, d.source(),
                        s.media().mediaType(), conversationId, d.direction(), null, importId, null));
                links.add(new long[] {attachmentId, id});
            }
            added++;
        }

        /** Reader: the message's time as the dedupe key and the details write it (consecutive ones often share it). */
        private String timeText(MessageTime t) {
            if (t.isLocal()) {
                if (!t.local().equals(lastLocal)) {
                    lastLocal = t.local();
                    lastLocalText = t.local().toString();
                }
                return lastLocalText;
            }
            return t.instant().toString();
        }

        /** Reader: the sender's person, asking the writer for one not seen before in this file. */
        private Long senderFor(Pipeline pipeline, ImportedMessage m) {
            if (m.kind() == ImportedMessage.Kind.SYSTEM) {
                return null;
            }
            String name = m.senderName();
            String address = m.senderAddress();
            if (lastSender != null && Objects.equals(name, lastSender.name())
                    && Objects.equals(address, lastSender.address())) {
                return lastSenderId; // consecutive messages are often from the same sender
            }
            SenderKey k = new SenderKey(name, address);
            Long id;
            if (senderIds.containsKey(k)) {
                id = senderIds.get(k);
            } else {
                id = pipeline.onWriter(() -> senders.personFor(name, address));
                senderIds.put(k, id);
            }
            lastSender = k;
            lastSenderId = id;
            return id;
        }

        private record SenderKey(String name, String address) {
        }

        /** Reader: the conversation's id, asking the writer for one not seen before in this file. */
        private Long conversationFor(Pipeline pipeline, ImportedMessage m) {
            String channel = m.channel();
            String key = m.conversation() == null ? "" : m.conversation();
            if (lastConversationId != null && channel.equals(lastConversationChannel)
                    && key.equals(lastConversationKey)) {
                return lastConversationId;
            }
            String cacheKey = channel + "\u0000" + key;
            Long id = conversationIds.get(cacheKey);
            if (id == null) {
                id = pipeline.onWriter(() -> conversationId(m));
                conversationIds.put(cacheKey, id);
            }
            lastConversationChannel = channel;
            lastConversationKey = key;
            lastConversationId = id;
            return id;
        }

        /** The item type: the channel in lower case. */
        private String channelType(String channel) {
            if (!channel.equals(lastChannel)) {
                lastChannel = channel;
                lastChannelType = channel.toLowerCase(Locale.ROOT);
            }
            return lastChannelType;
        }

        /**
         * Runs the importer on a second thread (the reader), which hands this thread (the writer, holding the
         * transaction) prepared rows in chunks through a small bounded queue, so memory stays bounded, and
         * waits for it whenever a step needs the database. The reader is always finished when {@link #run}
         * returns or throws; a failure on either side stops both, and the transaction rolls back.
         */
        private final class Pipeline {
            private final BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(PIPELINE_CHUNKS);
            private volatile boolean aborted;
            /** Reader: the chunk being filled. */
            private Object[] chunk = new Object[PIPELINE_CHUNK];
            private int size;

            /** Writer: runs the import, writing what the reader prepares. */
            void run() throws SQLException {
                Thread reader = new Thread(this::read, "casebook-import-reader");
                reader.setDaemon(true);
                reader.start();
                boolean finished = false;
                try {
                    while (!finished) {
                        Object[] items = next(reader);
                        for (Object item : items) {
                            if (item == null) {
                                break;
                            } else if (item instanceof BulkItemWriter.PreparedRow row) {
                                writer.add(row);
                                added++;
                            } else if (item instanceof WriterTask<?> task) {
                                task.run();
                            } else if (item == END) {
                                finished = true;
                                break;
                            } else if (item instanceof Throwable failure) {
                                throw rethrow(failure);
                            }
                        }
                    }
                } finally {
                    if (!finished) {
                        aborted = true;
                        queue.clear();
                    }
                    awaitEnd(reader);
                }
            }

            /** Reader: the importer's whole run, ending with END or the failure that stopped it. */
            private void read() {
                Object last;
                try {
                    ImportService.read(importer, export, context, m -> {
                        if (aborted) {
                            throw new Aborted();
                        }
                        accept(this, m);
                    });
                    last = END;
                } catch (Aborted e) {
                    return; // the writer stopped first and reports why
                } catch (Throwable t) {
                    last = t;
                }
                try {
                    send(last);
                } catch (Aborted e) {
                    // the writer stopped meanwhile
                }
            }

            /** Reader: queues a prepared row (or END, or a failure), passing the chunk on when it is full. */
            void send(Object item) {
                chunk[size++] = item;
                if (size == chunk.length || !(item instanceof BulkItemWriter.PreparedRow)) {
                    Object[] full = chunk;
                    chunk = new Object[PIPELINE_CHUNK];
                    size = 0;
                    try {
                        while (!queue.offer(full, 50, TimeUnit.MILLISECONDS)) {
                            if (aborted) {
                                throw new Aborted();
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new Aborted();
                    }
                }
            }

            /** Reader: has the writer run {@code work} after everything sent so far, and waits for its result. */
            <T> T onWriter(WriterWork<T> work) {
                WriterTask<T> task = new WriterTask<>(work);
                send(task);
                try {
                    while (!task.done.await(50, TimeUnit.MILLISECONDS)) {
                        if (aborted) {
                            throw new Aborted();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Aborted();
                }
                if (task.failed) {
                    throw new Aborted(); // the writer reports the failure
                }
                return task.result;
            }

            /** Writer: the next chunk, waiting for the reader. */
            private Object[] next(Thread reader) {
                try {
                    while (true) {
                        Object[] items = queue.poll(50, TimeUnit.MILLISECONDS);
                        if (items != null) {
                            return items;
                        }
                        if (!reader.isAlive() && queue.isEmpty()) {
                            throw new IllegalStateException("the import's reading thread stopped unexpectedly");
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Progress.CancelledException();
                }
            }

            /** Writer: waits for the reader to finish (it does promptly once aborted). */
            private void awaitEnd(Thread reader) {
                boolean interrupted = false;
                while (reader.isAlive()) {
                    try {
                        reader.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                        aborted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }

            private RuntimeException rethrow(Throwable failure) {
                if (failure instanceof RuntimeException e) {
                    throw e;
                }
                if (failure instanceof Error e) {
                    throw e;
                }
                throw new IllegalStateException(failure);
            }
        }

        /** Work the reader hands to the writer, with its result. */
        private static final class WriterTask<T> {
            private final WriterWork<T> work;
            private final CountDownLatch done = new CountDownLatch(1);
            private T result;
            private boolean failed;

            WriterTask(WriterWork<T> work) {
                this.work = work;
            }

            void run() throws SQLException {
                boolean ok = false;
                try {
                    result = work.run();
                    ok = true;
                } finally {
                    failed = !ok;
                    done.countDown();
                }
            }
        }

        private record StoredAttachment(String name, BlobRef blob, MediaInfo media, boolean messageOriginal) {
        }

        /**
         * Writer: stores an attachment's bytes as an original, inside a savepoint so that bytes which fail
         * part-way (invalid base64 in an MMS) leave no chunk behind and the attachment is kept as unreadable.
         */
        private AttachmentReading.Read<StoredAttachment> store(AttachmentRef ref, ImportedMessage m)
                throws SQLException {
            String name = ref.name() == null ? "attachment" : ref.name();
            return attachmentReading.read(ref, m, (data, size) -> {
                Savepoint savepoint = c.setSavepoint();
                try (InputStream in = data.open()) {
                    BlobRef blob = vault.blobs().put(c, in, size, Progress.NONE);
                    MediaInfo media = inspector.inspect(name, blob.head(), data::open);
                    renditions.makeIfMissing(c, blob.id(), media.mediaType(), data::open);
                    c.releaseSavepoint(savepoint);
                    return new StoredAttachment(name, blob, media, ref.messageOriginal());
                } catch (IOException | RuntimeException e) {
                    c.rollback(savepoint);
                    throw e;
                }
            });
        }

        /** When it happened; a call that lasted ends that much later, so its length shows wherever times do. */
        private When when(ImportedMessage m, ZonedDateTime at) {
            Long seconds = m.durationSeconds();
            if (m.kind() == ImportedMessage.Kind.CALL && seconds != null && seconds > 0) {
                return new When(at, at.plusSeconds(seconds), false);
            }
            return When.exactly(at);
        }


        /** Writer: the conversation's id, adding the conversation when the case does not have it yet. */
        private Long conversationId(ImportedMessage m) throws SQLException {
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
        private long dedupeKey(ImportedMessage m, String time) {
            // SHA-256 of the UTF-8 of the fields joined with NUL, fed to the digest without joining them.
            Sha256Writer d = dedupeDigest;
            d.utf8(m.channel()).put(0).utf8(nz(m.conversation())).put(0).utf8(nz(m.senderName())).put(0)
                    .utf8(nz(m.senderAddress())).put(0).ascii(m.kind().name()).put(0).utf8(time).put(0)
                    .utf8(nz(m.raw()));
            long base = Sha256Writer.leadingLong(d.digest());
            if (seenInFile.add(base)) {
                return base;
            }
            int n = repeats.merge(base, 1, Integer::sum);
            return Sha256Writer.leadingLong(d.decimal(base).put('#').decimal(n).digest()); // of base + "#" + n
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

        /**
         * When the export says it was made: its own date field if the importer found one, else, for a zip, the
         * time of its newest file (an export app writes its chat or JSON last); null when it says nothing.
         */
        private org.casebook.evidence.ExportMade exportMade() {
            return context.exportMade().or(() -> export.isZip() ? export.zip().newestEntryTime(zone)
                    : java.util.Optional.empty()).orElse(null);
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
                importedUtc = clock.millis();
                ps.setLong(8, importedUtc);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static final int PIPELINE_CHUNK = 256;
    private static final int PIPELINE_CHUNKS = 8;
    /** Ends the reader's stream of work. */
    private static final Object END = new Object();

    /** Work the reader hands to the writer thread. */
    @FunctionalInterface
    private interface WriterWork<T> {
        T run() throws SQLException;
    }

    /** Stops the reader once the writer has failed (the writer reports why). */
    private static final class Aborted extends RuntimeException {
        Aborted() {
            super("import stopped", null, false, false);
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
        private String lastName;
        private String lastAddress;
        private boolean newSender;

        Counts(ZoneId zone) {
            this.zone = zone;
        }

        void count(ImportedMessage m) {
            switch (m.kind()) {
                case MESSAGE -> messages++;
                case CALL -> calls++;
                case SYSTEM -> system++;
            }
            newSender = false;
            if (m.kind() != ImportedMessage.Kind.SYSTEM && (m.senderName() != null || m.senderAddress() != null)
                    && !(Objects.equals(m.senderName(), lastName) && Objects.equals(m.senderAddress(), lastAddress))) {
                senders.add(nz(m.senderName()) + "\u0000" + nz(m.senderAddress()));
                lastName = m.senderName(); // consecutive messages are often from the same sender
                lastAddress = m.senderAddress();
                newSender = true;
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

        /** Whether the last record counted had a sender other than the one before it. */
        boolean newSender() {
            return newSender;
        }

        ImportSummary summary(String file, ImportFormat format, ImportOptions options, ImportContext context,
                              long added, long duplicates) {
            return new ImportSummary(file, format, messages, calls, system, senders.size(), attachments, missing,
                    omitted, deleted, first == null ? null : first.toString(), last == null ? null : last.toString(),
                    added, duplicates, context.repeatedRecords(), zone.getId(), options.dateOrder(), options.dryRun(), context.warnings(),
                    0, null, null, null);
        }
    }

    /** An attachment item's extra details: its time is its message's. */
    private static final String ATTACHMENT_EXTRA = Json.write(Map.of("time_source", "message"));
    /** A message's own original as received (an e-mail's .eml): told apart from the files sent with it. */
    private static final String MESSAGE_ORIGINAL_EXTRA = Json.write(Map.of("time_source", "message",
            AttachmentService.MESSAGE_ORIGINAL, true));
    private static final String[] DIRECTIONS = new String[ImportedMessage.Direction.values().length];
    private static final String[] FLAG_NAMES = new String[MessageFlag.values().length];

    static {
        for (ImportedMessage.Direction d : ImportedMessage.Direction.values()) {
            DIRECTIONS[d.ordinal()] = d == ImportedMessage.Direction.UNKNOWN ? null : d.name().toLowerCase(Locale.ROOT);
        }
        for (MessageFlag f : MessageFlag.values()) {
            FLAG_NAMES[f.ordinal()] = f.name().toLowerCase(Locale.ROOT);
        }
    }

    /** The flags in lower case, sorted, comma-separated; empty for none. */
    static String flags(Set<MessageFlag> flags) {
        if (flags.isEmpty()) {
            return "";
        }
        if (flags.size() == 1) {
            return FLAG_NAMES[flags.iterator().next().ordinal()];
        }
        return flags.stream().map(f -> FLAG_NAMES[f.ordinal()]).sorted().collect(Collectors.joining(","));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
