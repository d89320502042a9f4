package org.casebook.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.casebook.bundle.BundleOptions;
import org.casebook.bundle.BundleResult;
import org.casebook.bundle.BundleService;
import org.casebook.bundle.check.RuleResult;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;

/**
 * Time and heap to build the bundle of issue 6's case ({@link BundleBenchmarkCase}: 10,000 chat lines, 300
 * 12 MP photos with print renditions, 200 incidents), then what is in the file: the bundle check's rules, the
 * largest image drawn (no 12 MP original may be drawn for display; originals travel once, embedded). Not a
 * test; run with -Xmx512m (README, Benchmarks). {@code runs=N} builds N times in one JVM.
 */
public final class BundleBenchmark {
    /** A drawn image this large could only be an original, not a print rendition. */
    private static final long ORIGINAL_PIXELS = 4_000_000;

    public static void main(String[] args) throws Exception {
        int runs = 1;
        for (String a : args) {
            if (a.startsWith("runs=")) {
                runs = Integer.parseInt(a.substring(5));
            }
        }
        BundleBenchmarkCase.Built built = BundleBenchmarkCase.ensure();
        Path out = BundleBenchmarkCase.benchDir().resolve("bundle-benchmark.pdf");
        System.out.printf("Bundle benchmark: %d cores, Java %s, max heap %d MiB, load %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, load());
        try (Vault vault = built.open()) {
            for (int run = 1; run <= runs; run++) {
                HeapPeak.reset();
                HeapSampler heap = HeapSampler.begin();
                long t0 = System.nanoTime();
                BundleResult r = new BundleService(vault).build(built.caseId(), BundleOptions.all(), out,
                        phases(t0, run == 1), () -> false);
                double secs = (System.nanoTime() - t0) / 1e9;
                long peakUsed = heap.finish();
                System.out.printf("run %d: %d pages, %d exhibits in %.1f s (%.0f pages/s); peak heap in use %d MiB"
                                + " (sum of pool peaks %d MiB); file %.0f MB; load %s%n", run, r.pageCount(),
                        r.exhibits().size(), secs, r.pageCount() / secs, peakUsed >> 20, HeapPeak.bytes() >> 20, Files.size(out) / 1e6, load());
                if (run == 1) {
                    for (RuleResult rule : r.check().results()) {
                        System.out.println("  " + (rule.passed() ? "PASS " : "FAIL ") + rule.id() + ": " + rule.detail());
                    }
                    images(out);
                }
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The drawn images: how many, the largest, and whether any is original-sized. */
    private static void images(Path pdf) throws Exception {
        long largest = 0;
        int count = 0;
        int originals = 0;
        try (PDDocument d = Loader.loadPDF(pdf.toFile(), IOUtils.createMemoryOnlyStreamCache())) {
            for (PDPage page : d.getPages()) {
                var resources = page.getResources();
                for (var name : resources.getXObjectNames()) {
                    if (resources.getXObject(name) instanceof PDImageXObject image) {
                        long pixels = (long) image.getWidth() * image.getHeight();
                        count++;
                        largest = Math.max(largest, pixels);
                        originals += pixels >= ORIGINAL_PIXELS ? 1 : 0;
                    }
                }
            }
            System.out.printf("  %d images drawn, the largest %.1f MP; %d original-sized; %d embedded originals%n",
                    count, largest / 1e6, originals, embedded(d));
        }
    }

    private static int embedded(PDDocument d) throws java.io.IOException {
        var names = d.getDocumentCatalog().getNames();
        if (names == null || names.getEmbeddedFiles() == null) {
            return 0;
        }
        var files = names.getEmbeddedFiles().getNames();
        return files == null ? 0 : files.size();
    }

    /**
     * The heap in use at its highest, sampled every 5 ms: the pools' own peaks are reached at different moments,
     * so their sum overstates it (it can exceed -Xmx).
     */
    private static final class HeapSampler extends Thread {
        private volatile boolean running = true;
        private long peak;

        static HeapSampler begin() {
            HeapSampler s = new HeapSampler();
            s.setDaemon(true);
            s.start();
            return s;
        }

        @Override
        public void run() {
            var memory = java.lang.management.ManagementFactory.getMemoryMXBean();
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long finish() throws InterruptedException {
            running = false;
            join();
            return peak;
        }
    }

    /** On the first run, prints when each phase of the build begins (where the time goes). */
    private static Progress phases(long t0, boolean print) {
        return new Progress() {
            private String last;

            @Override
            public void message(String text) {
                if (print && !text.startsWith("Exhibit ")) {
                    System.out.printf("  %6.1f s  %s%n", (System.nanoTime() - t0) / 1e9, text);
                } else if (print && last != null && !last.startsWith("Exhibit ")) {
                    System.out.printf("  %6.1f s  Exhibits%n", (System.nanoTime() - t0) / 1e9);
                }
                last = text;
            }
        };
    }

    private static String load() {
        return String.format(java.util.Locale.ROOT, "%.2f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
