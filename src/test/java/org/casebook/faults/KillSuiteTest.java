package org.casebook.faults;

import static org.casebook.testsupport.TestVaults.draft;
import static org.casebook.testsupport.TestVaults.pass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.IncidentService;
import org.casebook.evidence.TimelineService;
import org.casebook.evidence.VerifyService;
import org.casebook.model.IncidentType;
import org.casebook.model.VerifyReport;
import org.casebook.testsupport.ChildJvm;
import org.casebook.testsupport.TestVaults;
import org.casebook.testsupport.TestWebServer;
import org.casebook.vault.CommandInChildJvm;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite's kills: each operation that writes (import, attach, capture, passphrase change, bundle, export,
 * backup) runs as the real {@code casebook} command in a child JVM that is killed with SIGKILL, as a crash or a
 * power cut would stop it, at every named step it reaches (each commit, just before and just after; each step of a
 * passphrase change or a backup) and at seeded random moments while it runs. After every kill:
 * <ul>
 *   <li>a wrong passphrase is refused and changes no file;</li>
 *   <li>the vault opens (after a passphrase change, with exactly one of the two passphrases, and its audit log
 *       says which), SQLite finds every page intact and {@code verify} passes;</li>
 *   <li>the operation is all there or not at all: the case's timeline is as before it or as after it ran
 *       undisturbed, and its output file (bundle, export, backup) is either absent or complete and checked;</li>
 *   <li>nothing else is left beside the vault, and no file there or in the temp folder holds evidence in plain
 *       text.</li>
 * </ul>
 * The children start ahead of time, so a JVM's start-up overlaps the checks of the previous kill. Each test prints
 * the kill points it tried and survived.
 */
class KillSuiteTest {
    private static final String NEW = "a new passphrase nobody has seen yet";
    private static final String WRONG = "correct horse battery stable";
    private static final Duration WAIT = Duration.ofSeconds(120);
    /** The most named steps killed at per operation (spread evenly over what the operation reaches). */
    private static final int MAX_STEPS = 10;
    private static final Map<String, String> FIGURES = java.util.Collections.synchronizedMap(new TreeMap<>());

    @TempDir
    static Path root;
    static Path sources;
    static Path childTmp;
    static Path template;
    static Path nativeLibrary;
    static String marker;
    static TestWebServer site;
    static List<String> before;
    /** Time spent checking after kills, for the figures. */
    static final AtomicLong checkNanos = new AtomicLong();
    /**
     * Kill points run this many at a time, each in its own folder with its own child: a kill and its checks are
     * mostly one thread's work (a JVM starting, a key derived, a file hashed), so two lanes use both cores.
     */
    private static final int LANES = 2;
    /** Children started ahead of time, one per lane. */
    static final java.util.Deque<ChildJvm> ready = new java.util.ArrayDeque<>();

    @BeforeAll
    static void templateAndSources() throws IOException {
        marker = "FAULT-SUITE-PLAINTEXT-" + Long.toHexString(System.nanoTime());
        sources = Files.createDirectories(root.resolve("sources"));
        childTmp = Files.createDirectories(root.resolve("runs").resolve("tmp"));
        template = sources.resolve("template.casebook");
        Path recording = writeMarked(sources.resolve("voicemail.m4a"), 512 << 10);
        try (Vault v = Vault.create(template, pass())) {
            new CaseService(v).add("Fault suite", "FS", TestVaults.LONDON);
            IncidentService incidents = new IncidentService(v);
            for (int i = 0; i < 10; i++) {
                incidents.add(1, draft(IncidentType.THREAT, ZonedDateTime.of(2024, 3, 1, 21, i, 0, 0, ZoneOffset.UTC),
                        marker + " said he would come round, time " + i));
            }
            new AttachmentService(v).attach(1, List.of(recording), null, Progress.NONE);
            before = timelineOf(v);
        }
        StringBuilder chat = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            chat.append(String.format("%02d/04/24, %02d:%02d - Sam: %s message %d%n", 1 + i % 28, i / 60 % 24, i % 60,
                    marker, i));
        }
        Files.writeString(sources.resolve("WhatsApp Chat with Sam.txt"), chat.toString());
        writeMarked(sources.resolve("video.mp4"), 24 << 20);
        site = TestWebServer.http();
        site.serve("/page.html", "text/html; charset=utf-8", "<!doctype html><html><head><title>Posts</title>"
                + "<link rel=stylesheet href=/s.css></head><body><h1>" + marker + "</h1><p>She moved last month."
                + "</p><img src=/a.png></body></html>");
        site.serve("/s.css", "text/css", "h1 { color: #c00 }");
        site.serve("/a.png", "image/png", TestWebServer.png(200, 100, java.awt.Color.RED));
        // Each child would otherwise unpack the database's native library into its temp folder, and a killed child
        // leaves it there: unpacked once, the children load it from here.
        nativeLibrary = Files.createDirectories(root.resolve("native"));
        try (InputStream in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream("/org/sqlite/native/"
                + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + System.mapLibraryName("sqlitejdbc"))) {
            Files.copy(java.util.Objects.requireNonNull(in, "the driver's native library"),
                    nativeLibrary.resolve(System.mapLibraryName("sqlitejdbc")));
        }
        for (int i = 0; i < LANES; i++) {
            ready.add(startChild());
        }
    }

    @AfterAll
    static void stopAndReport() {
        ready.forEach(ChildJvm::close);
        if (site != null) {
            site.close();
        }
        FIGURES.forEach((op, figures) -> System.out.println("kill suite: " + op + ": " + figures));
    }

    @Test
    void importKilledAnywhere() throws Exception {
        run(new Operation("import", 14) {
            List<String> args(Path vault, Path dir) {
                return List.of("import", "--vault", vault.toString(), "--case", "1", "--format", "whatsapp",
                        sources.resolve("WhatsApp Chat with Sam.txt").toString());
            }
        });
    }

    @Test
    void attachKilledAnywhere() throws Exception {
        run(new Operation("attach", 14) {
            List<String> args(Path vault, Path dir) {
                return List.of("attach", "--vault", vault.toString(), "--case", "1",
                        sources.resolve("video.mp4").toString());
            }
        });
    }

    @Test
    void captureKilledAnywhere() throws Exception {
        run(new Operation("capture", 7) {
            List<String> args(Path vault, Path dir) {
                return List.of("capture", "--vault", vault.toString(), "--case", "1", site.url("/page.html"));
            }
        });
    }

    @Test
    void passphraseChangeKilledAnywhere() throws Exception {
        run(new Operation("passwd", 5) {
            List<String> args(Path vault, Path dir) {
                return List.of("passwd", "--vault", vault.toString());
            }
        });
    }

    @Test
    void bundleKilledAnywhere() throws Exception {
        run(new Operation("bundle", 10) {
            List<String> args(Path vault, Path dir) {
                return List.of("bundle", "--vault", vault.toString(), "--case", "1", "--out", output(dir).toString());
            }

            Path output(Path dir) {
                return dir.resolve("bundle.pdf");
            }

            void checkComplete(Path pdf) throws IOException {
                try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                    assertTrue(doc.getNumberOfPages() > 3, "a bundle left in place is whole");
                    assertTrue(doc.getSignatureDictionaries().size() == 1, "a bundle left in place is signed");
                }
            }
        });
    }

    @Test
    void exportKilledAnywhere() throws Exception {
        run(new Operation("export", 10) {
            List<String> args(Path vault, Path dir) {
                return List.of("export", "--vault", vault.toString(), "--case", "1", "--to", output(dir).toString());
            }

            Path output(Path dir) {
                return dir.resolve("export");
            }

            void checkComplete(Path folder) throws IOException {
                List<String> sums = Files.readAllLines(folder.resolve("SHA256SUMS"));
                assertTrue(!sums.isEmpty(), "an export left in place lists its files");
                for (String line : sums) {
                    String[] hashAndName = line.split(" [ *]", 2);
                    assertEquals(hashAndName[0], TestVaults.sha256(folder.resolve(hashAndName[1])), line);
                }
            }
        });
    }

    @Test
    void backupKilledAnywhere() throws Exception {
        run(new Operation("backup", 6) {
            List<String> args(Path vault, Path dir) {
                return List.of("backup", "--vault", vault.toString(), "--to", output(dir).toString());
            }

            Path output(Path dir) {
                return dir.resolve("backup.casebook");
            }

            void checkComplete(Path backup) {
                try (Vault copy = Vault.open(backup, pass())) {
                    assertEquals(before, timelineOf(copy), "a backup left in place holds the case");
                    VerifyReport report = new VerifyService(copy).verify(Progress.NONE);
                    assertTrue(report.intact(), "the backup verifies: " + report.problems());
                }
            }
        });
    }

    /** One command, killed at its named steps and at random moments. */
    private abstract static class Operation {
        final String name;
        final int randomKills;
        /** Written as a bulk write, in the rollback journal. */
        final boolean bulk;

        Operation(String name, int randomKills) {
            this.name = name;
            this.randomKills = randomKills;
            this.bulk = name.equals("import") || name.equals("attach");
        }

        abstract List<String> args(Path vault, Path dir);

        /** The file or folder the command makes beside the vault, or null. */
        Path output(Path dir) {
            return null;
        }

        /** Checks an output left in place is whole. */
        void checkComplete(Path output) throws IOException {
        }
    }

    private void run(Operation op) throws Exception {
        long opStarted = System.nanoTime();
        checkNanos.set(0);
        // Undisturbed: the steps it reaches, how long it takes, and what the case holds afterwards.
        Path cleanDir = freshDir(op, "undisturbed");
        List<String> steps = new ArrayList<>();
        long took;
        try (ChildJvm child = take()) {
            child.tell(command(0, op.args(cleanDir.resolve("vault.casebook"), cleanDir)));
            child.await("go"::equals, WAIT);
            long started = System.nanoTime();
            String line;
            while (!(line = child.await(l -> l.startsWith("at ") || l.startsWith("exit "), WAIT)).startsWith("exit ")) {
                steps.add(line);
            }
            took = System.nanoTime() - started;
            assertEquals("exit 0", line, child.output());
        }
        List<String> after = check(op, cleanDir, "undisturbed", true);
        assertTrue(!after.equals(before) || op.output(cleanDir) != null || op.name.equals("passwd"),
                "setup: " + op.name + " changed the case");

        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService lanes = Executors.newFixedThreadPool(LANES);
        try {
            int stepsTried = Math.min(MAX_STEPS, steps.size());
            List<Future<Boolean>> named = new ArrayList<>();
            for (int i = 0; i < stepsTried; i++) {
                int k = 1 + (int) ((long) i * steps.size() / stepsTried);
                String step = steps.get(k - 1);
                named.add(lanes.submit(() -> {
                    Path dir = freshDir(op, "step-" + k);
                    try (ChildJvm child = take()) {
                        child.tell(command(k, op.args(dir.resolve("vault.casebook"), dir)));
                        child.await(step::equals, WAIT);
                        child.kill();
                    }
                    collect(failures, op, dir, "killed " + step.substring(3), after);
                    return true;
                }));
            }
            SplittableRandom random = new SplittableRandom(op.name.hashCode());
            // A run that ends before its moment is checked too but is no kill point: try again, up to twice as often.
            int randomTried = 0;
            int finishedFirst = 0;
            int attempt = 0;
            while (randomTried < op.randomKills && attempt < 2 * op.randomKills) {
                List<Future<Boolean>> round = new ArrayList<>();
                for (int n = op.randomKills - randomTried; n > 0 && attempt < 2 * op.randomKills; n--, attempt++) {
                    long waitNanos = (long) (random.nextDouble() * 0.9 * took);
                    int i = attempt;
                    round.add(lanes.submit(() -> {
                        Path dir = freshDir(op, "random-" + i);
                        boolean killed;
                        try (ChildJvm child = take()) {
                            child.tell(command(0, op.args(dir.resolve("vault.casebook"), dir)));
                            child.await("go"::equals, WAIT);
                            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
                            killed = child.isAlive();
                            child.kill();
                        }
                        collect(failures, op, dir, "killed " + waitNanos / 1_000_000 + " ms into a run of "
                                + took / 1_000_000 + " ms", after);
                        return killed;
                    }));
                }
                for (Future<Boolean> f : round) {
                    if (f.get()) {
                        randomTried++;
                    } else {
                        finishedFirst++;
                    }
                }
            }
            for (Future<Boolean> f : named) {
                f.get();
            }
            int tried = stepsTried + randomTried;
            FIGURES.put(op.name, tried + " kill points tried (" + stepsTried + " at named steps of " + steps.size()
                    + ", " + randomTried + " at random moments; " + finishedFirst + " runs finished before their"
                    + " moment), " + (tried - failures.size()) + " survived; undisturbed run " + took / 1_000_000
                    + " ms; " + (System.nanoTime() - opStarted) / 1_000_000_000 + " s in all, "
                    + checkNanos.get() / 1_000_000_000 + " s of checks after the kills (" + LANES + " at a time)");
        } finally {
            lanes.shutdownNow();
        }
        assertEquals(List.of(), failures, op.name + ": " + FIGURES.get(op.name));
    }

    private void collect(List<String> failures, Operation op, Path dir, String when, List<String> after) {
        long started = System.nanoTime();
        try {
            List<String> found = check(op, dir, when, false);
            assertTrue(found.equals(before) || found.equals(after), when + ": the case is as before or as after "
                    + op.name + ", not between: " + found.size() + " items (before " + before.size() + ", after "
                    + after.size() + ")");
        } catch (AssertionError | RuntimeException | IOException e) {
            failures.add(op.name + " " + when + ": " + e);
        }
        checkNanos.addAndGet(System.nanoTime() - started);
    }

    /**
     * The checks after a kill (or an undisturbed run, which must leave its output whole); returns the case's
     * timeline.
     */
    private List<String> check(Operation op, Path dir, String when, boolean mustBeFinished) throws IOException {
        Path vault = dir.resolve("vault.casebook");
        Map<String, String> state = fileState(dir);
        VaultException wrong = org.junit.jupiter.api.Assertions.assertThrows(VaultException.class,
                () -> Vault.open(vault, Passphrase.of(WRONG)).close(), when + ": a wrong passphrase opened it");
        assertEquals(VaultException.Kind.NOT_UNLOCKED, wrong.kind(), when + ": " + wrong.getMessage());
        assertEquals(state, fileState(dir), when + ": a wrong passphrase changed a file");

        Vault opened = openOrNull(vault, pass());
        boolean newWorks = false;
        if (op.name.equals("passwd")) {
            Vault withNew = openOrNull(vault, Passphrase.of(NEW));
            boolean both = opened != null && withNew != null;
            if (both) {
                opened.close();
                withNew.close();
            }
            assertTrue(!both && (opened != null || withNew != null), when + ": exactly one passphrase opens it");
            if (mustBeFinished) {
                assertTrue(withNew != null, "the undisturbed change took");
            }
            if (withNew != null) {
                opened = withNew;
                newWorks = true;
            }
        }
        assertTrue(opened != null, when + ": the vault opens");
        List<String> timeline;
        try (Vault v = opened) {
            assertEquals(List.of(), v.integrityCheck(), when + ": every page intact");
            VerifyReport report = new VerifyService(v).verify(Progress.NONE);
            assertTrue(report.intact(), when + ": verify: " + report.problems());
            timeline = timelineOf(v);
            if (op.name.equals("passwd")) {
                boolean newKey = !v.read(c -> v.audit().all(c)).stream()
                        .filter(e -> e.action().equals("passphrase-changed")).toList().isEmpty();
                assertEquals(newWorks, newKey, when + ": the audit log says which passphrase works");
            }
            if (op.bulk) {
                assertEquals("wal", v.read(KillSuiteTest::journalMode), when + ": the vault is back in WAL mode");
            }
        }
        Path output = op.output(dir);
        List<String> expected = new ArrayList<>(List.of("vault.casebook"));
        if (output != null && Files.exists(output)) {
            op.checkComplete(output);
            expected.add(output.getFileName().toString());
        } else {
            assertTrue(!mustBeFinished || output == null, "the undisturbed run made its output");
        }
        assertEquals(expected.stream().sorted().toList(), TestVaults.listing(dir),
                when + ": nothing else is left beside the vault");
        List<Path> plain = new ArrayList<>();
        for (Path folder : List.of(dir, childTmp)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    boolean theOutput = output != null && f.startsWith(output);
                    if (!theOutput && contains(f, marker.getBytes(StandardCharsets.US_ASCII))) {
                        plain.add(f);
                    }
                }
            }
        }
        assertEquals(List.of(), plain, when + ": files holding evidence in plain text");
        return timeline;
    }

    private static String journalMode(java.sql.Connection c) throws java.sql.SQLException {
        try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private static Vault openOrNull(Path vault, Passphrase passphrase) {
        try {
            return Vault.open(vault, passphrase);
        } catch (VaultException e) {
            if (e.kind() == VaultException.Kind.NOT_UNLOCKED) {
                return null;
            }
            throw e;
        }
    }

    /** The next child, already started; another starts now for the one after. */
    private static ChildJvm take() {
        ChildJvm child;
        synchronized (ready) {
            child = ready.poll();
            ready.add(startChild());
        }
        child.await("ready"::equals, WAIT);
        return child;
    }

    private static ChildJvm startChild() {
        return ChildJvm.start(List.of("-Djava.io.tmpdir=" + childTmp, "-Dorg.sqlite.lib.path=" + nativeLibrary,
                "-Dorg.sqlite.lib.name=" + System.mapLibraryName("sqlitejdbc")), CommandInChildJvm.class,
                Map.of("CASEBOOK_PASSPHRASE", TestVaults.PASSPHRASE, "CASEBOOK_NEW_PASSPHRASE", NEW));
    }

    private static String command(int pauseAt, List<String> args) {
        return pauseAt + "\t" + String.join("\t", args);
    }

    private static Path freshDir(Operation op, String name) throws IOException {
        Path dir = Files.createDirectories(root.resolve("runs").resolve(op.name + "-" + name));
        Files.copy(template, dir.resolve("vault.casebook"));
        return dir;
    }

    private static List<String> timelineOf(Vault v) {
        return new TimelineService(v).timeline(1).stream().map(t -> t.id() + " " + t.kind() + " " + t.text()).toList();
    }

    /** Each file in the folder with its size and SHA-256. */
    private static Map<String, String> fileState(Path dir) throws IOException {
        Map<String, String> state = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                state.put(dir.relativize(f).toString(), Files.size(f) + " " + TestVaults.sha256(f));
            }
        }
        return state;
    }

    private static boolean contains(Path file, byte[] needle) throws IOException {
        byte[] window = new byte[(1 << 16) + needle.length];
        int kept = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(window, kept, window.length - kept)) > 0) {
                int filled = kept + n;
                outer:
                for (int i = 0; i + needle.length <= filled; i++) {
                    for (int j = 0; j < needle.length; j++) {
                        if (window[i + j] != needle[j]) {
                            continue outer;
                        }
                    }
                    return true;
                }
                kept = Math.min(needle.length - 1, filled);
                System.arraycopy(window, filled - kept, window, 0, kept);
            }
        }
        return false;
    }

    /** Random bytes with the marker at the start of every 64 KiB. */
    private static Path writeMarked(Path file, long size) {
        byte[] block = new byte[1 << 16];
        byte[] mark = marker.getBytes(StandardCharsets.US_ASCII);
        SplittableRandom random = new SplittableRandom(9);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                random.nextBytes(block);
                System.arraycopy(mark, 0, block, 0, mark.length);
                out.write(block);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
