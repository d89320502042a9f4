package org.casebook.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.casebook.bundle.BundleOptions;
import org.casebook.bundle.BundleResult;
import org.casebook.bundle.BundleService;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.IncidentService;
import org.casebook.imports.ImportFormat;
import org.casebook.imports.ImportOptions;
import org.casebook.imports.ImportService;
import org.casebook.imports.Importers;
import org.casebook.model.Case;
import org.casebook.model.IncidentType;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;

/**
 * Time and heap to build a bundle for issue 6's case: {@code messages} SMS, {@code photos} 12 MP JPEGs,
 * {@code incidents} diary entries. Not a test: run on the test class path with -Xmx512m, e.g.
 * {@code java -Xmx512m -cp ... org.casebook.bench.BundleBenchmark messages=10000 photos=300 incidents=200}.
 */
public final class BundleBenchmark {
    public static void main(String[] args) throws Exception {
        int messages = arg(args, "messages", 10_000);
        int photos = arg(args, "photos", 300);
        int incidents = arg(args, "incidents", 200);
        Path dir = Files.createTempDirectory("casebook-bundle-bench-");
        try (Vault vault = TestVaults.create(dir, "bench.casebook")) {
            ZoneId zone = ZoneId.of("Europe/London");
            Case aCase = new CaseService(vault).add("Benchmark case", "BC", zone);
            ZonedDateTime start = ZonedDateTime.of(2024, 1, 1, 8, 0, 0, 0, zone);
            IncidentService diary = new IncidentService(vault);
            for (int i = 0; i < incidents; i++) {
                diary.add(aCase.id(), TestVaults.draft(IncidentType.values()[i % IncidentType.values().length],
                        start.plusHours(11L * i), "Incident " + i + ": he was outside the house again and would not leave."));
            }
            StringBuilder xml = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n<smses count=\"" + messages + "\">\n");
            Random random = new Random(6);
            for (int i = 0; i < messages; i++) {
                long at = start.plusMinutes(13L * i).toInstant().toEpochMilli();
                xml.append("<sms protocol=\"0\" address=\"+447700900123\" date=\"").append(at).append("\" type=\"")
                        .append(random.nextInt(10) == 0 ? 2 : 1).append("\" body=\"Message number ").append(i)
                        .append(": why are you ignoring me, answer the phone\" read=\"1\" contact_name=\"Sam\" />\n");
            }
            xml.append("</smses>\n");
            Path sms = dir.resolve("sms.xml");
            Files.writeString(sms, xml, StandardCharsets.UTF_8);
            new ImportService(vault, Importers.standard()).importFile(aCase.id(), sms,
                    new ImportOptions(ImportFormat.SMS, null, null, List.of("+447700900123"), false), Progress.NONE);
            Path photoDir = Files.createDirectories(dir.resolve("photos"));
            List<Path> files = new ArrayList<>();
            BufferedImage image = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
            for (int i = 0; i < photos; i++) {
                Graphics2D g = image.createGraphics();
                g.setPaint(new GradientPaint(0, 0, new Color(i % 255, 90, 160), 4000, 3000, Color.DARK_GRAY));
                g.fillRect(0, 0, 4000, 3000);
                g.setColor(Color.WHITE);
                g.drawString("photo " + i, 100, 100);
                g.dispose();
                Path f = photoDir.resolve("IMG_" + i + ".jpg");
                ImageIO.write(image, "jpg", f.toFile());
                files.add(f);
            }
            new AttachmentService(vault).attach(aCase.id(), files, null, Progress.NONE);
            System.gc();
            HeapPeak.reset();
            long t0 = System.nanoTime();
            BundleResult r = new BundleService(vault).build(aCase.id(), BundleOptions.all(), dir.resolve("b.pdf"),
                    Progress.NONE, () -> false);
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("bundle: %d messages, %d photos, %d incidents -> %d pages, %d exhibits in %.1f s"
                            + " (%.0f pages/s); peak heap %d MiB; file %.1f MB; max heap %d MiB%n", messages, photos,
                    incidents, r.pageCount(), r.exhibits().size(), secs, r.pageCount() / secs, HeapPeak.bytes() >> 20,
                    Files.size(dir.resolve("b.pdf")) / 1e6, Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            Benchmarks.deleteTree(dir);
        }
    }

    private static int arg(String[] args, String name, int fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return Integer.parseInt(a.substring(name.length() + 1));
            }
        }
        return fallback;
    }
}
