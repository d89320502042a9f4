package org.casebook.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.casebook.imports.AttachmentRef;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.sms.SmsImporter;
import org.casebook.vault.Progress;

/**
 * Parse-only speed of the SMS Backup &amp; Restore importer on a generated ~200 MB {@code sms-*.xml}: many SMS
 * and MMS, a share of them with JPEG photos in base64, written deterministically (same seed, same bytes) and
 * streamed to a temp folder that is deleted afterwards. The sink counts records and drains every attachment's
 * bytes, as the real import would when it stores them; nothing is written to a vault.
 *
 * <p>Not a test. Run it in a JVM limited to 256 MB of heap, e.g.
 *
 * <pre>mvn -q -o test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx256m -cp %classpath org.casebook.bench.SmsParseBenchmark"</pre>
 *
 * Arguments: {@code mb=N} (file size, default 200), {@code runs=N} (measured runs after one warm-up, default 3).
 */
public final class SmsParseBenchmark {
    private static final long START_MS = 1_609_459_200_000L; // 2021-01-01T00:00:00Z
    private static final String[] WORDS = ("where are you I saw your car outside again please stop contacting me"
            + " this is the last time I am asking you know what you did why won't you answer I'm at work"
            + " don't come to the house the police have been told ok fine see you later call me back now").split(" ");
    private static final String[] EXTRAS = {" 😀", " &#55357;&#56832;", " &amp; more", " &quot;quoted&quot;",
        " 🚗", " — «really»", " &lt;3", ""};

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SmsParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long mb = 200;
        int runs = 3;
        for (String a : args) {
            for (String token : a.split("[,\\s]+")) {
                if (token.startsWith("mb=")) {
                    mb = Long.parseLong(token.substring(3));
                } else if (token.startsWith("runs=")) {
                    runs = Integer.parseInt(token.substring(5));
                } else if (!token.isBlank()) {
                    throw new IllegalArgumentException("unknown argument " + token + " (use mb=N runs=N)");
                }
            }
        }
        Path dir = Files.createTempDirectory("casebook-sms-bench-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
        try {
            run(dir, mb * 1_000_000L, runs);
        } finally {
            deleteTree(dir);
        }
    }

    private static void run(Path dir, long target, int runs) throws IOException {
        say("== SMS Backup & Restore parse-only benchmark");
        say("JVM %s, max heap %d MB, %d processors, load average %.2f", System.getProperty("java.vm.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path file = dir.resolve("sms-20240101120000.xml");
        long t0 = System.nanoTime();
        Generated g = generate(file, target);
        double genSeconds = (System.nanoTime() - t0) / 1e9;
        long size = Files.size(file);
        say("generated %s: %,d bytes (%.1f MB) in %.1f s: %,d SMS, %,d MMS (%,d with a JPEG, %,d JPEG bytes in all)",
                file.getFileName(), size, size / 1e6, genSeconds, g.sms, g.mms, g.images, g.imageBytes);

        List<double[]> results = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            System.gc();
            HeapPeak.reset();
            long gcBefore = gcMillis();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Counts c = parse(file);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            long peak = HeapPeak.bytes();
            long gc = gcMillis() - gcBefore;
            if (c.messages != g.sms + g.mms || c.attachments != g.images || c.attachmentBytes != g.imageBytes) {
                throw new IllegalStateException("parse gave " + c + ", expected " + g);
            }
            say("%s: %.2f s (thread CPU %.2f s), %.1f MB/s, %,.0f messages/s, %,d attachment bytes drained,"
                    + " peak heap %d MB, GC %d ms", i == 0 ? "warm-up" : "run " + i, seconds, cpu, size / 1e6 / seconds,
                    c.messages / seconds, c.attachmentBytes, peak / (1024 * 1024), gc);
            if (i > 0) {
                results.add(new double[] {seconds, peak, cpu});
            }
        }
        results.sort(Comparator.comparingDouble(r -> r[0]));
        double[] median = results.get(results.size() / 2);
        double maxPeak = results.stream().mapToDouble(r -> r[1]).max().orElse(0);
        say("median of %d runs: %.2f s = %.1f MB/s, %,.0f messages/s (%,d messages); peak heap %d MB of %d MB",
                results.size(), median[0], size / 1e6 / median[0], (g.sms + g.mms) / median[0], g.sms + g.mms,
                (long) maxPeak / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        double[] best = results.get(0);
        say("best run: %.2f s = %.1f MB/s, %,.0f messages/s; parsing thread's CPU time in it %.2f s = %.1f MB/s"
                + " (what a busy machine cannot take away)", best[0], size / 1e6 / best[0], (g.sms + g.mms) / best[0],
                best[2], size / 1e6 / best[2]);
        say("load average at the end: %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private record Counts(long messages, long attachments, long attachmentBytes) {
    }

    private static Counts parse(Path file) throws IOException {
        long[] n = new long[3];
        byte[] buf = new byte[64 * 1024];
        try (ExportFile export = ExportFile.open(file)) {
            new SmsImporter().read(export, new ImportContext(null, Progress.NONE), (ImportedMessage m) -> {
                n[0]++;
                for (AttachmentRef a : m.attachments()) {
                    n[1]++;
                    try (InputStream in = a.data().open()) {
                        for (int r; (r = in.read(buf)) >= 0; ) {
                            n[2] += r;
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        }
        return new Counts(n[0], n[1], n[2]);
    }

    // --- the file ---

    record Generated(long sms, long mms, long images, long imageBytes) {
    }

    static Generated generate(Path file, long target) throws IOException {
        Random random = new Random(20240101);
        List<String> photos = new ArrayList<>();
        List<Integer> photoSizes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            byte[] jpeg = jpeg(random, 480 + 80 * (i % 5), 360 + 60 * (i % 4));
            photos.add(Base64.getEncoder().encodeToString(jpeg));
            photoSizes.add(jpeg.length);
        }
        String[][] contacts = new String[40][];
        for (int i = 0; i < contacts.length; i++) {
            contacts[i] = new String[] {String.format(Locale.ROOT, "+4477009%05d", random.nextInt(100_000)),
                "Contact " + (char) ('A' + i % 26) + (i / 26)};
        }
        long sms = 0;
        long mms = 0;
        long images = 0;
        long imageBytes = 0;
        long time = START_MS;
        StringBuilder body = new StringBuilder();
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 20)) {
            w.write("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n");
            w.write("<?xml-stylesheet type=\"text/xsl\" href=\"sms.xsl\"?>\n");
            // The count is written last (over these spaces), once it is known.
            w.write("<smses count=\"            \" backup_set=\"7d4c1c1e-0b9f-4a57-a1c6-2f1f2b0a9c11\""
                    + " backup_date=\"1704110400000\" type=\"full\">\n");
            long written = 300;
            while (written < target) {
                for (int k = 0; k < 60; k++) {
                    String[] who = contacts[random.nextInt(contacts.length)];
                    body.setLength(0);
                    int words = 3 + random.nextInt(25);
                    for (int j = 0; j < words; j++) {
                        body.append(j == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
                    }
                    body.append(EXTRAS[random.nextInt(EXTRAS.length)]);
                    time += 1000 + random.nextInt(600_000);
                    int type = random.nextInt(10) < 6 ? 1 : 2;
                    String line = "  <sms protocol=\"0\" address=\"" + who[0] + "\" date=\"" + time + "\" type=\"" + type
                            + "\" subject=\"null\" body=\"" + body + "\" toa=\"null\" sc_toa=\"null\" service_center=\""
                            + (type == 1 ? "+447785016005" : "null") + "\" read=\"1\" status=\"-1\" locked=\"0\""
                            + " date_sent=\"" + (type == 1 ? time - 2000 : 0) + "\" sub_id=\"1\" readable_date=\""
                            + "1 Jan 2021 00:00:00\" contact_name=\"" + who[1] + "\" />\n";
                    w.write(line);
                    written += line.length() + 8;
                    sms++;
                }
                for (int k = 0; k < 2; k++) {
                    String[] who = contacts[random.nextInt(contacts.length)];
                    time += 1000 + random.nextInt(600_000);
                    boolean photo = k == 0;
                    int box = random.nextBoolean() ? 1 : 2;
                    StringBuilder m = new StringBuilder(512);
                    m.append("  <mms date=\"").append(time).append("\" ct_t=\"application/vnd.wap.multipart.related\"")
                            .append(" msg_box=\"").append(box).append("\" rr=\"129\" sub=\"null\" read_status=\"null\"")
                            .append(" address=\"").append(who[0]).append("\" m_id=\"mms").append(mms)
                            .append("@example.com\" read=\"1\" m_size=\"0\" m_type=\"").append(box == 1 ? 132 : 128)
                            .append("\" text_only=\"").append(photo ? 0 : 1).append("\" date_sent=\"0\" seen=\"1\"")
                            .append(" readable_date=\"x\" contact_name=\"").append(who[1]).append("\">\n    <parts>\n");
                    m.append("      <part seq=\"-1\" ct=\"application/smil\" name=\"null\" chset=\"null\" cd=\"null\"")
                            .append(" fn=\"null\" cid=\"&lt;smil&gt;\" cl=\"smil.xml\" ctt_s=\"null\" ctt_t=\"null\"")
                            .append(" text=\"&lt;smil&gt;&lt;body&gt;&lt;par dur=&quot;5000ms&quot;&gt;&lt;img")
                            .append(" src=&quot;image.jpg&quot;/&gt;&lt;/par&gt;&lt;/body&gt;&lt;/smil&gt;\" />\n");
                    m.append("      <part seq=\"0\" ct=\"text/plain\" name=\"null\" chset=\"106\" cd=\"null\" fn=\"null\"")
                            .append(" cid=\"&lt;text_0&gt;\" cl=\"text_0.txt\" ctt_s=\"null\" ctt_t=\"null\" text=\"")
                            .append(photo ? "look at this &#55357;&#56832;" : "text only mms").append("\" />\n");
                    w.write(m.toString());
                    written += m.length();
                    if (photo) {
                        int p = random.nextInt(photos.size());
                        w.write("      <part seq=\"0\" ct=\"image/jpeg\" name=\"IMG_" + mms + ".jpg\" chset=\"null\""
                                + " cd=\"null\" fn=\"null\" cid=\"&lt;image&gt;\" cl=\"IMG_" + mms + ".jpg\" ctt_s=\"null\""
                                + " ctt_t=\"null\" text=\"null\" data=\"");
                        w.write(photos.get(p));
                        w.write("\" />\n");
                        written += photos.get(p).length() + 200;
                        images++;
                        imageBytes += photoSizes.get(p);
                    }
                    String end = "    </parts>\n    <addrs>\n      <addr address=\"" + who[0] + "\" type=\""
                            + (box == 1 ? 137 : 151) + "\" charset=\"106\" />\n      <addr address=\"+447700900000\""
                            + " type=\"" + (box == 1 ? 151 : 137) + "\" charset=\"106\" />\n    </addrs>\n  </mms>\n";
                    w.write(end);
                    written += end.length();
                    mms++;
                }
            }
            w.write("</smses>\n");
        }
        // count="" + 12 spaces + '"' becomes count="N" + spaces: the same length, still well-formed.
        String prologue = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
                + "<?xml-stylesheet type=\"text/xsl\" href=\"sms.xsl\"?>\n<smses count=\"";
        String count = String.format(Locale.ROOT, "%-13s", (sms + mms) + "\"");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(count.getBytes(StandardCharsets.US_ASCII)), prologue.length());
        }
        return new Generated(sms, mms, images, imageBytes);
    }

    /** A real JPEG of a noisy gradient: about the size of a phone's MMS photo after the carrier's shrinking. */
    private static byte[] jpeg(Random random, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int y = 0; y < height; y += 4) {
            for (int x = 0; x < width; x += 4) {
                int r = (x * 255 / width + random.nextInt(60)) & 0xFF;
                int gr = (y * 255 / height + random.nextInt(60)) & 0xFF;
                g.setColor(new Color(r, gr, (r + gr) / 2));
                g.fillRect(x, y, 4, 4);
            }
        }
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.8f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    // --- measuring ---

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    System.err.println("could not delete " + p + ": " + e.getMessage());
                }
            });
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
