package org.casebook.evidence;

import static org.casebook.testsupport.TestVaults.LONDON;
import static org.casebook.testsupport.TestVaults.draft;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.casebook.model.Attachment;
import org.casebook.model.Case;
import org.casebook.model.Incident;
import org.casebook.model.IncidentType;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Json;
import org.casebook.vault.Progress;
import org.casebook.vault.Sha256;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exporting originals byte for byte with a SHA256SUMS that {@code sha256sum -c} accepts and a manifest. */
class ExportServiceTest {
    @TempDir
    Path dir;
    Path src;
    Vault vault;
    Case aCase;
    Map<String, byte[]> contents = new HashMap<>();
    long minute;

    @BeforeEach
    void setUp() throws IOException {
        vault = TestVaults.create(dir, "export.casebook");
        aCase = new CaseService(vault).add("Export case", "EC", LONDON);
        src = Files.createDirectories(dir.resolve("src"));
    }

    @AfterEach
    void tearDown() {
        vault.close();
    }

    /** Writes a source file with unique content and a modified time one minute after the previous one. */
    private Path source(String relative, int size) throws IOException {
        Path p = src.resolve(relative);
        Files.createDirectories(p.getParent());
        byte[] bytes = new byte[size];
        new Random(relative.hashCode()).nextBytes(bytes);
        Files.write(p, bytes);
        Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60 * ++minute)));
        contents.put(relative, bytes);
        return p;
    }

    private List<Attachment> attach(Path... files) {
        return new AttachmentService(vault).attach(aCase.id(), List.of(files), null, Progress.NONE);
    }

    private static Map<String, String> readSums(Path folder) throws IOException {
        Map<String, String> sums = new HashMap<>();
        for (String line : Files.readAllLines(folder.resolve("SHA256SUMS"), StandardCharsets.UTF_8)) {
            assertTrue(line.matches("[0-9a-f]{64}  [^/\\\\\\n]+"), "sha256sum format: " + line);
            String previous = sums.put(line.substring(66), line.substring(0, 64));
            assertEquals(null, previous, "each name once: " + line);
        }
        return sums;
    }

    /** Every file named in SHA256SUMS exists in the folder (and nowhere else) and has that hash. */
    private static void assertSumsHold(Path folder) throws IOException {
        Map<String, String> sums = readSums(folder);
        Set<String> present = new HashSet<>(TestVaults.listing(folder));
        assertEquals(present, union(sums.keySet(), Set.of("SHA256SUMS", "manifest.json")),
                "the folder holds exactly the listed files");
        for (Map.Entry<String, String> e : sums.entrySet()) {
            assertEquals(e.getValue(), TestVaults.sha256(folder.resolve(e.getKey())), e.getKey());
        }
        runSha256sumIfAvailable(folder);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }

    private static void runSha256sumIfAvailable(Path folder) throws IOException {
        boolean onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "sha256sum")));
        if (!onPath) {
            return;
        }
        Process p = new ProcessBuilder("sha256sum", "-c", "--strict", "SHA256SUMS").directory(folder.toFile())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        assertEquals(0, p.exitValue(), "sha256sum -c: " + output);
    }

    @Test
    void exportWritesOriginalsSumsAndManifest() throws IOException {
        List<Attachment> attached = attach(source("photo.jpg", 50_000), source("statement.pdf", 1_200_000),
                source("empty.txt", 0));
        Path out = dir.resolve("out");
        var result = new ExportService(vault).export(aCase.id(), out, List.of(), Progress.NONE);
        assertEquals(3, result.files());
        assertEquals(1_250_000, result.bytes());
        assertEquals(out.toAbsolutePath(), result.directory());
        for (String name : List.of("photo.jpg", "statement.pdf", "empty.txt")) {
            assertArrayEquals(contents.get(name), Files.readAllBytes(out.resolve(name)), name);
        }
        List<String> lines = Files.readAllLines(out.resolve("SHA256SUMS"));
        assertEquals(List.of(Sha256.of(contents.get("photo.jpg")) + "  photo.jpg",
                Sha256.of(contents.get("statement.pdf")) + "  statement.pdf",
                Sha256.of(contents.get("empty.txt")) + "  empty.txt"), lines, "in timeline order");
        assertSumsHold(out);

        JsonNode manifest = Json.MAPPER.readTree(out.resolve("manifest.json").toFile());
        assertEquals("Export case", manifest.get("case").get("title").asText());
        assertEquals("EC", manifest.get("case").get("initials").asText());
        assertEquals(vault.read(c -> vault.audit().headHash(c)), manifest.get("audit_head").asText());
        assertEquals(3, manifest.get("files").size());
        JsonNode first = manifest.get("files").get(0);
        assertEquals(attached.get(0).id(), first.get("id").asLong());
        assertEquals("photo.jpg", first.get("file").asText());
        assertEquals("photo.jpg", first.get("original_name").asText());
        assertEquals(attached.get(0).sha256(), first.get("sha256").asText());
        assertEquals(50_000, first.get("size").asLong());
        assertEquals("file modified", first.get("time_source").asText());
        assertTrue(first.get("approximate").asBoolean());
        assertTrue(first.get("happened_at").asText().startsWith("2024-01-01T00:01"), first.toString());
        assertFalse(Files.exists(dir.resolve(".out.exporting")), "no temporary folder is left");
    }

    @Test
    void exportRefusesANonEmptyFolderAndOtherBadTargets() throws IOException {
        attach(source("a.bin", 10));
        Path busy = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(busy.resolve("keep.txt"), "mine");
        VaultException e = assertThrows(VaultException.class,
                () -> new ExportService(vault).export(aCase.id(), busy, List.of(), Progress.NONE));
        assertEquals(VaultException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
        assertEquals(List.of("keep.txt"), TestVaults.listing(busy));

        Path aFile = Files.writeString(dir.resolve("a-file"), "x");
        assertEquals(VaultException.Kind.BAD_INPUT, assertThrows(VaultException.class,
                () -> new ExportService(vault).export(aCase.id(), aFile, List.of(), Progress.NONE)).kind());
        assertEquals(VaultException.Kind.BAD_INPUT, assertThrows(VaultException.class,
                () -> new ExportService(vault).export(aCase.id(), dir.resolve("no/such/out"), List.of(),
                        Progress.NONE)).kind());

        Path empty = Files.createDirectories(dir.resolve("empty"));
        new ExportService(vault).export(aCase.id(), empty, List.of(), Progress.NONE);
        assertSumsHold(empty);
    }

    @Test
    void aCaseWithoutFilesHasNothingToExport() {
        long emptyCase = new CaseService(vault).add("No files yet", "NF", TestVaults.LONDON).id();
        VaultException e = assertThrows(VaultException.class, () -> new ExportService(vault).export(emptyCase,
                dir.resolve("nothing"), List.of(), Progress.NONE));
        assertEquals(VaultException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("Nothing to export"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("nothing")), "no empty folder is left behind");
    }

    @Test
    void hostileStoredNamesStayInsideTheFolder() throws Exception {
        List<Attachment> attached = attach(source("one.bin", 100), source("two.bin", 100), source("three.bin", 100),
                source("four.bin", 100), source("five.bin", 100), source("six.bin", 100));
        String[] hostile = {"../../evil", ".hidden", "..", "/etc/passwd", "C:\\Windows\\evil.exe", "SHA256SUMS"};
        for (int i = 0; i < hostile.length; i++) {
            TestVaults.rawExecute(vault.file(), "UPDATE item SET file_name = '" + hostile[i].replace("'", "''")
                    + "' WHERE id = " + attached.get(i).id());
        }
        Path outer = Files.createDirectories(dir.resolve("outer"));
        Path out = outer.resolve("out");
        new ExportService(vault).export(aCase.id(), out, List.of(), Progress.NONE);

        assertEquals(List.of("out"), TestVaults.listing(outer), "nothing escaped into the parent folder");
        assertFalse(Files.exists(dir.resolve("evil")));
        List<String> names = TestVaults.listing(out);
        assertEquals(8, names.size(), names.toString());
        for (String name : names) {
            assertFalse(name.startsWith("."), "no hidden files: " + name);
            assertFalse(name.contains("/") || name.contains("\\"), name);
            assertEquals(out.toAbsolutePath(), out.resolve(name).toAbsolutePath().normalize().getParent());
        }
        assertSumsHold(out);
        Set<String> originals = new HashSet<>();
        contents.values().forEach(b -> originals.add(Sha256.of(b)));
        assertEquals(originals, new HashSet<>(readSums(out).values()), "every original, once each");
    }

    @Test
    void awkwardRealFileNamesProduceAValidSumsFile() throws IOException {
        attach(source("line\nbreak.txt", 10), source("back\\slash.txt", 11), source("SHA256SUMS", 12),
                source("manifest.json", 13), source(".dotfile", 14), source("  spaced  .txt", 15),
                source("ünïcødé 日本.txt", 16), source("tab\there.txt", 17), source("x/Photo.JPG", 18),
                source("y/photo.jpg", 19), source("sha256sums", 20));
        Path out = dir.resolve("out");
        new ExportService(vault).export(aCase.id(), out, List.of(), Progress.NONE);
        List<String> lower = TestVaults.listing(out).stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).toList();
        assertEquals(lower.size(), new HashSet<>(lower).size(), "names differ even ignoring case: " + lower);
        assertEquals(13, TestVaults.listing(out).size(), TestVaults.listing(out).toString());
        assertSumsHold(out);
        assertTrue(TestVaults.listing(out).contains("ünïcødé 日本.txt"));
    }

    @Test
    void sameNameTwiceAndANameThatLooksLikeTheRenameAreAllKept() throws IOException {
        // Three different files: a/photo.jpg, b/photo.jpg and one literally called "<id of the second>-photo.jpg",
        // exported first. Renaming the second photo.jpg must not overwrite it.
        long nextId = vault.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery(
                    "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'item'), 0)")) {
                return rs.getLong(1);
            }
        }) + 1;
        Path tricky = source("c/" + (nextId + 2) + "-photo.jpg", 300);
        Path first = source("a/photo.jpg", 301);
        Path second = source("b/photo.jpg", 302);
        List<Attachment> attached = attach(tricky, first, second);
        assertEquals(nextId + 2, attached.get(2).id(), "setup: ids are as predicted");
        Path out = dir.resolve("out");
        new ExportService(vault).export(aCase.id(), out, List.of(), Progress.NONE);
        assertEquals(5, TestVaults.listing(out).size(), TestVaults.listing(out).toString());
        assertSumsHold(out);
        Set<String> hashes = new HashSet<>(readSums(out).values());
        assertEquals(Set.of(attached.get(0).sha256(), attached.get(1).sha256(), attached.get(2).sha256()), hashes);
    }

    @Test
    void longNamesThatClashAreShortenedNotFatal() throws IOException {
        String longAscii = "x".repeat(251) + ".jpg"; // 255 bytes: the most Linux allows
        String longCjk = "証".repeat(80) + ".png"; // 244 bytes in UTF-8
        attach(source("a/" + longAscii, 10), source("b/" + longAscii, 11), source("c/" + longCjk, 12),
                source("d/" + longCjk, 13));
        Path out = dir.resolve("out");
        new ExportService(vault).export(aCase.id(), out, List.of(), Progress.NONE);
        List<String> names = TestVaults.listing(out);
        assertEquals(6, names.size(), names.toString());
        for (String name : names) {
            assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 255, name);
        }
        assertTrue(names.stream().filter(n -> n.endsWith(".jpg")).count() == 2, names.toString());
        assertSumsHold(out);
        JsonNode manifest = Json.MAPPER.readTree(out.resolve("manifest.json").toFile());
        assertEquals(longAscii, manifest.get("files").get(0).get("original_name").asText(),
                "the manifest keeps the original name");
    }

    @Test
    void exportOfChosenItemsAndOfAnIncidentsFiles() throws IOException {
        Incident incident = new IncidentService(vault).add(aCase.id(), draft(IncidentType.PROPERTY_DAMAGE,
                ZonedDateTime.of(2024, 2, 2, 2, 2, 0, 0, LONDON), "Window smashed"));
        List<Attachment> linked = new AttachmentService(vault).attach(aCase.id(),
                List.of(source("window1.jpg", 100), source("window2.jpg", 200)), incident.id(), Progress.NONE);
        Attachment loose = attach(source("loose.pdf", 300)).get(0);

        Path one = dir.resolve("one");
        assertEquals(1, new ExportService(vault).export(aCase.id(), one, List.of(loose.id()), Progress.NONE).files());
        assertEquals(Set.of("loose.pdf"), readSums(one).keySet());

        Path byIncident = dir.resolve("incident");
        assertEquals(2, new ExportService(vault).export(aCase.id(), byIncident, List.of(incident.id()),
                Progress.NONE).files());
        assertEquals(Set.of("window1.jpg", "window2.jpg"), readSums(byIncident).keySet());
        assertSumsHold(byIncident);
        assertEquals(linked.get(0).sha256(), readSums(byIncident).get("window1.jpg"));

        Incident bare = new IncidentService(vault).add(aCase.id(), draft(IncidentType.CALL,
                ZonedDateTime.of(2024, 2, 3, 2, 2, 0, 0, LONDON), "Call"));
        assertEquals(VaultException.Kind.BAD_INPUT, assertThrows(VaultException.class,
                () -> new ExportService(vault).export(aCase.id(), dir.resolve("bare"), List.of(bare.id()),
                        Progress.NONE)).kind());
        Case other = new CaseService(vault).add("Other", "OT", LONDON);
        assertEquals(VaultException.Kind.BAD_INPUT, assertThrows(VaultException.class,
                () -> new ExportService(vault).export(other.id(), dir.resolve("other"), List.of(loose.id()),
                        Progress.NONE)).kind());
        assertFalse(Files.exists(dir.resolve("bare")));
        assertFalse(Files.exists(dir.resolve("other")));
    }

    @Test
    void cancelledExportLeavesNoFolder() throws IOException {
        attach(source("a.bin", 10), source("b.bin", 10));
        Path out = dir.resolve("out");
        Progress cancel = new Progress() {
            int files;

            @Override
            public void message(String text) {
                files++;
            }

            @Override
            public boolean isCancelled() {
                return files >= 1;
            }
        };
        assertThrows(Progress.CancelledException.class,
                () -> new ExportService(vault).export(aCase.id(), out, List.of(), cancel));
        assertFalse(Files.exists(out));
        assertEquals(List.of("export.casebook", "export.casebook-shm", "export.casebook-wal", "src"),
                TestVaults.listing(dir));
    }
}
