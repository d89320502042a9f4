package org.casebook.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.BulkItemWriter;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.FtsQuery;
import org.casebook.evidence.ItemRow;
import org.casebook.evidence.PersonService;
import org.casebook.evidence.TimelineService;
import org.casebook.model.Attachment;
import org.casebook.model.Case;
import org.casebook.model.Person;
import org.casebook.model.PersonRole;
import org.casebook.model.TimelineItem;
import org.casebook.vault.BenchmarkVaults;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Progress;
import org.casebook.vault.Sha256;
import org.casebook.vault.Vault;

/**
 * The performance figures of issue 2, measured through Casebook's own code on real vault files in a temp
 * folder that is deleted afterwards. Not a test: run it with
 *
 * <pre>./mvnw -q -Pbench -DskipTests package exec:exec                  (all four, about 3 minutes)
 * ./mvnw -q -Pbench -DskipTests package exec:exec -Dbench="insert open"   (a subset)</pre>
 *
 * which forks {@code java -Xmx256m} on the test class path (the {@code bench} profile in pom.xml). Arguments (any order, spaces or commas):
 * {@code insert attach open search} pick benchmarks; {@code rows=N}, {@code searchRows=N}, {@code attachMb=N},
 * {@code runs=N} change sizes (for a quick try, e.g. {@code searchRows=100000 attachMb=64}).
 */
public final class Benchmarks {
    /** Not a secret: the benchmark vaults are throw-away files. */
    static final String PASSPHRASE = "benchmark vault passphrase, thrown away";
    static final List<String> ALL = List.of("insert", "attach", "open", "search");

    private static final int SEARCH_LIMIT = 200;
    private static final ZonedDateTime START = ZonedDateTime.of(2021, 3, 1, 8, 0, 0, 0, MessageGenerator.ZONE);

    private final Path dir;
    private final List<String[]> table = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int rows = 100_000;
    private int searchRows = 1_000_000;
    private long attachMb = 1024;
    private int runs = 3;

    private Benchmarks(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        Set<String> chosen = new LinkedHashSet<>();
        Path dir = Files.createTempDirectory("casebook-bench-");
        Benchmarks bench = new Benchmarks(dir);
        for (String arg : args) {
            if (arg.isBlank() || arg.startsWith("${")) {
                continue; // -Dbench not given: Maven passes the placeholder through
            }
            for (String token : arg.trim().split("[,\\s]+")) {
                bench.option(token.toLowerCase(Locale.ROOT), chosen);
            }
        }
        if (chosen.isEmpty()) {
            chosen.addAll(ALL);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
        bench.machineInfo();
        try {
            for (String name : chosen) {
                switch (name) {
                    case "insert" -> bench.insert();
                    case "attach" -> bench.attach();
                    case "open" -> bench.open();
                    case "search" -> bench.search();
                    default -> throw new IllegalStateException(name);
                }
            }
        } finally {
            deleteTree(dir);
        }
        bench.printTable();
    }

    private void option(String token, Set<String> chosen) {
        if (token.isEmpty()) {
            return;
        }
        if (ALL.contains(token)) {
            chosen.add(token);
        } else if (token.equals("all")) {
            chosen.addAll(ALL);
        } else if (token.startsWith("rows=")) {
            rows = Integer.parseInt(token.substring(5));
        } else if (token.startsWith("searchrows=")) {
            searchRows = Integer.parseInt(token.substring(11));
        } else if (token.startsWith("attachmb=")) {
            attachMb = Long.parseLong(token.substring(9));
        } else if (token.startsWith("runs=")) {
            runs = Integer.parseInt(token.substring(5));
        } else {
            throw new IllegalArgumentException("Unknown benchmark argument '" + token + "'. Use any of " + ALL
                    + ", rows=N, searchRows=N, attachMb=N, runs=N.");
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // 1. Bulk insert, encrypted vs plain

    private void insert() {
        say("== insert: %,d message-sized rows through BulkItemWriter, 1 warm-up + %d measured runs each", rows, runs);
        // The rows are made once, before timing, so only Casebook's writing is measured.
        List<ItemRow> data = new ArrayList<>(rows);
        MessageGenerator gen = new MessageGenerator(1, 1, new long[] {1, 2}, "chat.txt", START, 180);
        for (int i = 0; i < rows; i++) {
            data.add(gen.next());
        }
        double avgLen = data.stream().mapToInt(r -> r.text().length()).average().orElse(0);
        say("   generated; average text length %.0f chars, e.g. \"%s\"", avgLen, data.get(1).text());

        List<InsertRun> encrypted = new ArrayList<>();
        List<InsertRun> plain = new ArrayList<>();
        List<InsertRun> pipelined = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            boolean warmUp = run == 0;
            // Interleaved so that drift (disk, page cache, JIT) affects both sides alike.
            InsertRun e = insertOnce("encrypted", data, true, false);
            InsertRun p = insertOnce("plain", data, false, false);
            InsertRun ep = insertOnce("pipelined", data, true, true);
            say("   %s encrypted %s | plain %s | encrypted, prepared alongside %s",
                    warmUp ? "warm-up " : "run " + run + "   ", e, p, ep);
            if (!warmUp) {
                encrypted.add(e);
                plain.add(p);
                pipelined.add(ep);
            }
        }
        InsertRun e = InsertRun.median(encrypted);
        InsertRun p = InsertRun.median(plain);
        InsertRun ep = InsertRun.median(pipelined);
        double eRate = rows / e.totalSeconds();
        double pRate = rows / p.totalSeconds();
        double piped = rows / ep.totalSeconds();
        double ratio = e.totalSeconds() / p.totalSeconds();
        // The import pipeline is how Casebook writes rows in bulk: one thread reads and prepares them (time
        // columns, state hash), the other inserts. Writing them from one thread is shown beside it.
        add("Insert " + count(rows) + " rows, encrypted, as imports write", String.format("%,.0f rows/s", piped),
                ">= 150,000 rows/s", piped >= 150_000);
        add("  the same from one thread (prepare + insert)", String.format("%,.0f rows/s", eRate), "(for information)",
                null);
        add("Insert " + count(rows) + " rows, plain SQLite, one thread", String.format("%,.0f rows/s", pRate),
                "(reference)", null);
        add("Encrypted time / plain time (one thread each)", String.format("%.2fx", ratio), "<= 1.5x", ratio <= 1.5);
        notes.add(String.format("insert (median of %d, seconds): as imports write, encrypted %s; one thread, encrypted"
                + " %s; one thread, plain %s", runs, ep.breakdown(), e.breakdown(), p.breakdown()));
    }

    private record InsertRun(double totalSeconds, double addSeconds, double finishSeconds, double commitSeconds,
                             double cpuSeconds) {
        static InsertRun median(List<InsertRun> runs) {
            List<InsertRun> sorted = runs.stream().sorted(Comparator.comparingDouble(InsertRun::totalSeconds)).toList();
            return sorted.get(sorted.size() / 2);
        }

        String breakdown() {
            return String.format("total %.3f = add() %.3f + finish() (rest of FTS + audit) %.3f + commit %.3f"
                    + " (CPU time of this thread %.3f)", totalSeconds, addSeconds, finishSeconds, commitSeconds,
                    cpuSeconds);
        }

        @Override
        public String toString() {
            return String.format("%.3fs (add %.3f, finish %.3f, commit %.3f)", totalSeconds, addSeconds,
                    finishSeconds, commitSeconds);
        }
    }

    /**
     * One timed bulk write. {@code pipelined}: each row's time columns and state hash are worked out on a second
     * thread while the writer inserts, as the import pipeline does ({@link BulkItemWriter.Preparer}).
     */
    private InsertRun insertOnce(String name, List<ItemRow> data, boolean encrypted, boolean pipelined) {
        Path file = dir.resolve(name + ".vault");
        deleteVaultFiles(file);
        try (Vault vault = encrypted ? Vault.create(file, pass()) : BenchmarkVaults.createUnencrypted(file)) {
            setUpCase(vault, data.get(0).caseId());
            long[] marks = new long[2];
            var threads = ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            vault.bulkWrite(c -> {
                BulkItemWriter writer = new BulkItemWriter(vault, c);
                if (pipelined) {
                    addPrepared(writer, data);
                } else {
                    for (ItemRow row : data) {
                        writer.add(row);
                    }
                }
                marks[0] = System.nanoTime();
                writer.finish("messages-imported", Map.of("file", "chat.txt"));
                marks[1] = System.nanoTime();
                return null;
            });
            long end = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            long stored = new TimelineService(vault).count(data.get(0).caseId());
            if (stored != data.size()) {
                throw new IllegalStateException("stored " + stored + " rows, expected " + data.size());
            }
            return new InsertRun(seconds(end - start), seconds(marks[0] - start), seconds(marks[1] - marks[0]),
                    seconds(end - marks[1]), seconds(cpu));
        } finally {
            deleteVaultFiles(file);
        }
    }

    private static void addPrepared(BulkItemWriter writer, List<ItemRow> data) throws java.sql.SQLException {
        BlockingQueue<List<BulkItemWriter.PreparedRow>> queue = new ArrayBlockingQueue<>(8);
        List<BulkItemWriter.PreparedRow> end = List.of();
        Thread preparing = new Thread(() -> {
            BulkItemWriter.Preparer preparer = new BulkItemWriter.Preparer();
            List<BulkItemWriter.PreparedRow> chunk = new ArrayList<>(1024);
            try {
                for (ItemRow row : data) {
                    chunk.add(preparer.prepare(row));
                    if (chunk.size() == 1024) {
                        queue.put(chunk);
                        chunk = new ArrayList<>(1024);
                    }
                }
                queue.put(chunk);
                queue.put(end);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-prepare");
        preparing.start();
        try {
            for (List<BulkItemWriter.PreparedRow> chunk = queue.take(); chunk != end; chunk = queue.take()) {
                for (BulkItemWriter.PreparedRow p : chunk) {
                    writer.add(p);
                }
            }
            preparing.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A fresh JVM runs from the shipped jar when it has been built (as {@code java -jar casebook.jar} does),
     * plus the benchmark classes: from the test class path, every one of its ~100 jars is searched whenever
     * Java looks up a service (the time-zone rules, JDBC drivers), which costs a fresh JVM ~40 ms no user pays.
     */
    private static String childClasspath() {
        String jar = System.getProperty("casebook.jar");
        String testClasses = System.getProperty("casebook.test.classes");
        if (jar != null && testClasses != null && Files.isRegularFile(Path.of(jar))) {
            return jar + java.io.File.pathSeparator + testClasses;
        }
        return System.getProperty("java.class.path");
    }

    /** A case with id 1 and two people with ids 1 and 2, as the generated rows expect. */
    private static long[] setUpCase(Vault vault, long expectedCaseId) {
        Case aCase = new CaseService(vault).add("Benchmark case", "BC", MessageGenerator.ZONE);
        PersonService people = new PersonService(vault);
        Person them = people.add(aCase.id(), "Alex Example", PersonRole.PERPETRATOR, List.of());
        Person me = people.add(aCase.id(), "Sam Sample", PersonRole.OTHER, List.of());
        if (aCase.id() != expectedCaseId || them.id() != 1 || me.id() != 2) {
            throw new IllegalStateException("unexpected ids in a new vault");
        }
        return new long[] {them.id(), me.id()};
    }

    // ---------------------------------------------------------------------------------------------------
    // 2. Attach a large file under -Xmx256m

    private void attach() throws IOException {
        long bytes = attachMb << 20;
        say("== attach: one %,d MiB file with AttachmentService.attach (heap limit %,d MiB)", attachMb,
                Runtime.getRuntime().maxMemory() >> 20);
        Path file = dir.resolve("recording.bin");
        long genStart = System.nanoTime();
        String expected = org.casebook.testsupport.TestVaults.writePattern(file, bytes, 7);
        say("   generated in %.1fs (sha256 %s...)", seconds(System.nanoTime() - genStart), expected.substring(0, 16));
        Path vaultFile = dir.resolve("attach.vault");
        try (Vault vault = Vault.create(vaultFile, pass())) {
            Case aCase = new CaseService(vault).add("Attach case", "AC", MessageGenerator.ZONE);
            long[] streamed = {0};
            Progress progress = new Progress() {
                @Override
                public void update(long done, long total) {
                    if (done == total) {
                        streamed[0] = System.nanoTime();
                    }
                }
            };
            System.gc();
            HeapPeak.reset();
            long start = System.nanoTime();
            List<Attachment> attached = new AttachmentService(vault).attach(aCase.id(), List.of(file), null, progress);
            long end = System.nanoTime();
            long peak = HeapPeak.bytes();
            Attachment a = attached.get(0);
            if (!a.sha256().equals(expected) || a.size() != bytes) {
                throw new IllegalStateException("stored hash/size differ from the file's: " + a.sha256());
            }
            double secs = seconds(end - start);
            double rate = attachMb / secs;
            say("   %.2fs: streaming+hashing+writing %.2fs, then commit (WAL checkpoint) etc. %.2fs; peak heap %,d MiB",
                    secs, seconds(streamed[0] - start), seconds(end - streamed[0]), peak >> 20);
            add("Attach " + attachMb + " MiB file (-Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m)",
                    String.format("%.1f MiB/s", rate), ">= 50 MB/s", rate >= 50);
            add("  peak heap during attach", String.format("%,d MiB", peak >> 20), "(bounded)", null);
            notes.add(String.format("attach: %.2fs total = %.2fs reading, hashing and writing chunks "
                            + "+ %.2fs after the last chunk (the commit: the last pages and the rollback journal synced); "
                            + "stored SHA-256 equals the file's",
                    secs, seconds(streamed[0] - start), seconds(end - streamed[0])));
        } finally {
            deleteVaultFiles(vaultFile);
            Files.deleteIfExists(file);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // 3. Opening a vault

    private void open() throws Exception {
        int opens = 7;
        say("== open: Vault.open + first query (CaseService.list), %d opens in this JVM + 5 fresh JVMs (class path: %s)",
                opens, childClasspath().contains("casebook.jar") ? "the shipped casebook.jar"
                        : "the test class path; build the jar first (package) to time what users run");
        Path file = dir.resolve("open.vault");
        try {
            try (Vault vault = Vault.create(file, pass())) {
                long[] senders = setUpCase(vault, 1);
                MessageGenerator gen = new MessageGenerator(3, 1, senders, "chat.txt", START, 180);
                vault.bulkWrite(c -> {
                    BulkItemWriter writer = new BulkItemWriter(vault, c);
                    for (int i = 0; i < 10_000; i++) {
                        writer.add(gen.next());
                    }
                    return writer.finish("messages-imported", Map.of("file", "chat.txt"));
                });
            }
            List<Double> inJvm = new ArrayList<>();
            for (int i = 0; i <= opens; i++) {
                long start = System.nanoTime();
                try (Vault vault = Vault.open(file, pass())) {
                    if (new CaseService(vault).list().size() != 1) {
                        throw new IllegalStateException("the case is missing");
                    }
                    long end = System.nanoTime();
                    if (i > 0) {
                        inJvm.add(millis(end - start));
                    }
                }
            }
            say("   same JVM (ms): %s", inJvm);
            List<Double> fresh = new ArrayList<>();
            List<Double> nativeLib = new ArrayList<>();
            List<Double> vaultOnly = new ArrayList<>();
            List<Double> cli = new ArrayList<>();
            List<Double> wall = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                String out = runChild(OpenInFreshJvm.class, "vault", file.toString());
                wall.add(millis(System.nanoTime() - start));
                fresh.add(Double.parseDouble(value(out, "open_ms")));
                nativeLib.add(Double.parseDouble(value(out, "native_ms")));
                vaultOnly.add(Double.parseDouble(value(out, "vault_ms")));
                String cliOut = runChild(OpenInFreshJvm.class, "cli", file.toString());
                if (!value(cliOut, "exit").equals("0")) {
                    throw new IllegalStateException("casebook case list failed: " + cliOut);
                }
                cli.add(Double.parseDouble(value(cliOut, "cli_ms")));
            }
            say("   fresh JVM, open + first query (ms): %s = native library %s + vault %s;"
                    + " whole child process (ms): %s; the command 'case list' from main() to its end (ms): %s",
                    fresh, nativeLib, vaultOnly, wall, cli);
            double warm = median(inJvm);
            double cold = median(fresh);
            add("Open vault + first query (same JVM, median)", String.format("%.0f ms", warm), "<= 300 ms", warm <= 300);
            add("Open vault + first query (fresh JVM, median)", String.format("%.0f ms", cold), "<= 300 ms", cold <= 300);
            add("  whole 'casebook case list' (fresh JVM, median)", String.format("%.0f ms", median(cli)),
                    "(parsing + output too)", null);
            notes.add(String.format("open in a fresh JVM (median, ms): %.0f = loading the driver's native library %.0f "
                    + "+ Vault.open and the first query %.0f (the key derivation is most of that; logging is never "
                    + "started on this path); the whole child process, JVM start to exit, took %.0f; the real command "
                    + "'casebook case list' (picocli, native library loaded alongside, open, query, output) %.0f",
                    cold, median(nativeLib), median(vaultOnly), median(wall), median(cli)));
        } finally {
            deleteVaultFiles(file);
        }
    }

    private static String runChild(Class<?> main, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", childClasspath(), main.getName()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CASEBOOK_PASSPHRASE", PASSPHRASE);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("child JVM failed: " + out);
        }
        return out;
    }

    private static String value(String output, String key) {
        return output.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + key + " in: " + output));
    }

    // ---------------------------------------------------------------------------------------------------
    // 4. Full-text search

    private record Query(String label, String text, boolean prefixLast) {
    }

    private static final List<Query> QUERIES = List.of(
            new Query("rare word", MessageGenerator.RARE_WORD, false),
            new Query("common word", "you", false),
            new Query("medium word", "police", false),
            new Query("two words", "call tonight", false),
            new Query("as you type, prefix", "tonig", true),
            new Query("as you type, 2 letters (whole word)", "wh", true),
            new Query("as you type, 3 letters", "whe", true));

    private void search() {
        int imports = 4;
        say("== search: %,d rows in %d imports (chat, SMS, e-mail, social media over the same years), "
                + "then TimelineService.search(limit %d)", searchRows, imports, SEARCH_LIMIT);
        Path file = dir.resolve("search.vault");
        try (Vault vault = Vault.create(file, pass())) {
            long[] senders = setUpCase(vault, 1);
            String[] sources = {"chat.txt", "sms.xml", "mail.mbox", "social.json"};
            long perImport = searchRows / imports;
            // Each import covers the same ~5 years, so item ids are not in timeline order (as in real use).
            long gap = Math.max(1, 5L * 365 * 24 * 3600 / Math.max(1, perImport));
            long insertStart = System.nanoTime();
            for (int k = 0; k < imports; k++) {
                long n = k == imports - 1 ? searchRows - perImport * (imports - 1) : perImport;
                String source = sources[k];
                MessageGenerator gen = new MessageGenerator(100 + k, 1, senders, source, START, gap);
                long t = System.nanoTime();
                vault.bulkWrite(c -> {
                    BulkItemWriter writer = new BulkItemWriter(vault, c);
                    for (long i = 0; i < n; i++) {
                        writer.add(gen.next());
                    }
                    return writer.finish("messages-imported", Map.of("file", source));
                });
                say("   import %d: %,d rows in %.1fs", k + 1, n, seconds(System.nanoTime() - t));
            }
            double insertSecs = seconds(System.nanoTime() - insertStart);
            notes.add(String.format("search: inserting the %,d rows took %.1fs (%,.0f rows/s incl. generating them)",
                    searchRows, insertSecs, searchRows / insertSecs));
            TimelineService timeline = new TimelineService(vault);
            for (Query q : QUERIES) {
                long matches = countMatches(vault, q);
                List<TimelineItem> first = timeline.search(1, q.text(), q.prefixLast(), SEARCH_LIMIT);
                checkOrder(first, Math.min(matches, SEARCH_LIMIT), q);
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < 11; i++) {
                    long start = System.nanoTime();
                    List<TimelineItem> found = timeline.search(1, q.text(), q.prefixLast(), SEARCH_LIMIT);
                    long end = System.nanoTime();
                    if (found.size() != first.size()) {
                        throw new IllegalStateException("search results changed");
                    }
                    if (i >= 2) {
                        times.add(millis(end - start));
                    }
                }
                double med = median(times);
                String fts = FtsQuery.of(q.text(), q.prefixLast()); // what FTS5 is asked, e.g. "tonig"*
                say("   %-24s %-16s %,9d matches: median %.1f ms (min %.1f, max %.1f)", q.label(), fts, matches, med,
                        times.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                        times.stream().mapToDouble(Double::doubleValue).max().orElse(0));
                add(String.format("Search %s: %s (%,d hits)", q.label(), fts, matches), String.format("%.1f ms", med),
                        "<= 50 ms", med <= 50);
            }
        } finally {
            deleteVaultFiles(file);
        }
    }

    private static long countMatches(Vault vault, Query q) {
        return vault.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM item_fts WHERE item_fts MATCH ?")) {
                ps.setString(1, FtsQuery.of(q.text(), q.prefixLast()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The contract: at most limit matches, in timeline order (at, then id). */
    private static void checkOrder(List<TimelineItem> items, long expectedSize, Query q) {
        if (items.size() != expectedSize) {
            throw new IllegalStateException(q + ": " + items.size() + " results, expected " + expectedSize);
        }
        for (int i = 1; i < items.size(); i++) {
            TimelineItem a = items.get(i - 1);
            TimelineItem b = items.get(i);
            int cmp = a.when().at().toInstant().compareTo(b.when().at().toInstant());
            if (cmp > 0 || (cmp == 0 && a.id() > b.id())) {
                throw new IllegalStateException(q + ": results not in timeline order at " + i);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Reporting and helpers

    private void machineInfo() {
        Runtime rt = Runtime.getRuntime();
        say("Casebook benchmarks");
        say("  machine: %d cores (%s), %s %s, %s",
                rt.availableProcessors(), cpuModel(), System.getProperty("os.name"), System.getProperty("os.arch"),
                memTotal());
        say("  java:    %s (%s %s), max heap %,d MiB", System.getProperty("java.version"),
                System.getProperty("java.vm.vendor"), System.getProperty("java.vm.name"), rt.maxMemory() >> 20);
        say("  driver:  %s", driverInfo());
        say("  temp:    %s", dir);
        say("  load:    %s (other processes on this machine slow every figure down)", loadAverage());
    }

    /** The 1, 5 and 15 minute load averages, or "unknown". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return l < 0 ? "unknown" : String.format("%.2f", l);
        }
    }

    private String driverInfo() {
        Path file = dir.resolve("info.vault");
        try (Vault vault = Vault.create(file, pass())) {
            return vault.read(c -> {
                String sqlite = queryString(c, "SELECT sqlite_version()");
                String mc;
                try {
                    mc = queryString(c, "SELECT sqlite3mc_version()");
                } catch (SQLException e) {
                    mc = "SQLite3MultipleCiphers";
                }
                return "SQLite " + sqlite + ", " + mc + ", cipher sqlcipher v4; sqlite-jdbc "
                        + c.getMetaData().getDriverVersion();
            });
        } finally {
            deleteVaultFiles(file);
        }
    }

    private static String queryString(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "?";
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException | UncheckedIOException e) {
            return System.getProperty("os.arch");
        }
    }

    private static String memTotal() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal")).map(l -> l.replaceAll("\\D+", ""))
                    .map(kb -> (Long.parseLong(kb) >> 20) + " GiB RAM").findFirst().orElse("");
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private void add(String name, String measured, String target, Boolean pass) {
        table.add(new String[] {name, measured, target, pass == null ? "" : pass ? "PASS" : "MISS"});
    }

    private void printTable() {
        String[] header = {"Benchmark", "Measured", "Target", "Result"};
        int[] width = new int[header.length];
        for (String[] row : Stream.concat(Stream.<String[]>of(header), table.stream()).toList()) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        String format = "| %-" + width[0] + "s | %" + width[1] + "s | %-" + width[2] + "s | %-" + width[3] + "s |%n";
        StringBuilder rule = new StringBuilder("|");
        for (int w : width) {
            rule.append("-".repeat(w + 2)).append('|');
        }
        System.out.println();
        System.out.printf(format, (Object[]) header);
        System.out.println(rule);
        for (String[] row : table) {
            System.out.printf(format, (Object[]) row);
        }
        System.out.println();
        for (String note : notes) {
            System.out.println("* " + note);
        }
        System.out.println("* load average (1/5/15 min) at the end: " + loadAverage() + " on "
                + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.flush();
    }

    static Passphrase pass() {
        return Passphrase.of(PASSPHRASE);
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    private static String count(int n) {
        return String.format("%,d", n);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e5) / 10.0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void deleteVaultFiles(Path file) {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            try {
                Files.deleteIfExists(Path.of(file + suffix));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e.getMessage());
        }
    }
}
