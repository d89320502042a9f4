package org.casebook.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.casebook.bundle.BundleOptions;
import org.casebook.bundle.BundleResult;
import org.casebook.bundle.BundleService;
import org.casebook.bundle.check.RuleResult;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.CaseService;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;

/**
 * Issue 13's comparison with BunTool: 60 PDFs of 1,000 pages in all, attached to a case and merged into one
 * bundle as exhibits (each with its front sheet, bookmarks and page numbers; the index, statement, integrity
 * appendix and signature as for any bundle). BunTool took about 4.9 s for the same 60 PDFs; the target is at
 * least twice as fast, 2.45 s, within 256 MB of heap. Only the bundle is timed: the PDFs (letters of A4 text
 * in an embedded font, 16 or 17 pages each, made once and kept under the build folder) and the vault (made
 * afresh in a temp folder) are set up first. Prints the wall time, the process's CPU time (the honest figure on
 * a busy machine) and the load average beside each run. Not a test; run with
 *
 * <pre>./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx256m -cp %classpath org.casebook.bench.MergedPagesBenchmark runs=3"</pre>
 */
public final class MergedPagesBenchmark {
    static final int FILES = 60;
    static final int PAGES = 1000;
    static final double TARGET_SECONDS = 4.9 / 2;
    /** Bump when the generated PDFs change, so old ones are made again. */
    private static final String LAYOUT = "1";

    private MergedPagesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 3;
        for (String a : args) {
            if (a.startsWith("runs=")) {
                runs = Integer.parseInt(a.substring(5));
            }
        }
        System.out.printf("Merged-pages benchmark: %d cores, Java %s, max heap %d MiB, load %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, load());
        List<Path> pdfs = pdfs(BundleBenchmarkCase.benchDir().resolve("merged-pages"));
        Path dir = Files.createTempDirectory("casebook-merged-bench");
        Path out = dir.resolve("bundle.pdf");
        try (Vault vault = Vault.create(dir.resolve("merged.casebook"), Passphrase.of(Benchmarks.PASSPHRASE))) {
            long caseId = new CaseService(vault).add("Merged pages benchmark", "JS", ZoneId.of("Europe/London")).id();
            long t = System.nanoTime();
            new AttachmentService(vault).attach(caseId, pdfs, null, Progress.NONE);
            System.out.printf("attached %d PDFs (%d pages) in %.1f s%n", pdfs.size(), PAGES, (System.nanoTime() - t) / 1e9);
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            for (int run = 1; run <= runs; run++) {
                HeapPeak.reset();
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                BundleResult r = new BundleService(vault).build(caseId, BundleOptions.all(), out,
                        phases(t0, run == runs), () -> false);
                double secs = (System.nanoTime() - t0) / 1e9;
                double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
                System.out.printf("run %d: %d pages (%d exhibits) in %.2f s wall, %.2f s CPU; peak heap %d MiB;"
                                + " file %.1f MB; load %s; target %.2f s: %s%n", run, r.pageCount(), r.exhibits().size(),
                        secs, cpu, HeapPeak.bytes() >> 20, Files.size(out) / 1e6, load(), TARGET_SECONDS,
                        secs <= TARGET_SECONDS ? "met" : "not met");
                if (run == runs) {
                    checkAlone(out);
                }
                if (run == 1) {
                    for (RuleResult rule : r.check().results()) {
                        System.out.println("  " + (rule.passed() ? "PASS " : "FAIL ") + rule.id() + ": " + rule.detail());
                    }
                }
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The 60 PDFs, made once: 40 of 17 pages and 20 of 16, each a letter of A4 text in an embedded font. */
    static List<Path> pdfs(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path done = dir.resolve("done");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            files.add(dir.resolve(String.format(Locale.ROOT, "2021-%02d-%02d Letter %02d about the case.pdf",
                    1 + i % 12, 1 + i % 28, i + 1)));
        }
        if (Files.exists(done) && Files.readString(done).strip().equals(LAYOUT)) {
            return files;
        }
        int left = PAGES;
        for (int i = 0; i < FILES; i++) {
            int pages = i < FILES - 1 ? (i < 40 ? 17 : 16) : left;
            left -= pages;
            write(files.get(i), i + 1, pages);
        }
        Files.writeString(done, LAYOUT + "\n");
        return files;
    }

    private static void write(Path file, int number, int pages) throws IOException {
        try (PDDocument d = new PDDocument()) {
            PDType0Font font;
            try (InputStream in = MergedPagesBenchmark.class.getClassLoader().getResourceAsStream(
                    "net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf")) {
                font = PDType0Font.load(d, in);
            }
            for (int p = 1; p <= pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                d.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(d, page)) {
                    cs.beginText();
                    cs.setFont(font, 11);
                    cs.setLeading(15);
                    cs.newLineAtOffset(72, 770);
                    cs.showText("Letter " + number + ", page " + p + " of " + pages + " (fictional)");
                    for (int line = 0; line < 44; line++) {
                        cs.newLine();
                        cs.showText("Line " + (line + 1) + ": the quick brown fox jumps over the lazy dog, and then"
                                + " writes again about what happened on the day.");
                    }
                    cs.endText();
                }
            }
            d.save(file.toFile());
        }
    }

    /** The bundle check alone on the finished file, in this thread's CPU time (steady whatever the load). */
    private static void checkAlone(Path bundle) throws IOException {
        var threads = ManagementFactory.getThreadMXBean();
        for (int i = 1; i <= 3; i++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            try (PDDocument d = org.apache.pdfbox.Loader.loadPDF(bundle.toFile())) {
                new org.casebook.bundle.check.BundleChecker().check(d);
            }
            System.out.printf("  the check alone, pass %d: %.2f s CPU%n", i,
                    (threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
        }
    }

    /**
     * On the last run, prints when each phase of the build begins (where the time goes, once warm), in wall time
     * and in the process's CPU time (the figure that holds on a busy machine).
     */
    private static Progress phases(long t0, boolean print) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        return new Progress() {
            private String last;

            @Override
            public void message(String text) {
                boolean exhibit = text.startsWith("Exhibit ");
                if (print && (!exhibit || last == null || !last.startsWith("Exhibit "))) {
                    System.out.printf("  %6.2f s wall %6.2f s CPU  %s%n", (System.nanoTime() - t0) / 1e9,
                            (os.getProcessCpuTime() - cpu0) / 1e9, exhibit ? "Exhibits" : text);
                }
                last = text;
            }
        };
    }

    private static String load() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
