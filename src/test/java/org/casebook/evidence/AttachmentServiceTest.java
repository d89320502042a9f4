package org.casebook.evidence;

import static org.casebook.testsupport.TestVaults.LONDON;
import static org.casebook.testsupport.TestVaults.draft;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.casebook.model.Attachment;
import org.casebook.model.AuditEntry;
import org.casebook.model.Case;
import org.casebook.model.Incident;
import org.casebook.model.IncidentType;
import org.casebook.model.ItemKind;
import org.casebook.model.TimelineItem;
import org.casebook.testsupport.Counts;
import org.casebook.testsupport.Images;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.BlobStore;
import org.casebook.vault.Json;
import org.casebook.vault.Progress;
import org.casebook.vault.Sha256;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attaching originals: stored byte for byte, once per content, hashed in the same pass, placed on the
 * timeline at their capture time, and all-or-nothing per call. One vault is shared by the tests; each test
 * works in its own case.
 */
class AttachmentServiceTest {
    private static final String EMPTY_SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @TempDir
    static Path vaultDir;
    static Vault vault;

    @TempDir
    Path files;
    Case aCase;
    AttachmentService attachments;
    static int caseNumber;

    @BeforeAll
    static void openVault() {
        vault = TestVaults.create(vaultDir, "attachments.casebook");
    }

    @AfterAll
    static void closeVault() {
        vault.close();
    }

    @BeforeEach
    void newCase() {
        aCase = new CaseService(vault).add("Case " + (++caseNumber), "AT", LONDON);
        attachments = new AttachmentService(vault);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = files.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private Attachment attachOne(Path p, Long incidentId) {
        List<Attachment> out = attachments.attach(aCase.id(), List.of(p), incidentId, Progress.NONE);
        assertEquals(1, out.size());
        return out.get(0);
    }

    private static byte[] readBack(String sha) throws IOException {
        long blobId = vault.read(c -> vault.blobs().findId(c, sha)).orElseThrow();
        return vault.read(c -> {
            try (InputStream in = vault.blobs().open(c, blobId)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static long chunksOf(String sha) {
        return vault.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM blob_chunk k JOIN blob b ON b.id = k.blob_id WHERE b.sha256 = ?")) {
                ps.setString(1, sha);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.getLong(1);
                }
            }
        });
    }

    // ---- blobs ---------------------------------------------------------------------------------------------

    @Test
    void identicalContentIsStoredOnceButGivesTwoItems() throws IOException {
        byte[] bytes = random(1_500_000, 1);
        Path first = write("a/photo.jpg", bytes);
        Path copy = write("b/renamed copy.jpg", bytes);
        long blobsBefore = Counts.rows(vault, "blob");
        long chunksBefore = Counts.rows(vault, "blob_chunk");

        Attachment a = attachOne(first, null);
        Attachment b = attachOne(copy, null);
        Attachment c = attachOne(first, null);

        assertEquals(Sha256.of(bytes), a.sha256(), "the hash is SHA-256 of the original bytes");
        assertEquals(a.sha256(), b.sha256());
        assertEquals(3, List.of(a.id(), b.id(), c.id()).stream().distinct().count(), "three items");
        assertEquals(blobsBefore + 1, Counts.rows(vault, "blob"), "one stored original");
        assertEquals(chunksBefore + 2, Counts.rows(vault, "blob_chunk"), "1.5 MB in 1 MiB chunks, once");
        assertEquals("renamed copy.jpg", b.fileName());
        assertEquals(bytes.length, b.size());

        List<AuditEntry> history = new ItemService(vault).history(b.id());
        assertEquals("attached", history.get(0).action());
        Map<String, Object> detail = Json.readObject(history.get(0).detail());
        assertEquals(Boolean.TRUE, detail.get("already_stored"));
        assertEquals(a.sha256(), detail.get("sha256"));
    }

    @Test
    void sameContentTwiceInOneCallIsAlsoStoredOnce() throws IOException {
        byte[] bytes = random(10_000, 2);
        long blobsBefore = Counts.rows(vault, "blob");
        List<Attachment> out = attachments.attach(aCase.id(),
                List.of(write("one.bin", bytes), write("two.bin", bytes)), null, Progress.NONE);
        assertEquals(2, out.size());
        assertEquals(blobsBefore + 1, Counts.rows(vault, "blob"));
    }

    @Test
    void storedBytesComeBackIdenticalAcrossChunkBoundaries() throws IOException {
        for (int size : new int[] {1, 4095, BlobStore.CHUNK_SIZE - 1, BlobStore.CHUNK_SIZE, BlobStore.CHUNK_SIZE + 1,
            2 * BlobStore.CHUNK_SIZE, 3 * BlobStore.CHUNK_SIZE + 12345}) {
            byte[] bytes = random(size, size);
            Attachment a = attachOne(write("f" + size + ".bin", bytes), null);
            assertEquals(Sha256.of(bytes), a.sha256());
            assertEquals(size, a.size());
            assertArrayEquals(bytes, readBack(a.sha256()), "size " + size);
            assertEquals((size + BlobStore.CHUNK_SIZE - 1) / BlobStore.CHUNK_SIZE, chunksOf(a.sha256()),
                    "no empty trailing chunk for size " + size);
            assertEquals(a.sha256(), vault.read(c -> vault.blobs().rehash(c,
                    vault.blobs().findId(c, a.sha256()).orElseThrow())));
        }
    }

    @Test
    void emptyFileCanBeAttachedAndExported() throws IOException {
        Attachment a = attachOne(write("empty.txt", new byte[0]), null);
        assertEquals(0, a.size());
        assertEquals(EMPTY_SHA, a.sha256());
        assertArrayEquals(new byte[0], readBack(EMPTY_SHA));
        Path out = files.resolve("export");
        new ExportService(vault).export(aCase.id(), out, List.of(a.id()), Progress.NONE);
        assertEquals(0, Files.size(out.resolve("empty.txt")));
        assertTrue(new VerifyService(vault).verify(Progress.NONE).intact());
    }

    @Test
    void attachmentKeepsNameSizeModifiedTimeAndType() throws IOException {
        Path p = write("statement.pdf", "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Instant modified = Instant.parse("2023-11-05T09:30:15.250Z");
        Files.setLastModifiedTime(p, FileTime.from(modified));
        Attachment a = attachOne(p, null);
        assertEquals("statement.pdf", a.fileName());
        assertEquals(Files.size(p), a.size());
        assertEquals(modified, a.fileModified());
        assertEquals("application/pdf", a.mediaType());
        assertEquals(aCase.id(), a.caseId());
        assertEquals(a, attachments.get(a.id()));
    }

    // ---- media types ---------------------------------------------------------------------------------------

    @Test
    void mediaTypesAreDetectedFromContent() throws IOException {
        assertEquals("application/pdf", attachOne(write("scan.bin",
                "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.US_ASCII)), null).mediaType());
        assertEquals("image/png", attachOne(write("screenshot.png", Images.png()), null).mediaType());
        assertEquals("image/jpeg", attachOne(write("photo.jpg", Images.jpeg()), null).mediaType());
        String text = attachOne(write("notes.txt", "He was outside again at 9pm.\n".getBytes(StandardCharsets.UTF_8)),
                null).mediaType();
        assertTrue(text.startsWith("text/plain"), text);
        String unknown = attachOne(write("blob.dat", random(5000, 9)), null).mediaType();
        assertEquals("application/octet-stream", unknown);
    }

    // ---- when it happened ----------------------------------------------------------------------------------

    @Test
    void exifCaptureTimeWithOffsetPlacesThePhotoInTheCaseZone() throws IOException {
        Path p = write("IMG_0001.jpg", Images.jpegWithExif("Acme", "Cam 9", "2024:03:01 21:15:30", "+01:00"));
        Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));
        Attachment a = attachOne(p, null);
        assertEquals("exif", a.timeSource());
        assertEquals("Acme Cam 9", a.camera());
        assertFalse(a.when().approximate());
        // 21:15:30 at +01:00 is 20:15:30 UTC, which is 20:15:30 in London in March (GMT)
        assertEquals(ZonedDateTime.of(2024, 3, 1, 20, 15, 30, 0, LONDON), a.when().at());
        assertEquals(LONDON, a.when().at().getZone());
        TimelineItem onTimeline = new TimelineService(vault).timeline(aCase.id()).get(0);
        assertEquals(a.id(), onTimeline.id());
        assertEquals(ItemKind.ATTACHMENT, onTimeline.kind());
        assertEquals(a.when().at().toInstant(), onTimeline.when().at().toInstant());
        assertEquals(a.sha256(), onTimeline.sha256());
    }

    @Test
    void exifCaptureTimeWithoutOffsetIsReadInTheCaseZone() throws IOException {
        ZoneId newYork = ZoneId.of("America/New_York");
        Case nyCase = new CaseService(vault).add("NY case " + caseNumber, "NY", newYork);
        Path p = write("IMG_0002.jpg", Images.jpegWithExif("Acme", "Acme Cam 9", "2024:03:01 21:15:30", null));
        Attachment a = attachments.attach(nyCase.id(), List.of(p), null, Progress.NONE).get(0);
        assertEquals("exif", a.timeSource());
        assertEquals("Acme Cam 9", a.camera(), "the make is not repeated when the model starts with it");
        assertEquals(ZonedDateTime.of(2024, 3, 1, 21, 15, 30, 0, newYork), a.when().at());
    }

    @Test
    void fileWithoutExifUsesItsModifiedTimeAndIsApproximate() throws IOException {
        Path p = write("screenshot.png", Images.png());
        Instant modified = Instant.parse("2024-02-10T18:45:00Z");
        Files.setLastModifiedTime(p, FileTime.from(modified));
        Attachment a = attachOne(p, null);
        assertEquals("file modified", a.timeSource());
        assertTrue(a.when().approximate());
        assertEquals(modified, a.when().at().toInstant());
        assertEquals(LONDON, a.when().at().getZone());
        assertNull(a.camera());
        assertTrue(new TimelineService(vault).timeline(aCase.id()).get(0).when().approximate());
    }

    @Test
    void fileWithoutExifAttachedToAnIncidentTakesTheIncidentsTime() throws IOException {
        ZonedDateTime when = ZonedDateTime.of(2024, 4, 2, 7, 5, 0, 0, LONDON);
        Incident incident = new IncidentService(vault).add(aCase.id(),
                draft(IncidentType.PROPERTY_DAMAGE, when, "Car tyres slashed"));
        Path p = write("tyres.png", Images.png());
        Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2024-06-01T00:00:00Z")));
        Attachment a = attachOne(p, incident.id());
        assertEquals("incident", a.timeSource());
        assertEquals(when, a.when().at());
        assertFalse(a.when().approximate());
        assertEquals(List.of(incident.id()), a.incidentIds());
    }

    @Test
    void exifTimeWinsOverTheIncidentsTimeButTheLinkIsKept() throws IOException {
        Incident incident = new IncidentService(vault).add(aCase.id(),
                draft(IncidentType.FOLLOWING, ZonedDateTime.of(2024, 3, 5, 12, 0, 0, 0, LONDON), "Followed"));
        Attachment a = attachOne(write("exif.jpg",
                Images.jpegWithExif("Acme", "Cam 9", "2024:03:01 21:15:30", null)), incident.id());
        assertEquals("exif", a.timeSource());
        assertEquals(ZonedDateTime.of(2024, 3, 1, 21, 15, 30, 0, LONDON), a.when().at());
        assertEquals(List.of(incident.id()), a.incidentIds());
    }

    @Test
    void unusableExifTimesAndBrokenMetadataFallBackToTheFileTime() throws IOException {
        Instant modified = Instant.parse("2024-02-10T18:45:00Z");
        List<byte[]> photos = List.of(
                Images.jpegWithExif("Acme", "Cam 9", "0000:00:00 00:00:00", null),
                Images.jpegWithExif("Acme", "Cam 9", "2024:13:45 99:99:99", "+99:99"),
                Images.jpegWithExif("Acme", "Cam 9", "", null),
                Images.jpegWithApp1("Exif\0\0MM\0*\0\0\0\u00ff garbage".getBytes(StandardCharsets.ISO_8859_1)),
                Images.jpegWithApp1(random(3000, 12)));
        for (int i = 0; i < photos.size(); i++) {
            Path p = write("odd" + i + ".jpg", photos.get(i));
            Files.setLastModifiedTime(p, FileTime.from(modified));
            Attachment a = attachOne(p, null);
            assertEquals("file modified", a.timeSource(), "photo " + i);
            assertEquals(modified, a.when().at().toInstant(), "photo " + i);
            assertTrue(a.when().approximate());
            assertEquals(Sha256.of(photos.get(i)), a.sha256(), "the original is kept byte for byte");
        }
    }

    @Test
    void incidentFromAnotherCaseIsRefusedAndNothingIsWritten() throws IOException {
        Case other = new CaseService(vault).add("Other " + caseNumber, "OT", LONDON);
        Incident foreign = new IncidentService(vault).add(other.id(),
                draft(IncidentType.CALL, ZonedDateTime.of(2024, 1, 1, 9, 0, 0, 0, LONDON), "Call"));
        Path p = write("x.bin", random(100, 3));
        Map<String, Long> before = Counts.of(vault);
        VaultException e = assertThrows(VaultException.class,
                () -> attachments.attach(aCase.id(), List.of(p), foreign.id(), Progress.NONE));
        assertEquals(VaultException.Kind.BAD_INPUT, e.kind());
        assertEquals(before, Counts.of(vault));
    }

    @Test
    void unknownCaseIsBadInput() throws IOException {
        Path p = write("x.bin", random(100, 4));
        Map<String, Long> before = Counts.of(vault);
        VaultException e = assertThrows(VaultException.class,
                () -> attachments.attach(987_654L, List.of(p), null, Progress.NONE));
        assertEquals(VaultException.Kind.BAD_INPUT, e.kind());
        assertEquals(before, Counts.of(vault));
    }

    // ---- all or nothing ------------------------------------------------------------------------------------

    @Test
    void goodFileFollowedByAMissingOneWritesNothing() throws IOException {
        Path good = write("good.bin", random(2_000_000, 5));
        Path missing = files.resolve("missing.bin");
        Map<String, Long> before = Counts.of(vault);
        String head = vault.read(c -> vault.audit().headHash(c));
        VaultException e = assertThrows(VaultException.class,
                () -> attachments.attach(aCase.id(), List.of(good, missing), null, Progress.NONE));
        assertEquals(VaultException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("missing.bin"), e.getMessage());
        assertEquals(before, Counts.of(vault), "no items, blobs or audit entries");
        assertEquals(head, vault.read(c -> vault.audit().headHash(c)));
        assertTrue(new TimelineService(vault).timeline(aCase.id()).isEmpty());
    }

    @Test
    void cancellingInTheMiddleOfAFileWritesNothing() throws IOException {
        Path big = write("video.mp4", random(3 * BlobStore.CHUNK_SIZE + 10, 6));
        Map<String, Long> before = Counts.of(vault);
        AtomicInteger updates = new AtomicInteger();
        Progress cancelAfterTwoChunks = new Progress() {
            @Override
            public void update(long done, long total) {
                updates.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return updates.get() >= 2;
            }
        };
        assertThrows(Progress.CancelledException.class,
                () -> attachments.attach(aCase.id(), List.of(big), null, cancelAfterTwoChunks));
        assertEquals(2, updates.get(), "cancelled at a chunk boundary, before the end");
        assertEquals(before, Counts.of(vault));
        assertTrue(new VerifyService(vault).verify(Progress.NONE).intact());
    }

    @Test
    void cancellingAfterTheFirstOfTwoFilesWritesNeitherOfThem() throws IOException {
        Path first = write("first.bin", random(1000, 7));
        Path second = write("second.bin", random(1000, 8));
        Map<String, Long> before = Counts.of(vault);
        List<String> messages = new ArrayList<>();
        Progress cancelOnSecond = new Progress() {
            @Override
            public void message(String text) {
                messages.add(text);
            }

            @Override
            public boolean isCancelled() {
                return messages.size() >= 2;
            }
        };
        assertThrows(Progress.CancelledException.class,
                () -> attachments.attach(aCase.id(), List.of(first, second), null, cancelOnSecond));
        assertEquals(List.of("first.bin", "second.bin"), messages);
        assertEquals(before, Counts.of(vault));
    }

    @Test
    void progressReportsBytesAcrossAllFiles() throws IOException {
        Path a = write("a.bin", random(BlobStore.CHUNK_SIZE + 5, 10));
        Path b = write("b.bin", random(100, 11));
        List<long[]> updates = new ArrayList<>();
        attachments.attach(aCase.id(), List.of(a, b), null, new Progress() {
            @Override
            public void update(long done, long total) {
                updates.add(new long[] {done, total});
            }
        });
        long total = BlobStore.CHUNK_SIZE + 105L;
        long[] last = updates.get(updates.size() - 1);
        assertEquals(total, last[0]);
        assertEquals(total, last[1]);
        for (int i = 1; i < updates.size(); i++) {
            assertTrue(updates.get(i)[0] >= updates.get(i - 1)[0], "progress never goes back");
        }
    }

    @Test
    void folderIsExpandedIntoItsFilesInNameOrder() throws IOException {
        write("folder/b.txt", "b".getBytes(StandardCharsets.UTF_8));
        write("folder/a.txt", "a".getBytes(StandardCharsets.UTF_8));
        write("folder/sub/c.txt", "c".getBytes(StandardCharsets.UTF_8));
        List<Attachment> out = attachments.attach(aCase.id(), List.of(files.resolve("folder")), null, Progress.NONE);
        assertEquals(List.of("a.txt", "b.txt", "c.txt"), out.stream().map(Attachment::fileName).toList());
    }
}
