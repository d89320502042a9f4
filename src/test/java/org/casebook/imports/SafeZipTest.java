package org.casebook.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.casebook.evidence.CaseService;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile zips are refused before anything in them is read, with a message naming the file and entry. */
class SafeZipTest {
    @TempDir
    Path dir;

    private Path zip(String name, String... entries) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (String entry : entries) {
                out.putNextEntry(new ZipEntry(entry));
                out.write(("content of " + entry).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return file;
    }

    private static String refusal(Path zip) {
        return assertThrows(ImportException.class, () -> SafeZip.open(zip).close()).getMessage();
    }

    @Test
    void refusesEntriesThatClimbOutOfTheFolder() throws IOException {
        String message = refusal(zip("climb.zip", "_chat.txt", "media/../../evil.sh"));
        assertTrue(message.startsWith("climb.zip, entry media/../../evil.sh"), message);
        assertTrue(message.contains(".."), message);
    }

    @Test
    void refusesAbsolutePaths() throws IOException {
        assertTrue(refusal(zip("abs.zip", "/etc/passwd")).contains("absolute path"));
        assertTrue(refusal(zip("drive.zip", "C:\\Windows\\evil.exe")).contains("absolute path"));
    }

    @Test
    void refusesSymbolicLinks() throws IOException {
        Path file = dir.resolve("link.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(file.toFile())) {
            ZipArchiveEntry link = new ZipArchiveEntry("photo.jpg");
            link.setUnixMode(UnixStat.LINK_FLAG | 0777);
            out.putArchiveEntry(link);
            out.write("/home/someone/.ssh/id_rsa".getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
        }
        assertTrue(refusal(file).contains("symbolic link"));
    }

    @Test
    void refusesDuplicateNamesIncludingUnicodeForms() throws IOException {
        Path file = zip("dupes.zip", "caf\u00e9.jpg", "cafe\u0301.jpg");
        assertTrue(refusal(file).contains("two files with this name"));
    }

    @Test
    void refusesAZipBombByItsCompressionRatio() throws IOException {
        Path file = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry("_chat.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertTrue(Files.size(file) < 200_000, "64 MB of zeros compress to almost nothing");
        assertTrue(refusal(file).contains("zip bomb"));
    }

    /**
     * Issue 10 item 9: 400 different 1 MiB entries (a zip of a few hundred KB) passed every per-entry check and
     * grew the vault by 429 MB. The archive as a whole is held to the ratio limit; the refusal names the zip and
     * the entry where the limit was reached, and nothing is written.
     */
    @Test
    void manySmallEntriesThatTogetherUnpackTooFarAreRefusedNamingTheEntry() throws IOException {
        Path file = manyCompressibleEntries("many.zip", 400);
        assertTrue(Files.size(file) < 1_000_000, "the zip is small: " + Files.size(file));
        String message = refusal(file);
        assertTrue(message.startsWith("many.zip, entry media/file-"), message);
        assertTrue(message.contains("zip bomb"), message);
        assertTrue(message.contains("200 to 1"), message);

        try (Vault vault = TestVaults.create(dir, "v.casebook")) {
            long caseId = new CaseService(vault).add("Zip case", "ZC", TestVaults.LONDON).id();
            ImportService service = new ImportService(vault, Importers.standard());
            long auditBefore = vault.read(c -> vault.audit().size(c));
            long sizeBefore = Files.size(dir.resolve("v.casebook"));
            ImportException e = assertThrows(ImportException.class,
                    () -> service.importFile(caseId, file, ImportOptions.defaults(), Progress.NONE));
            assertTrue(e.getMessage().startsWith("many.zip, entry media/file-"), e.getMessage());
            assertEquals(auditBefore, (long) vault.read(c -> vault.audit().size(c)));
            assertTrue(Files.size(dir.resolve("v.casebook")) - sizeBefore < 1_000_000, "nothing was stored");
        }
    }

    @Test
    void aFewWellCompressedEntriesStillOpen() throws IOException {
        // 8 MiB of very compressible data stays under the archive's floor: small text exports compress well
        try (SafeZip zip = SafeZip.open(manyCompressibleEntries("few.zip", 8))) {
            assertEquals(9, zip.names().size());
        }
    }

    /** A chat plus {@code count} different 1 MiB entries that each compress to about a kilobyte. */
    private Path manyCompressibleEntries(String name, int count) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.setLevel(9);
            out.putNextEntry(new ZipEntry("_chat.txt"));
            out.write("01/02/2024, 10:00 - Sam: hello\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < count; i++) {
                out.putNextEntry(new ZipEntry(String.format("media/file-%03d.bin", i)));
                byte[] id = ("unique entry " + i).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(id, 0, block, 0, id.length);
                out.write(block);
                out.closeEntry();
            }
        }
        return file;
    }

    @Test
    void anEntryThatUnpacksToMoreThanItDeclaresIsCutOff() throws IOException {
        // A hand-made entry whose header claims 10 bytes but whose data inflates to far more.
        Path file = dir.resolve("liar.zip");
        byte[] big = new byte[5 * 1024 * 1024];
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(file.toFile())) {
            ZipArchiveEntry entry = new ZipArchiveEntry("_chat.txt");
            out.putArchiveEntry(entry);
            out.write(big);
            out.closeArchiveEntry();
        }
        patchUncompressedSize(file, 10);
        try (SafeZip zip = SafeZip.open(file); InputStream in = zip.open("_chat.txt")) {
            ImportException e = assertThrows(ImportException.class, () -> in.transferTo(OutputStream.nullOutputStream()));
            assertTrue(e.getMessage().contains("more than it declares"), e.getMessage());
        }
    }

    @Test
    void ignoresMacResourceForksAndFindsEntriesByName() throws IOException {
        try (SafeZip zip = SafeZip.open(zip("mac.zip", "_chat.txt", "__MACOSX/._chat.txt", "media/IMG-1.jpg"))) {
            assertEquals(2, zip.names().size());
            assertEquals("media/IMG-1.jpg", zip.find("IMG-1.jpg"));
            assertNull(zip.find("IMG-2.jpg"));
        }
    }

    @Test
    void aHostileZipImportsNothing() throws IOException {
        Path hostile = zip("WhatsApp Chat - Sam.zip", "_chat.txt", "../../outside.jpg");
        try (Vault vault = TestVaults.create(dir, "v.casebook")) {
            long caseId = new CaseService(vault).add("Zip case", "ZC", TestVaults.LONDON).id();
            ImportService service = new ImportService(vault, Importers.standard());
            long auditBefore = vault.read(c -> vault.audit().size(c));
            ImportException e = assertThrows(ImportException.class,
                    () -> service.importFile(caseId, hostile, ImportOptions.defaults(), Progress.NONE));
            assertTrue(e.getMessage().contains("WhatsApp Chat - Sam.zip, entry ../../outside.jpg"), e.getMessage());
            assertEquals(auditBefore, (long) vault.read(c -> vault.audit().size(c)));
        }
        assertTrue(Files.notExists(dir.resolve("outside.jpg")) && Files.notExists(dir.getParent().resolve("outside.jpg")));
    }

    /** Rewrites the uncompressed size in the local header and the central directory of a one-entry zip. */
    private static void patchUncompressedSize(Path file, int size) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i + 4 <= bytes.length; i++) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4) {
                putInt(bytes, i + 22, size);
            } else if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2) {
                putInt(bytes, i + 24, size);
            }
        }
        Files.write(file, bytes);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
