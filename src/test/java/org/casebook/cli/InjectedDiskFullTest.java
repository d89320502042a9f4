package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.casebook.evidence.TimelineService;
import org.casebook.evidence.VerifyService;
import org.casebook.model.VerifyReport;
import org.casebook.testsupport.TestVaults;
import org.casebook.testsupport.TestWebServer;
import org.casebook.vault.InjectedDiskFull;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DiskFullTest}'s cases for any user: where a small file system cannot be mounted (it needs root), the disk
 * fills up by injection ({@link InjectedDiskFull}): the vault's file stops growing midway through an attach, an
 * import or a capture (SQLite reports it as a full disk), and a bundle's or an export's file stops taking bytes as on
 * a full disk. Each command exits 2 with a message that names what could not be written and says what to do; nothing
 * half-written is left; the vault is as it was and verifies.
 */
class InjectedDiskFullTest {
    private static final String ADVICE = DiskFullTest.ADVICE;

    @TempDir
    static Path shared;
    static Path template;

    @TempDir
    Path dir;
    Path vault;

    @BeforeAll
    static void vaultWithARecording() throws IOException {
        template = DiskFullTest.vaultWithARecording(shared);
    }

    @BeforeEach
    void copyOfTheVault() throws IOException {
        vault = Files.copy(template, Files.createDirectory(dir.resolve("disk")).resolve("v.casebook"));
    }

    @Test
    void attachingWhenTheVaultsDiskFillsUpSaysWhatToDoAndChangesNothing() throws IOException {
        Path big = dir.resolve("video.mp4");
        TestVaults.writePattern(big, 6 << 20, 7);
        vaultFillsUp(() -> cli("attach", "--vault", vault.toString(), "--case", "1", big.toString()));
    }

    @Test
    void importingWhenTheVaultsDiskFillsUpSaysWhatToDoAndChangesNothing() throws IOException {
        StringBuilder chat = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            chat.append(String.format("%02d/04/24, %02d:%02d - Sam: where are you now, message %d%n", 1 + i % 28,
                    i / 60 % 24, i % 60, i));
        }
        Path export = Files.writeString(dir.resolve("WhatsApp Chat with Sam.txt"), chat.toString());
        vaultFillsUp(() -> cli("import", "--vault", vault.toString(), "--case", "1", "--format", "whatsapp",
                export.toString()));
    }

    @Test
    void capturingWhenTheVaultsDiskFillsUpSaysWhatToDoAndChangesNothing() throws IOException {
        try (TestWebServer site = TestWebServer.http()) {
            site.serve("/page.html", "text/html", "<html><body><h1>Posts</h1><img src=/big.png></body></html>");
            byte[] noise = new byte[4 << 20];
            new java.util.Random(3).nextBytes(noise);
            site.serve("/big.png", "image/png", noise);
            vaultFillsUp(() -> cli("capture", "--vault", vault.toString(), "--case", "1", site.url("/page.html")));
        }
    }

    @Test
    void aBundleWhoseDiskFillsUpSaysWhatToDoAndLeavesNoPart() throws IOException {
        Path out = Files.createDirectory(dir.resolve("usb")).resolve("bundle.pdf");
        CliTestSupport.Result r;
        try (InjectedDiskFull full = InjectedDiskFull.outputsAfterBytes(256 << 10)) {
            r = cli("bundle", "--vault", vault.toString(), "--case", "1", "--out", out.toString());
        }
        assertEquals(ExitCodes.BAD_INPUT, r.exit(), r::toString);
        assertEquals("casebook: Cannot write the bundle to " + out + ": " + ADVICE + ". No bundle was written.",
                r.err().strip());
        assertEquals(List.of(), TestVaults.listing(out.getParent()));
        assertUnchanged();
    }

    @Test
    void anExportWhoseDiskFillsUpSaysWhatToDoAndLeavesNothing() throws IOException {
        Path usb = Files.createDirectory(dir.resolve("usb"));
        Path out = usb.resolve("export");
        CliTestSupport.Result r;
        try (InjectedDiskFull full = InjectedDiskFull.outputsAfterBytes(256 << 10)) {
            r = cli("export", "--vault", vault.toString(), "--case", "1", "--to", out.toString());
        }
        assertEquals(ExitCodes.BAD_INPUT, r.exit(), r::toString);
        assertTrue(r.err().strip().startsWith("casebook: Cannot write the export ("), r::toString);
        assertTrue(r.err().strip().endsWith(ADVICE + ". No export was kept."), r::toString);
        assertEquals(List.of(), TestVaults.listing(usb));
        assertUnchanged();
    }

    /** Runs the command with the vault's file allowed to grow by a few pages only (its disk fills up midway). */
    private void vaultFillsUp(Supplier<CliTestSupport.Result> command) {
        CliTestSupport.Result r;
        try (InjectedDiskFull full = InjectedDiskFull.vaultAfterPages(64)) {
            r = command.get();
        }
        assertEquals(ExitCodes.BAD_INPUT, r.exit(), r::toString);
        assertEquals("casebook: Cannot write to " + vault + ": " + ADVICE + ". Nothing was changed.",
                r.err().lines().filter(l -> l.startsWith("casebook: Cannot")).findFirst().orElse(r.err()).strip(),
                r::toString);
        assertTrue(r.err().lines().noneMatch(l -> l.contains("WARN")), r::toString);
        assertEquals(List.of("v.casebook"), TestVaults.listing(vault.getParent()), "no journal left beside it");
        assertUnchanged();
    }

    /** The vault holds just the case it was copied with, and verifies. */
    private void assertUnchanged() {
        try (Vault v = Vault.open(vault, Passphrase.of(CliTestSupport.PASSPHRASE))) {
            assertEquals(1, new TimelineService(v).timeline(1).size(), "nothing was added");
            VerifyReport report = new VerifyService(v).verify(Progress.NONE);
            assertTrue(report.intact(), report.problems().toString());
            assertEquals(List.of(), v.integrityCheck());
        }
    }
}
