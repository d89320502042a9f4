package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.TimelineService;
import org.casebook.evidence.VerifyService;
import org.casebook.model.VerifyReport;
import org.casebook.testsupport.SmallDisk;
import org.casebook.testsupport.TestVaults;
import org.casebook.testsupport.TestWebServer;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up (a real, small file system) under the vault during attach, import and capture, and under the
 * destination of a bundle, an export and a backup: the command exits 2 with a message that names what could not be
 * written and says what to do, nothing half-written is left, and the vault is as it was and verifies.
 */
class DiskFullTest {
    static final String ADVICE = "the disk is full. Free some space on it (or choose a folder on a disk with"
            + " more room) and try again";

    @TempDir
    static Path shared;
    static Path template;

    @TempDir
    Path dir;

    @BeforeAll
    static void vaultWithARecording() throws IOException {
        template = vaultWithARecording(shared);
    }

    /** A vault in {@code folder} whose case holds a 3 MB recording, for the tests to copy. */
    static Path vaultWithARecording(Path folder) throws IOException {
        Path vault = folder.resolve("template.casebook");
        Path recording = folder.resolve("voicemail.m4a");
        TestVaults.writePattern(recording, 3 << 20, 5);
        try (Vault v = Vault.create(vault, Passphrase.of(CliTestSupport.PASSPHRASE))) {
            new CaseService(v).add("Disk full", "DF", ZoneOffset.UTC);
            new AttachmentService(v).attach(1, List.of(recording), null, Progress.NONE);
        }
        return vault;
    }

    @Test
    void attachingToAVaultOnAFullDiskSaysWhatToDoAndChangesNothing() throws IOException {
        Path big = dir.resolve("video.mp4");
        TestVaults.writePattern(big, 6 << 20, 7);
        onAFullDisk(vault -> cli("attach", "--vault", vault.toString(), "--case", "1", big.toString()));
    }

    @Test
    void importingIntoAVaultOnAFullDiskSaysWhatToDoAndChangesNothing() throws IOException {
        StringBuilder chat = new StringBuilder();
        for (int i = 0; i < 60_000; i++) {
            chat.append(String.format("%02d/04/24, %02d:%02d - Sam: where are you now, message %d%n", 1 + i % 28,
                    i / 60 % 24, i % 60, i));
        }
        Path export = Files.writeString(dir.resolve("WhatsApp Chat with Sam.txt"), chat.toString());
        onAFullDisk(vault -> cli("import", "--vault", vault.toString(), "--case", "1", "--format", "whatsapp",
                export.toString()));
    }

    @Test
    void capturingIntoAVaultOnAFullDiskSaysWhatToDoAndChangesNothing() throws IOException {
        try (TestWebServer site = TestWebServer.http()) {
            site.serve("/page.html", "text/html", "<html><body><h1>Posts</h1><img src=/big.png></body></html>");
            byte[] noise = new byte[4 << 20];
            new java.util.Random(3).nextBytes(noise);
            site.serve("/big.png", "image/png", noise);
            onAFullDisk(vault -> cli("capture", "--vault", vault.toString(), "--case", "1", site.url("/page.html")));
        }
    }

    @Test
    void aBundleOntoAFullDiskSaysWhatToDoAndLeavesNoPart() throws IOException {
        Path vault = Files.copy(template, dir.resolve("v.casebook"));
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("usb"), 4)) {
            disk.fillLeaving(256 << 10);
            Path out = disk.folder().resolve("bundle.pdf");
            CliTestSupport.Result r = cli("bundle", "--vault", vault.toString(), "--case", "1", "--out", out.toString());
            assertEquals(ExitCodes.BAD_INPUT, r.exit(), r::toString);
            assertEquals("casebook: Cannot write the bundle to " + out + ": " + ADVICE + ". No bundle was written.",
                    r.err().strip());
            assertEquals(List.of("filler"), TestVaults.listing(disk.folder()));
        }
        assertUnchanged(vault);
    }

    @Test
    void anExportOntoAFullDiskSaysWhatToDoAndLeavesNothing() throws IOException {
        Path vault = Files.copy(template, dir.resolve("v.casebook"));
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("usb"), 4)) {
            disk.fillLeaving(256 << 10);
            Path out = disk.folder().resolve("export");
            CliTestSupport.Result r = cli("export", "--vault", vault.toString(), "--case", "1", "--to", out.toString());
            assertEquals(ExitCodes.BAD_INPUT, r.exit(), r::toString);
            assertTrue(r.err().strip().startsWith("casebook: Cannot write the export ("), r::toString);
            assertTrue(r.err().strip().endsWith(ADVICE + ". No export was kept."), r::toString);
            assertEquals(List.of("filler"), TestVaults.listing(disk.folder()));
        }
        assertUnchanged(vault);
    }

    @Test
    void aBackupOntoAFullDiskNamesTheBackupNotTheVault() throws IOException {
        Path vault = Files.copy(template, dir.resolve("v.casebook"));
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("usb"), 4)) {
            disk.fillLeaving(256 << 10);
            Path out = disk.folder().resolve("backup.casebook");
            CliTestSupport.Result r = cli("backup", "--vault", vault.toString(), "--to", out.toString());
            assertEquals(ExitCodes.BAD_INPUT, r.exit(), r::toString);
            assertEquals("casebook: Cannot write the backup to " + out + ": " + ADVICE + ". The vault was not changed.",
                    r.err().strip());
            assertEquals(List.of("filler"), TestVaults.listing(disk.folder()));
        }
        assertUnchanged(vault);
    }

    /** Runs the command on a copy of the vault on a small disk filled to its last few hundred kilobytes. */
    private void onAFullDisk(java.util.function.Function<Path, CliTestSupport.Result> command) throws IOException {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("usb"), 8)) {
            Path vault = Files.copy(template, disk.folder().resolve("v.casebook"));
            disk.fillLeaving(512 << 10);
            CliTestSupport.Result r = command.apply(vault);
            assertEquals(ExitCodes.BAD_INPUT, r.exit(), r::toString);
            assertEquals("casebook: Cannot write to " + vault + ": " + ADVICE + ". Nothing was changed.",
                    r.err().lines().filter(l -> l.startsWith("casebook: Cannot")).findFirst().orElse(r.err()).strip(),
                    r::toString);
            assertTrue(r.err().lines().noneMatch(l -> l.contains("WARN")), r::toString);
            assertUnchanged(vault);
            assertEquals(List.of("filler", "v.casebook"), TestVaults.listing(disk.folder()));
        }
    }

    /** The vault holds just the case it was copied with, and verifies. */
    private static void assertUnchanged(Path vault) {
        try (Vault v = Vault.open(vault, Passphrase.of(CliTestSupport.PASSPHRASE))) {
            assertEquals(1, new TimelineService(v).timeline(1).size(), "nothing was added");
            VerifyReport report = new VerifyService(v).verify(Progress.NONE);
            assertTrue(report.intact(), report.problems().toString());
            assertEquals(List.of(), v.integrityCheck());
        }
    }
}
