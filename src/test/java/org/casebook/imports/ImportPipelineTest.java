package org.casebook.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.PersonService;
import org.casebook.evidence.VerifyService;
import org.casebook.model.Case;
import org.casebook.model.VerifyReport;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Sha256;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import reads on one thread and writes on another: the same rows, in the same order, with the same
 * dedupe keys as before, and a failure or a cancel on either side still leaves nothing written and no thread
 * behind. An importer made up here feeds the records, so every case can be set up exactly.
 */
class ImportPipelineTest {
    @TempDir
    Path dir;
    private Vault vault;
    private Case aCase;
    private Path file;

    @BeforeEach
    void setUp() throws IOException {
        vault = TestVaults.create(dir, "v.casebook");
        aCase = new CaseService(vault).add("Pipeline case", "PC", ZoneId.of("Europe/London"));
        file = dir.resolve("export.txt");
        Files.writeString(file, "the export file itself\n");
    }

    @AfterEach
    void tearDown() {
        vault.close();
    }

    /** An importer that sends whatever the test's script sends. */
    private static Importers scripted(Consumer<MessageSink> script) {
        return new Importers(List.of(new Importer() {
            @Override
            public ImportFormat format() {
                return ImportFormat.CSV;
            }

            @Override
            public boolean recognises(ExportFile f) {
                return true;
            }

            @Override
            public void read(ExportFile f, ImportContext context, MessageSink sink) {
                script.accept(sink);
            }
        }));
    }

    private static ImportedMessage message(int i, String sender, String address, String raw,
                                           List<AttachmentRef> attachments) {
        return new ImportedMessage(ImportedMessage.Kind.MESSAGE, "chat " + (i / 700), "Chat", "WhatsApp", sender,
                address, ImportedMessage.Direction.UNKNOWN,
                MessageTime.local(LocalDateTime.of(2024, 3, 1, 9, 0).plusMinutes(i / 3)), raw, attachments,
                Set.of(), null, "line " + (i + 1));
    }

    private static ImportedMessage plain(int i) {
        String[] senders = {"Sam", "Alex", "Zoë 🌻", "Sam"};
        return message(i, senders[i % senders.length], i % 4 == 1 ? "+44 7700 900" + (100 + i % 4) : null,
                "message " + i + (i % 11 == 0 ? "\nsecond line \\ \u200Fשלום" : ""), List.of());
    }

    private ImportSummary run(Importers importers, Progress progress) {
        return new ImportService(vault, importers).importFile(aCase.id(), file, ImportOptions.defaults(), progress);
    }

    private long count(String sql) {
        return vault.read(c -> {
            try (var rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private record Snapshot(long items, long blobs, long audit, long people, long conversations) {
    }

    private Snapshot snapshot() {
        return new Snapshot(count("SELECT count(*) FROM item"), count("SELECT count(*) FROM blob"),
                vault.read(c -> vault.audit().size(c)), new PersonService(vault).list(aCase.id()).size(),
                count("SELECT count(*) FROM conversation"));
    }

    private static boolean readerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("casebook-import-reader") && t.isAlive());
    }

    /** The dedupe key as Casebook computed it before the import was split across two threads. */
    private static long legacyKey(ImportedMessage m) {
        String time = m.time().isLocal() ? m.time().local().toString() : m.time().instant().toString();
        String text = String.join("\u0000", m.channel(), nz(m.conversation()), nz(m.senderName()),
                nz(m.senderAddress()), m.kind().name(), time, nz(m.raw()));
        return toLong(Sha256.newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static long legacyRepeatKey(long base, int n) {
        return toLong(Sha256.newDigest().digest((base + "#" + n).getBytes(StandardCharsets.US_ASCII)));
    }

    private static long toLong(byte[] digest) {
        return java.nio.ByteBuffer.wrap(digest).getLong();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Test
    void dedupeKeysAreTheOnesEarlierVersionsStored() {
        List<ImportedMessage> messages = new ArrayList<>();
        messages.add(message(0, "Sam", null, "ok", List.of()));
        messages.add(message(0, "Sam", null, "ok", List.of())); // the same again: told apart by its order
        messages.add(message(0, "Sam", null, "ok", List.of()));
        messages.add(message(1, "Zoë 🌻", "+44 7700 900123", "naïve \uD83D lone surrogate \u0000 nul", List.of()));
        messages.add(new ImportedMessage(ImportedMessage.Kind.SYSTEM, null, null, "SMS", null, null,
                ImportedMessage.Direction.INCOMING, MessageTime.instant(Instant.ofEpochSecond(1_700_000_000L)),
                "Messages are end-to-end encrypted", List.of(), Set.of(), null, "offset 9"));
        messages.add(new ImportedMessage(ImportedMessage.Kind.CALL, "+447700900123", null, "Call", "Sam",
                "+447700900123", ImportedMessage.Direction.OUTGOING,
                MessageTime.withOffset(Instant.ofEpochSecond(1_700_000_100L), ZoneOffset.ofHours(2)), "", List.of(),
                Set.of(MessageFlag.MISSED), 42L, "offset 10"));
        run(scripted(sink -> messages.forEach(sink::accept)), Progress.NONE);

        Map<Long, Integer> repeats = new HashMap<>();
        List<Long> expected = new ArrayList<>();
        for (ImportedMessage m : messages) {
            long base = legacyKey(m);
            int n = repeats.merge(base, 1, Integer::sum) - 1;
            expected.add(n == 0 ? base : legacyRepeatKey(base, n));
        }
        List<Long> stored = vault.read(c -> {
            List<Long> keys = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT dedupe_key FROM item ORDER BY id")) {
                while (rs.next()) {
                    keys.add(rs.getLong(1));
                }
            }
            return keys;
        });
        assertEquals(expected, stored);
        ImportSummary again = run(scripted(sink -> messages.forEach(sink::accept)), Progress.NONE);
        assertEquals(0, again.added());
        assertEquals(messages.size(), again.duplicates());
    }

    @Test
    void manyMessagesAcrossSendersConversationsAndAttachmentsArriveInOrder() {
        int n = 5_000;
        List<String> shas = new ArrayList<>();
        AtomicInteger inCallback = new AtomicInteger();
        ImportSummary s = run(scripted(sink -> {
            for (int i = 0; i < n; i++) {
                if (i % 450 == 7) {
                    // embedded bytes that may only be read while the importer is at this message
                    byte[] bytes = ("picture " + i).getBytes(StandardCharsets.UTF_8);
                    shas.add(TestVaults.sha256OfBytes(bytes));
                    int at = i;
                    AttachmentRef.EmbeddedData data = () -> {
                        if (inCallback.get() != at) {
                            throw new IOException("read after the importer moved on");
                        }
                        return new ByteArrayInputStream(bytes);
                    };
                    inCallback.set(i);
                    sink.accept(message(i, "Sam", null, "look", List.of(new AttachmentRef("p" + i + ".jpg", null,
                            "image/jpeg", data), AttachmentRef.missing("gone.jpg"))));
                    inCallback.set(-1);
                } else if (i % 97 == 3) {
                    sink.accept(message(i, "Alex", null, "<Media omitted>",
                            List.of(AttachmentRef.missing("omitted"))));
                } else {
                    sink.accept(plain(i));
                }
            }
        }), Progress.NONE);
        assertEquals(n, s.messages());
        assertEquals(n, s.added());
        assertEquals(n + shas.size(), count("SELECT count(*) FROM item"));
        assertEquals(shas.size(), count("SELECT count(*) FROM item_link"));
        assertEquals(n / 700 + 1, count("SELECT count(*) FROM conversation"));
        for (String sha : shas) {
            assertTrue(vault.read(c -> vault.blobs().findId(c, sha)).isPresent(), sha);
        }
        List<String> texts = vault.read(c -> {
            List<String> out = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery(
                    "SELECT text, source FROM item WHERE kind = 'message' ORDER BY id")) {
                while (rs.next()) {
                    out.add(rs.getString(2));
                }
            }
            return out;
        });
        for (int i = 0; i < n; i++) {
            assertEquals("export.txt line " + (i + 1), texts.get(i));
        }
        // Text and details handed to SQLite as UTF-8 bytes are stored as text, not as blobs.
        assertEquals(0, count("SELECT count(*) FROM item WHERE typeof(text) NOT IN ('text', 'null')"
                + " OR typeof(extra) NOT IN ('text', 'null')"));
        // The clock time as written is not repeated in the details where at_local already says it.
        assertEquals(1, count("SELECT count(*) FROM item WHERE at_local = '2024-03-01T09:01' AND extra ="
                + " '{\"attachments\":[{\"name\":\"omitted\",\"present\":false}],\"sender_name\":\"Alex\"}'"));
        VerifyReport report = new VerifyService(vault).verify(Progress.NONE);
        assertTrue(report.intact(), report.problems().toString());
        assertFalse(readerThreadAlive());
    }

    @Test
    void aFailureWhileWritingLeavesNothingAndNoThread() {
        Snapshot before = snapshot();
        // Unreadable bytes in the export are not a write failure (the attachment is kept as unreadable); a failure
        // of the writing side itself is, and stops everything.
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(scripted(sink -> {
            for (int i = 0; i < 3_000; i++) {
                List<AttachmentRef> attachments = i == 2_500 ? List.of(new AttachmentRef("bad.jpg", null, null, () -> {
                    throw new IllegalStateException("disk went away");
                })) : List.of();
                sink.accept(message(i, "Sam", null, "m" + i, attachments));
            }
            throw new AssertionError("the reader was not stopped");
        }), Progress.NONE));
        assertTrue(e.getMessage().contains("disk went away"), e.getMessage());
        assertEquals(before, snapshot());
        assertFalse(readerThreadAlive());
    }

    @Test
    void aFailureWhileReadingIsThrownAsItWasAndLeavesNothing() {
        Snapshot before = snapshot();
        ImportException thrown = new ImportException("export.txt, line 2001: not a message");
        ImportException e = assertThrows(ImportException.class, () -> run(scripted(sink -> {
            for (int i = 0; i < 2_000; i++) {
                sink.accept(plain(i));
            }
            throw thrown;
        }), Progress.NONE));
        assertSame(thrown, e);
        assertEquals(before, snapshot());
        assertFalse(readerThreadAlive());
    }

    @Test
    void cancellingLeavesNothing() {
        Snapshot before = snapshot();
        AtomicInteger checks = new AtomicInteger();
        Progress cancelsLater = new Progress() {
            @Override
            public boolean isCancelled() {
                return checks.incrementAndGet() > 4_000;
            }
        };
        assertThrows(Progress.CancelledException.class, () -> run(scripted(sink -> {
            for (int i = 0; i < 10_000; i++) {
                sink.accept(plain(i));
            }
        }), cancelsLater));
        assertEquals(before, snapshot());
        assertFalse(readerThreadAlive());
    }

    @Test
    void sameRowsAsOneMessageAtATime() throws Exception {
        // The rows of one import, and the same messages imported one per import into a second case (where the
        // reader never runs ahead of the writer): every column but ids, times added and import ids matches.
        run(scripted(sink -> {
            for (int i = 0; i < 120; i++) {
                sink.accept(plain(i));
            }
        }), Progress.NONE);
        String columns = "kind, type, at_utc, at_zone, at_local, text, extra, source, searchable, direction, flags,"
                + " dedupe_key, (SELECT name FROM person p WHERE p.id = sender_id),"
                + " (SELECT key FROM conversation v WHERE v.id = conversation_id)";
        String all = vault.read(c -> {
            StringBuilder b = new StringBuilder();
            try (var rs = c.createStatement().executeQuery("SELECT " + columns + " FROM item ORDER BY id")) {
                while (rs.next()) {
                    for (int k = 1; k <= 14; k++) {
                        b.append(rs.getString(k)).append('|');
                    }
                    b.append('\n');
                }
            }
            return b.toString();
        });
        Case other = new CaseService(vault).add("One at a time", "OT", ZoneId.of("Europe/London"));
        for (int i = 0; i < 120; i++) {
            int at = i;
            new ImportService(vault, scripted(sink -> sink.accept(plain(at)))).importFile(other.id(), file,
                    ImportOptions.defaults(), Progress.NONE);
        }
        String one = vault.read(c -> {
            StringBuilder b = new StringBuilder();
            try (var ps = c.prepareStatement("SELECT " + columns + " FROM item WHERE case_id = ? ORDER BY id")) {
                ps.setLong(1, other.id());
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        for (int k = 1; k <= 14; k++) {
                            b.append(rs.getString(k)).append('|');
                        }
                        b.append('\n');
                    }
                }
            }
            return b.toString();
        });
        assertEquals(all, one);
    }
}
