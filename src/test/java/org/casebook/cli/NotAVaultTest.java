package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.casebook.testsupport.Images;
import org.casebook.testsupport.TestVaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * A file given as {@code --vault} that is not a Casebook vault is named for what it is, with exit 4 ("wrong
 * passphrase or not a Casebook vault"), not called a damaged vault; a file that may be a vault cut short is called
 * damaged (exit 3); and a vault-shaped file the passphrase does not open is a wrong passphrase (exit 4). None of
 * them is changed.
 */
class NotAVaultTest {
    @TempDir
    Path dir;

    @Test
    void aPhotoIsAPhoto() throws IOException {
        refused(Files.write(dir.resolve("IMG_2041.jpg"), Images.jpeg()), 4, "is a JPEG image, not a Casebook vault");
        refused(Files.write(dir.resolve("screenshot.png"), Images.png()), 4, "is a PNG image, not a Casebook vault");
    }

    @Test
    void aPhotoIsNamedBeforeAnyPassphraseIsAskedFor() throws IOException {
        Path photo = Files.write(dir.resolve("IMG_2042.jpg"), Images.jpeg());
        CliTestSupport.TypingTerminal terminal = new CliTestSupport.TypingTerminal("a passphrase typed for nothing");
        CliTestSupport.Result r = CliTestSupport.run(java.util.Map.of(), terminal, "", "case", "list", "--vault",
                photo.toString());
        assertEquals(4, r.exit(), r::toString);
        assertTrue(r.err().contains("is a JPEG image, not a Casebook vault"), r::toString);
        assertEquals(List.of(), terminal.prompts, "no passphrase is asked for a file that cannot be a vault");
    }

    @Test
    void aPhotoThatHappensToBeAWholeNumberOfPagesIsStillAPhoto() throws IOException {
        byte[] jpeg = Images.jpeg();
        byte[] padded = Arrays.copyOf(jpeg, 4096 * ((jpeg.length + 4095) / 4096));
        refused(Files.write(dir.resolve("photo.casebook"), padded), 4, "is a JPEG image, not a Casebook vault");
    }

    @Test
    void aPdfIsAPdf() throws IOException {
        Path pdf = dir.resolve("bundle.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(pdf.toFile());
        }
        refused(pdf, 4, "is a PDF document, not a Casebook vault");
    }

    @Test
    void aZipIsAnArchive() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("WhatsApp Chat with Sam.txt"));
            zip.write("12/01/2024, 21:15 - Sam: where are you\n".getBytes(StandardCharsets.UTF_8));
        }
        refused(Files.write(dir.resolve("WhatsApp Chat.zip"), bytes.toByteArray()), 4,
                "is a ZIP archive (such as a chat export, or a Word, Excel or OpenDocument file), not a Casebook vault");
    }

    @Test
    void aTextFileIsText() throws IOException {
        refused(Files.writeString(dir.resolve("notes.txt"), "Monday: he was outside the café again.\r\n"
                + "Tuesday: three calls, number withheld.\n", StandardCharsets.UTF_8), 4,
                "is a text file, not a Casebook vault");
    }

    @Test
    void anEmptyFileAndAPlainDatabaseAreNotVaults() throws Exception {
        refused(Files.createFile(dir.resolve("empty.casebook")), 4, "is empty (0 bytes): it is not a Casebook vault");
        Path plain = dir.resolve("contacts.db");
        try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite:" + plain);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(x)");
        }
        refused(plain, 4, "is an unencrypted SQLite database, not a Casebook vault");
    }

    @Test
    void anEncryptedLookingFileOfTheRightSizeIsAWrongPassphrase() throws IOException {
        byte[] random = new byte[8 * 4096];
        new Random(1).nextBytes(random);
        Path file = Files.write(dir.resolve("mine.casebook"), random);
        CliTestSupport.Result r = refused(file, 4, "Wrong passphrase or not a Casebook vault: " + file);
        assertTrue(r.err().strip().endsWith(file.toString()), r::toString);
    }

    @Test
    void anUnknownFileOfTheWrongSizeMayBeAVaultCutShort() throws IOException {
        Path vault = dir.resolve("cut.casebook");
        assertEquals(0, cli("init", "--vault", vault.toString()).exit());
        byte[] all = Files.readAllBytes(vault);
        Files.write(vault, Arrays.copyOf(all, all.length - 1000));
        refused(vault, 3, "is damaged, or is not a Casebook vault: its size (" + (all.length - 1000)
                + " bytes) is not a whole number of pages");
        byte[] random = new byte[10_001];
        new Random(2).nextBytes(random);
        refused(Files.write(dir.resolve("unknown.bin"), random), 3, "is damaged, or is not a Casebook vault");
    }

    /** Runs a vault command on {@code file}: the exit code and message are as expected, and nothing changed. */
    private CliTestSupport.Result refused(Path file, int exit, String message) throws IOException {
        List<String> before = TestVaults.listing(dir);
        String hash = TestVaults.sha256(file);
        CliTestSupport.Result r = cli("case", "list", "--vault", file.toString());
        assertEquals(exit, r.exit(), r::toString);
        assertTrue(r.err().startsWith("casebook: "), r::toString);
        assertTrue(r.err().contains(message), "expected \"" + message + "\" in:\n" + r);
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r);
        assertEquals(before, TestVaults.listing(dir), "no file is made or left beside it");
        assertEquals(hash, TestVaults.sha256(file), "the file is not changed");
        return r;
    }
}
