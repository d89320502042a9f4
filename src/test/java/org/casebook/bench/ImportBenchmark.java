package org.casebook.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.casebook.evidence.CaseService;
import org.casebook.imports.DateOrder;
import org.casebook.imports.ImportOptions;
import org.casebook.imports.ImportService;
import org.casebook.imports.ImportSummary;
import org.casebook.imports.Importers;
import org.casebook.model.Case;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;

/**
 * End-to-end imports into an encrypted vault, with the search index built: a generated 1,000,000-message
 * WhatsApp export (Android en-GB) and a ~200 MB SMS Backup & Restore file with MMS pictures. Run it with
 * {@code -Xmx256m} to check the heap bound:
 *
 * <pre>./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx256m -cp %classpath org.casebook.bench.ImportBenchmark"</pre>
 *
 * Arguments: {@code messages=N} (WhatsApp size), {@code mb=N} (SMS size), {@code only=whatsapp|sms}.
 */
public final class ImportBenchmark {
    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = 1_000_000;
        long mb = 200;
        String only = "";
        for (String arg : args) {
            if (arg.startsWith("messages=")) {
                messages = Integer.parseInt(arg.substring(9));
            } else if (arg.startsWith("mb=")) {
                mb = Long.parseLong(arg.substring(3));
            } else if (arg.startsWith("only=")) {
                only = arg.substring(5);
            }
        }
        System.out.printf("Import benchmark: %d cores, Java %s, max heap %d MiB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        Path dir = Files.createTempDirectory("casebook-import-bench-");
        try {
            if (!only.equals("sms")) {
                Path chat = dir.resolve("WhatsApp Chat with Sam.txt");
                int written = WhatsAppParseBenchmark.generate(chat, messages);
                // The target is for a million messages; smaller runs just report their figures.
                run(dir, "whatsapp", chat, written, messages == 1_000_000 ? 10.0 : Double.NaN, DateOrder.DMY);
                Files.deleteIfExists(chat);
            }
            if (!only.equals("whatsapp")) {
                Path xml = dir.resolve("sms-20240301000000.xml");
                SmsParseBenchmark.Generated g = SmsParseBenchmark.generate(xml, mb * 1024 * 1024);
                run(dir, "sms", xml, g.sms() + g.mms(), Double.NaN, null);
            }
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Path dir, String name, Path file, long expected, double targetSeconds, DateOrder order)
            throws IOException {
        Path vaultFile = dir.resolve(name + ".casebook");
        try (Vault vault = Vault.create(vaultFile, Passphrase.of("benchmark passphrase only"))) {
            Case aCase = new CaseService(vault).add("Benchmark " + name, "BM", ZoneId.of("Europe/London"));
            ImportService service = new ImportService(vault, Importers.standard());
            HeapPeak.reset();
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            var os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long writerCpu = threads.getCurrentThreadCpuTime();
            long processCpu = os.getProcessCpuTime();
            ReaderCpu reader = ReaderCpu.watch(threads);
            long start = System.nanoTime();
            ImportSummary s = service.importFile(aCase.id(), file, new ImportOptions(null, null, order, List.of(),
                    false), Progress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            // The import reads on one thread and writes on this one: on a busy machine the CPU each used says
            // more than the wall time (the writer's figure bounds the wall time from below).
            double writerSeconds = (threads.getCurrentThreadCpuTime() - writerCpu) / 1e9;
            double readerSeconds = reader.stop();
            double otherSeconds = (os.getProcessCpuTime() - processCpu) / 1e9 - writerSeconds - readerSeconds;
            long records = s.messages() + s.calls() + s.system();
            System.out.printf("%-9s %,d bytes, %,d records (%,d expected), %,d added, %,d attachments: %.1f s,"
                            + " %,.0f records/s, %.1f MB/s, peak heap %d MiB, CPU %.1f s writing + %.1f s reading + %.1f s JIT/GC%s%n",
                    name, Files.size(file), records, expected, s.added(), s.attachments(), seconds, records / seconds,
                    Files.size(file) / seconds / 1e6, HeapPeak.bytes() / (1024 * 1024), writerSeconds, readerSeconds, otherSeconds,
                    Double.isNaN(targetSeconds) ? ""
                            : String.format(" (target <= %.0f s: %s)", targetSeconds,
                            seconds <= targetSeconds ? "PASS" : "MISS"));
            System.out.printf("%-9s vault %,d MB%n", "", Files.size(vaultFile) / 1_000_000);
        } finally {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(vaultFile + suffix));
            }
        }
    }


    /** The CPU time of the import's reading thread, polled while it lives (it ends with the import). */
    private static final class ReaderCpu {
        private final java.lang.management.ThreadMXBean threads;
        private volatile boolean running = true;
        private volatile long nanos;
        private final Thread poller;

        private ReaderCpu(java.lang.management.ThreadMXBean threads) {
            this.threads = threads;
            this.poller = new Thread(this::poll, "benchmark-reader-cpu");
            poller.setDaemon(true);
        }

        static ReaderCpu watch(java.lang.management.ThreadMXBean threads) {
            ReaderCpu r = new ReaderCpu(threads);
            r.poller.start();
            return r;
        }

        private void poll() {
            while (running) {
                for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
                    if (info != null && info.getThreadName().equals("casebook-import-reader")) {
                        long t = threads.getThreadCpuTime(info.getThreadId());
                        if (t > 0) {
                            nanos = t;
                        }
                    }
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        double stop() {
            running = false;
            return nanos / 1e9;
        }
    }
}
