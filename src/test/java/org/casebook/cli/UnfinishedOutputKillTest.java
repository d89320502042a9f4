package org.casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.casebook.Launcher;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.CaseService;
import org.casebook.testsupport.ChildJvm;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code casebook export} and {@code casebook bundle} killed with SIGKILL in a child JVM while they write decrypted
 * evidence beside their destination. The next command on the vault removes what they left, says so on standard
 * error, and afterwards no file under the folder holds the evidence in readable form. Finished exports and bundles
 * are readable by their owner only.
 */
class UnfinishedOutputKillTest {
    private static final long SIZE = 32L << 20;

    @TempDir
    static Path shared;
    static Path template;
    static String marker;

    @TempDir
    Path dir;
    Path vault;

    @BeforeAll
    static void vaultWithARecording() throws IOException {
        template = shared.resolve("template.casebook");
        marker = "CASEBOOK-PLAINTEXT-" + Long.toHexString(System.nanoTime());
        Path recording = shared.resolve("voicemail.m4a");
        writeMarked(recording);
        try (Vault v = Vault.create(template, Passphrase.of(CliTestSupport.PASSPHRASE))) {
            new CaseService(v).add("Kill during output", "KO", ZoneOffset.UTC);
            new AttachmentService(v).attach(1, List.of(recording), null, Progress.NONE);
        }
        Files.delete(recording);
    }

    @BeforeEach
    void copyOfTheVault() throws IOException {
        vault = Files.copy(template, dir.resolve("v.casebook"));
    }

    @Test
    void anExportKilledMidwayIsRemovedAtTheNextOpenAndTheUserIsTold() throws Exception {
        Path out = dir.resolve("export");
        Path unfinished = dir.resolve(".export.exporting");
        killWhenWriting(unfinished, "export", "--vault", vault.toString(), "--case", "1", "--to", out.toString());
        assertTrue(Files.isDirectory(unfinished), "setup: the kill left the unfinished export");
        assertFalse(Files.exists(out), "setup: the export was killed before it finished");

        CliTestSupport.Result next = CliTestSupport.cli("case", "list", "--vault", vault.toString());
        assertEquals(0, next.exit(), next::toString);
        assertEquals("casebook: Removed an unfinished export that an interrupted run of Casebook left behind: "
                + unfinished, next.err().strip(), next::toString);
        assertFalse(Files.exists(unfinished));
        assertNoPlaintextLeft();

        CliTestSupport.Result again = CliTestSupport.cli("case", "list", "--vault", vault.toString());
        assertEquals("", again.err(), "it is said once: " + again);
    }

    @Test
    void aBundleKilledWhileSavingIsRemovedAtTheNextOpenAndTheUserIsTold() throws Exception {
        Path out = dir.resolve("bundle.pdf");
        Optional<Path> unfinished = killWhenWriting(null, "bundle", "--vault", vault.toString(), "--case", "1",
                "--out", out.toString());
        assertTrue(unfinished.isPresent(), "setup: the kill left the unfinished bundle");
        assertFalse(Files.exists(out), "setup: the bundle was killed before it finished");

        CliTestSupport.Result next = CliTestSupport.cli("timeline", "--vault", vault.toString(), "--case", "1");
        assertEquals(0, next.exit(), next::toString);
        assertEquals("casebook: Removed an unfinished bundle that an interrupted run of Casebook left behind: "
                + unfinished.get(), next.err().strip(), next::toString);
        assertFalse(Files.exists(unfinished.get()));
        assertNoPlaintextLeft();
    }

    /**
     * PDFBox's scratch file (encrypted under a key that died with the process) outlived a bundle killed with
     * SIGKILL: the next start of Casebook, whatever it is asked to do, removes it.
     */
    @Test
    void aBundleKilledWhileBuildingLeavesNoScratchFileAfterTheNextStart() throws Exception {
        Path temp = Files.createDirectory(dir.resolve("tmp"));
        List<String> options = List.of("-Djava.io.tmpdir=" + temp);
        try (ChildJvm cli = ChildJvm.start(options, Launcher.class,
                Map.of("CASEBOOK_PASSPHRASE", CliTestSupport.PASSPHRASE), "bundle", "--vault", vault.toString(),
                "--case", "1", "--out", dir.resolve("bundle.pdf").toString())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (scratchIn(temp).stream().mapToLong(UnfinishedOutputKillTest::size).sum() < (1 << 20)) {
                assertTrue(cli.isAlive(), "the bundle ended before it could be killed: " + cli.output());
                assertTrue(System.nanoTime() < deadline, "no scratch file was written: " + cli.output());
                Thread.sleep(1);
            }
            cli.kill();
        }
        List<Path> left = scratchIn(temp);
        assertEquals(1, left.size(), "setup: the kill left the scratch: " + left);

        try (ChildJvm next = ChildJvm.start(options, Launcher.class, Map.of(), "--version")) {
            assertEquals(0, next.waitFor(Duration.ofSeconds(60)), next.output());
        }
        assertEquals(List.of(), scratchIn(temp), "the next start removed it");
    }

    /** PDFBox's scratch files in {@code temp} (the database driver unpacks its library there too). */
    private static List<Path> scratchIn(Path temp) {
        try (Stream<Path> files = Files.list(temp)) {
            return files.filter(p -> p.getFileName().toString().startsWith("casebook-scratch-")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A scratch file of a running Casebook is never taken from it by another one starting. */
    @Test
    void theNextStartLeavesARunningBundlesScratchFileAlone() throws Exception {
        Path temp = Files.createDirectory(dir.resolve("tmp"));
        org.casebook.bundle.scratch.EncryptedScratchCache running =
                new org.casebook.bundle.scratch.EncryptedScratchCache(0, temp);
        try (running) {
            org.apache.pdfbox.io.RandomAccess buffer = running.createBuffer();
            buffer.write(new byte[8192]);
            Path file = running.scratchFile().orElseThrow();
            try (ChildJvm next = ChildJvm.start(List.of("-Djava.io.tmpdir=" + temp), Launcher.class, Map.of(),
                    "--version")) {
                assertEquals(0, next.waitFor(Duration.ofSeconds(60)), next.output());
            }
            assertTrue(Files.exists(file), "a running bundle's scratch file is kept");
        }
    }

    @Test
    void finishedExportsAndBundlesAreReadableByTheirOwnerOnly() throws IOException {
        Path out = dir.resolve("export");
        assertEquals(0, CliTestSupport.cli("export", "--vault", vault.toString(), "--case", "1", "--to",
                out.toString()).exit());
        assertEquals("rwx------", permissions(out));
        try (Stream<Path> files = Files.list(out)) {
            List<Path> all = files.toList();
            assertEquals(3, all.size(), all.toString());
            for (Path f : all) {
                assertEquals("rw-------", permissions(f), f.toString());
            }
        }
        Path pdf = dir.resolve("bundle.pdf");
        Files.writeString(pdf, "an older bundle, readable by anyone");
        Files.setPosixFilePermissions(pdf, PosixFilePermissions.fromString("rw-r--r--"));
        CliTestSupport.Result bundle = CliTestSupport.cli("bundle", "--vault", vault.toString(), "--case", "1",
                "--out", pdf.toString());
        assertEquals(0, bundle.exit(), bundle::toString);
        assertEquals("rw-------", permissions(pdf), "a replaced bundle is private too");
        assertEquals(List.of("bundle.pdf", "export", "v.casebook"), org.casebook.testsupport.TestVaults.listing(dir));
    }

    /**
     * Runs the command line in a child JVM and kills it once it has written a megabyte of evidence beside its
     * destination: into {@code unfinished} if given, else into a hidden {@code .part} file. Returns that file.
     */
    private Optional<Path> killWhenWriting(Path unfinished, String... args) throws IOException, InterruptedException {
        try (ChildJvm cli = ChildJvm.start(Launcher.class, Map.of("CASEBOOK_PASSPHRASE", CliTestSupport.PASSPHRASE),
                args)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (true) {
                Optional<Path> part = unfinished != null ? largestIn(unfinished) : partFile();
                if (part.isPresent() && Files.size(part.get()) > (1 << 20)) {
                    cli.kill();
                    return unfinished != null ? Optional.of(unfinished) : part;
                }
                assertTrue(cli.isAlive(), "the command ended before it could be killed: " + cli.output());
                assertTrue(System.nanoTime() < deadline, "nothing was written: " + cli.output());
                Thread.sleep(1);
            }
        }
    }

    private Optional<Path> largestIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).max((a, b) -> Long.compare(size(a), size(b)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<Path> partFile() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).findFirst();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Every file under the test folder, read byte by byte: none holds the evidence's marker. */
    private void assertNoPlaintextLeft() throws IOException {
        byte[] needle = marker.getBytes(StandardCharsets.US_ASCII);
        List<Path> holding = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                if (contains(f, needle)) {
                    holding.add(f);
                }
            }
        }
        assertEquals(List.of(), holding, "files holding evidence in plain text");
        assertEquals(List.of("v.casebook"), org.casebook.testsupport.TestVaults.listing(dir));
    }

    private static boolean contains(Path file, byte[] needle) throws IOException {
        byte[] window = new byte[(1 << 16) + needle.length];
        int kept = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(window, kept, window.length - kept)) > 0) {
                int filled = kept + n;
                for (int i = 0; i + needle.length <= filled; i++) {
                    if (matches(window, i, needle)) {
                        return true;
                    }
                }
                kept = Math.min(needle.length - 1, filled);
                System.arraycopy(window, filled - kept, window, 0, kept);
            }
        }
        return false;
    }

    private static boolean matches(byte[] window, int at, byte[] needle) {
        for (int j = 0; j < needle.length; j++) {
            if (window[at + j] != needle[j]) {
                return false;
            }
        }
        return true;
    }

    /** Random bytes with the marker at the start of every 64 KiB. */
    private static void writeMarked(Path file) throws IOException {
        byte[] block = new byte[1 << 16];
        byte[] mark = marker.getBytes(StandardCharsets.US_ASCII);
        SplittableRandom random = new SplittableRandom(9);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < SIZE; written += block.length) {
                random.nextBytes(block);
                System.arraycopy(mark, 0, block, 0, mark.length);
                out.write(block);
            }
        }
    }

    private static String permissions(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
