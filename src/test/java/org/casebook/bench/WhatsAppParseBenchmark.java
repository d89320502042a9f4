package org.casebook.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.MessageSink;
import org.casebook.imports.whatsapp.WhatsAppImporter;
import org.casebook.vault.Progress;

/**
 * Issue 4's WhatsApp parsing benchmark: messages/s of {@link WhatsAppImporter} against the npm package
 * {@code whatsapp-chat-parser} 4.x on the same generated 1,000,000-message Android en-GB export, on this
 * machine, in the same run. Not a test. Run it (forked with a 256 MB heap) with
 *
 * <pre>mvn -q -o test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx256m -cp %classpath org.casebook.bench.WhatsAppParseBenchmark"</pre>
 *
 * Arguments: {@code messages=N} (default 1,000,000), {@code runs=N} (default 3, after one warm-up),
 * {@code node=false} to skip the npm side. The npm side needs node and npm on the PATH and the npm
 * registry: the package is installed into the temp folder, which is deleted at the end with the chat file.
 * Ours is timed from opening the file to the last record in the sink (both passes: date order, then
 * records); theirs as {@code parseString(fs.readFileSync(file, 'utf8'))}, also after one warm-up.
 */
public final class WhatsAppParseBenchmark {
    private static final String NPM_PACKAGE = "whatsapp-chat-parser@4";
    private static final double TARGET_RATIO = 3.0;

    private WhatsAppParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = 1_000_000;
        int runs = 3;
        boolean node = true;
        for (String arg : args) {
            for (String token : arg.trim().split("[,\\s]+")) {
                String t = token.toLowerCase(Locale.ROOT);
                if (t.isEmpty()) {
                    continue;
                } else if (t.startsWith("messages=")) {
                    messages = Integer.parseInt(t.substring(9).replace("_", ""));
                } else if (t.startsWith("runs=")) {
                    runs = Integer.parseInt(t.substring(5));
                } else if (t.equals("node=false")) {
                    node = false;
                } else {
                    throw new IllegalArgumentException("Unknown argument '" + token + "'. Use messages=N, runs=N, node=false.");
                }
            }
        }
        Path dir = Files.createTempDirectory("casebook-wa-bench-");
        Thread cleanup = new Thread(() -> deleteTree(dir));
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            run(dir, messages, runs, node);
        } finally {
            deleteTree(dir);
        }
    }

    private static void run(Path dir, int messages, int runs, boolean node) throws Exception {
        say("Machine: %d cores, Java %s, max heap %d MB", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        Path chat = dir.resolve("WhatsApp Chat with Benchmark.txt");
        long t0 = System.nanoTime();
        int records = generate(chat, messages);
        say("Generated %,d messages (%,d header lines) in %.1f s: %s, %,d bytes", messages, records,
                (System.nanoTime() - t0) / 1e9, chat.getFileName(), Files.size(chat));

        // ---- ours
        HeapPeak.reset();
        List<Double> ours = new ArrayList<>();
        List<Double> oursCpu = new ArrayList<>();
        long count = 0;
        for (int i = 0; i <= runs; i++) {
            long cpu0 = processCpuNanos();
            long start = System.nanoTime();
            count = parseOnce(chat);
            double s = (System.nanoTime() - start) / 1e9;
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            say("  Casebook %s %.3f s (CPU %.3f s), %,d records, %,.0f msg/s", i == 0 ? "warm-up" : "run " + i + "  ",
                    s, cpu, count, count / s);
            if (i > 0) {
                ours.add(s);
                oursCpu.add(cpu);
            }
        }
        if (count != records) {
            throw new IllegalStateException("Casebook read " + count + " records, the generator wrote " + records);
        }
        double oursMedian = median(ours);
        double oursRate = count / oursMedian;
        double oursCpuMedian = median(oursCpu);
        long peakHeap = HeapPeak.bytes();

        // ---- npm
        Double npmRate = null;
        Double npmCpuRate = null;
        String npmNote = "not run";
        if (node) {
            try {
                NodeResult r = runNode(dir, chat, runs);
                npmRate = r.count / r.median;
                npmCpuRate = r.count / r.cpuMedian;
                npmNote = String.format("whatsapp-chat-parser %s, node %s: median %.3f s of %d runs, %,d messages",
                        r.version, r.nodeVersion, r.median, runs, r.count);
                if (r.count != count) {
                    npmNote += String.format(" (it counts %,d; we count %,d)", r.count, count);
                }
            } catch (IOException | RuntimeException e) {
                npmNote = "failed: " + e.getMessage();
            }
        }

        say("");
        say("== WhatsApp parse, %,d messages, Android en-GB", messages);
        say("Casebook WhatsAppImporter : %,12.0f msg/s  (median %.3f s of %d runs; peak heap used %d MB)",
                oursRate, oursMedian, runs, peakHeap / (1024 * 1024));
        if (npmRate != null) {
            say("npm whatsapp-chat-parser  : %,12.0f msg/s  (%s)", npmRate, npmNote);
            double ratio = oursRate / npmRate;
            say("Ratio                     : %.2fx  (target >= %.1fx: %s)", ratio, TARGET_RATIO,
                    ratio >= TARGET_RATIO ? "met" : "NOT met");
            // on a shared machine the wall clock also measures the neighbours; CPU time (all threads of each
            // process, GC and JIT included) is the steadier comparison
            say("Per CPU-second            : Casebook %,.0f msg/s, npm %,.0f msg/s, ratio %.2fx",
                    count / oursCpuMedian, npmCpuRate, count / oursCpuMedian / npmCpuRate);
        } else {
            say("npm whatsapp-chat-parser  : %s", npmNote);
        }
    }

    // --------------------------------------------------------------------------------------------------
    // ours

    private static long parseOnce(Path chat) throws IOException {
        long[] counts = new long[2];
        MessageSink sink = m -> {
            counts[0]++;
            counts[1] += m.raw().length(); // touch the record so nothing is optimised away
        };
        try (ExportFile file = ExportFile.open(chat)) {
            new WhatsAppImporter().read(file, new ImportContext(null, Progress.NONE), sink);
        }
        if (counts[1] == 0) {
            throw new IllegalStateException("no text read");
        }
        return counts[0];
    }

    // --------------------------------------------------------------------------------------------------
    // npm

    private record NodeResult(long count, double median, double cpuMedian, String version, String nodeVersion) {
    }

    /** CPU time of this whole process (all threads: parser, GC, JIT), or wall time where not available. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return System.nanoTime();
    }

    private static NodeResult runNode(Path dir, Path chat, int runs) throws IOException, InterruptedException {
        Path npmDir = Files.createDirectories(dir.resolve("npm"));
        Files.writeString(npmDir.resolve("package.json"), "{\"name\":\"wa-bench\",\"private\":true,\"type\":\"module\"}\n");
        exec(npmDir, 300, "npm", "install", NPM_PACKAGE, "--no-audit", "--no-fund", "--loglevel=error");
        // the package is ESM ("type": "module") with a CommonJS build too; its one export is parseString
        Files.writeString(npmDir.resolve("bench.mjs"), String.join("\n",
                "import fs from 'node:fs';",
                "import { parseString } from 'whatsapp-chat-parser';",
                "const [file, runs] = [process.argv[2], Number(process.argv[3])];",
                "const pkg = JSON.parse(fs.readFileSync(new URL('./node_modules/whatsapp-chat-parser/package.json', import.meta.url)));",
                "function once() {",
                "  const c0 = process.cpuUsage();",
                "  const t0 = process.hrtime.bigint();",
                "  const messages = parseString(fs.readFileSync(file, 'utf8'));",
                "  const t1 = process.hrtime.bigint();",
                "  const c = process.cpuUsage(c0);",
                "  return [Number(t1 - t0) / 1e9, messages.length, (c.user + c.system) / 1e6];",
                "}",
                "const median = a => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];",
                "const [w, wn, wc] = once();",
                "console.error(`  npm      warm-up ${w.toFixed(3)} s (CPU ${wc.toFixed(3)} s), ${wn} messages`);",
                "const times = [], cpus = []; let count = 0;",
                "for (let i = 1; i <= runs; i++) {",
                "  const [s, n, c] = once(); times.push(s); cpus.push(c); count = n;",
                "  console.error(`  npm      run ${i}   ${s.toFixed(3)} s (CPU ${c.toFixed(3)} s), ${n} messages, ${Math.round(n / s)} msg/s`);",
                "}",
                "console.log(JSON.stringify({count, median: median(times), cpu: median(cpus), version: pkg.version, node: process.version}));",
                ""));
        String out = exec(npmDir, 1800, "node", "--max-old-space-size=8192", "bench.mjs", chat.toString(),
                Integer.toString(runs));
        String json = out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow(() -> new IOException("node printed no result: " + out));
        return new NodeResult(Long.parseLong(field(json, "count")), Double.parseDouble(field(json, "median")),
                Double.parseDouble(field(json, "cpu")), field(json, "version"), field(json, "node"));
    }

    /** A field of the one-line JSON the node script prints (numbers and plain strings only). */
    private static String field(String json, String name) {
        int i = json.indexOf("\"" + name + "\":");
        if (i < 0) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        int s = i + name.length() + 3;
        if (json.charAt(s) == '"') {
            return json.substring(s + 1, json.indexOf('"', s + 1));
        }
        int e = s;
        while (e < json.length() && ",}".indexOf(json.charAt(e)) < 0) {
            e++;
        }
        return json.substring(s, e);
    }

    /** Runs a command; its stderr goes to ours (progress lines), its stdout is returned. */
    private static String exec(Path dir, int timeoutSeconds, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " took more than " + timeoutSeconds + " s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ": " + text);
        }
        return text;
    }

    // --------------------------------------------------------------------------------------------------
    // the export

    private static final String[] NAMES = {
        "Alice Smith", "Bob", "Mum \u2764\uFE0F", "\u202A+44 7700 900123\u202C", "\u2067\u0645\u062D\u0645\u062F \u0639\u0644\u064A\u2069",
        "Zo\u00EB \uD83C\uDF3B", "John-John Doe", "Dr. O'Neill", "\u05D3\u05E0\u05D4 \u05DB\u05D4\u05DF", "Kai \uD83D\uDC68\u200D\uD83D\uDCBB",
    };
    private static final String[] WORDS = {
        "where", "are", "you", "I", "saw", "your", "car", "outside", "again", "today", "please", "stop", "calling",
        "me", "ok", "see", "you", "at", "the", "station", "tomorrow", "why", "didn't", "answer", "I'm", "waiting",
        "\uD83D\uDE00", "\uD83D\uDC4D", "caf\u00E9", "na\u00EFve", "\u0645\u0631\u062D\u0628\u0627", "\u05E9\u05DC\u05D5\u05DD",
        "10:30", "time: now", "(see below)", "<3",
    };
    private static final String[] SYSTEM = {
        "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or "
            + "listen to them. Tap to learn more.",
        "Alice Smith added Bob", "Bob left", "Your security code with Bob changed. Tap to learn more.",
        "Alice Smith changed the group description", "Missed voice call",
    };

    /**
     * Writes a deterministic Android en-GB export ({@code dd/mm/yyyy, HH:mm - Name: text}): mostly one-line
     * messages, about 5 % over several lines, 3 % {@code <Media omitted>}, 1 % deleted, 0.5 % system lines.
     *
     * @return the number of header lines written (= records)
     */
    static int generate(Path file, int messages) throws IOException {
        Random random = new Random(20240601L);
        DateTimeFormatter header = DateTimeFormatter.ofPattern("dd/MM/yyyy, HH:mm", Locale.ROOT);
        LocalDateTime time = LocalDateTime.of(2019, 3, 1, 7, 12);
        StringBuilder line = new StringBuilder(512);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < messages; i++) {
                time = time.plusSeconds(random.nextInt(1200));
                line.setLength(0);
                line.append(header.format(time)).append(" - ");
                int kind = random.nextInt(1000);
                if (kind < 5) {
                    line.append(SYSTEM[random.nextInt(SYSTEM.length)]);
                } else {
                    line.append(NAMES[random.nextInt(NAMES.length)]).append(": ");
                    if (kind < 35) {
                        line.append("<Media omitted>");
                    } else if (kind < 45) {
                        line.append("This message was deleted");
                    } else {
                        words(line, random, 2 + random.nextInt(14));
                        if (kind < 95) {
                            for (int extra = 1 + random.nextInt(3); extra > 0; extra--) {
                                line.append('\n');
                                words(line, random, 1 + random.nextInt(10));
                            }
                        }
                    }
                }
                line.append('\n');
                out.append(line);
            }
        }
        return messages;
    }

    private static void words(StringBuilder line, Random random, int n) {
        for (int w = 0; w < n; w++) {
            if (w > 0) {
                line.append(' ');
            }
            line.append(WORDS[random.nextInt(WORDS.length)]);
        }
    }

    // --------------------------------------------------------------------------------------------------

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }
}
