package org.casebook.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.EvidenceTestAccess;
import org.casebook.evidence.IncidentService;
import org.casebook.evidence.PrintRenditions;
import org.casebook.imports.DateOrder;
import org.casebook.imports.ImportOptions;
import org.casebook.imports.ImportService;
import org.casebook.imports.Importers;
import org.casebook.model.Case;
import org.casebook.model.Incident;
import org.casebook.model.IncidentType;
import org.casebook.testsupport.Images;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;

/**
 * The bundle benchmark's case (issue 6): one case with 10,000 WhatsApp chat lines in three conversations
 * (through the real importer; about 0.5% of them are system notices such as "Messages are end-to-end
 * encrypted"), 300 realistic 12 MP JPEGs (4000 x 3000, about 3.5 MB each, EXIF capture
 * times, a quarter of them taken sideways) attached with their print renditions, and 200 incidents, some
 * with photos linked. Built once and cached under {@code <build dir>/bench/} (photos and vault); a second
 * run only opens it. Run:
 *
 * <pre>./mvnw -q -Dcasebook.build.dir=target-io test-compile exec:exec -Dexec.executable=java \
 *     -Dexec.classpathScope=test -Dexec.args="-Xmx512m -cp %classpath org.casebook.bench.BundleBenchmarkCase"</pre>
 *
 * The bundle benchmark calls {@link #ensure()} and times its own work on the returned vault.
 */
public final class BundleBenchmarkCase {
    public static final int MESSAGES = 10_000;
    public static final int PHOTOS = 300;
    public static final int INCIDENTS = 200;
    public static final String TITLE = "Bundle benchmark";
    /** Not a secret: the benchmark vault is a throw-away file. */
    public static final String PASSPHRASE = Benchmarks.PASSPHRASE;
    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    /** The generated chats start on 2019-03-01 and run about ten weeks; photos and incidents share it. */
    private static final LocalDateTime START = LocalDateTime.of(2019, 3, 1, 8, 0);
    private static final int DAYS = 70;
    private static final DateTimeFormatter EXIF = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss", Locale.ROOT);
    /** Bump when what is built changes, so an old cache is rebuilt. */
    private static final String LAYOUT = "1";

    /** The cached case. Open it with {@link #open()}. */
    public record Built(Path vaultFile, long caseId, double buildSeconds, boolean cached) {
        public Vault open() {
            return Vault.open(vaultFile, Passphrase.of(PASSPHRASE));
        }
    }

    private BundleBenchmarkCase() {
    }

    public static void main(String[] args) throws IOException {
        boolean rebuild = List.of(args).contains("rebuild");
        System.out.printf("Bundle benchmark case: %d cores, Java %s, max heap %d MiB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        Built built = ensure(benchDir(), rebuild);
        System.out.printf("%s case %d in %s (%s, %.1f s)%n", TITLE, built.caseId(), built.vaultFile(),
                built.cached() ? "cached" : "built", built.buildSeconds());
    }

    /** The cached case, built first if it is missing. */
    public static Built ensure() throws IOException {
        return ensure(benchDir(), false);
    }

    static Built ensure(Path dir, boolean rebuild) throws IOException {
        Files.createDirectories(dir);
        Path vaultFile = dir.resolve("bundle-benchmark.casebook");
        Path done = dir.resolve("bundle-benchmark.done");
        if (!rebuild && Files.exists(done) && Files.readString(done).strip().equals(LAYOUT)) {
            try (Vault vault = Vault.open(vaultFile, Passphrase.of(PASSPHRASE))) {
                long caseId = vault.read(c -> {
                    try (var ps = c.prepareStatement("SELECT id FROM case_file WHERE title = ?")) {
                        ps.setString(1, TITLE);
                        try (var rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    }
                });
                return new Built(vaultFile, caseId, 0, true);
            }
        }
        Files.deleteIfExists(done);
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(vaultFile + suffix));
        }
        List<Path> photos = photos(dir.resolve("photos"));
        Path chats = Files.createDirectories(dir.resolve("chats"));
        HeapPeak.reset();
        long start = System.nanoTime();
        long caseId;
        try (Vault vault = Vault.create(vaultFile, Passphrase.of(PASSPHRASE))) {
            Case aCase = new CaseService(vault).add(TITLE, "JS", ZONE);
            caseId = aCase.id();
            importMessages(vault, caseId, chats);
            List<Incident> incidents = addIncidents(vault, caseId);
            attachPhotos(vault, caseId, photos, incidents);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("built the case in %.1f s, peak heap %d MiB%n", seconds, HeapPeak.bytes() / (1024 * 1024));
        measureRenderingAlone(photos);
        Files.writeString(done, LAYOUT + "\n");
        return new Built(vaultFile, caseId, seconds, false);
    }

    private static void importMessages(Vault vault, long caseId, Path chats) throws IOException {
        ImportService service = new ImportService(vault, Importers.standard());
        int[] sizes = {5_000, 3_000, 2_000};
        String[] names = {"Sam", "Sam (second number)", "Sam's sister"};
        long t = System.nanoTime();
        long total = 0;
        long system = 0;
        for (int i = 0; i < sizes.length; i++) {
            Path chat = chats.resolve("WhatsApp Chat with " + names[i] + ".txt");
            if (!Files.exists(chat)) {
                WhatsAppParseBenchmark.generate(chat, sizes[i]);
            }
            var summary = service.importFile(caseId, chat,
                    new ImportOptions(null, null, DateOrder.DMY, List.of(), false), Progress.NONE);
            total += summary.messages();
            system += summary.system();
        }
        System.out.printf("imported %,d chat lines (%,d messages, %,d system notices) in %d conversations: %.1f s%n",
                total + system, total, system, sizes.length, (System.nanoTime() - t) / 1e9);
    }

    private static List<Incident> addIncidents(Vault vault, long caseId) {
        IncidentService service = new IncidentService(vault);
        IncidentType[] types = IncidentType.values();
        List<Incident> out = new ArrayList<>();
        long t = System.nanoTime();
        for (int i = 0; i < INCIDENTS; i++) {
            ZonedDateTime at = START.plusMinutes((long) i * DAYS * 24 * 60 / INCIDENTS + 17L * (i % 11)).atZone(ZONE);
            IncidentType type = types[i % types.length];
            out.add(service.add(caseId, TestVaults.draft(type, at, "Incident " + (i + 1) + ": "
                    + type.label().toLowerCase(Locale.ROOT) + " near the house, noted the same evening.")));
        }
        System.out.printf("added %d incidents: %.1f s%n", INCIDENTS, (System.nanoTime() - t) / 1e9);
        return out;
    }

    /** Attaches the photos in tens, every third batch to an incident; renditions are made on the way. */
    private static void attachPhotos(Vault vault, long caseId, List<Path> photos, List<Incident> incidents) {
        AttachmentService service = new AttachmentService(vault);
        long t = System.nanoTime();
        for (int from = 0; from < photos.size(); from += 10) {
            Long incident = (from / 10) % 3 == 0 ? incidents.get(from * incidents.size() / photos.size()).id() : null;
            service.attach(caseId, photos.subList(from, Math.min(photos.size(), from + 10)), incident, Progress.NONE);
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        long renditions = vault.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM rendition WHERE blob_id IS NOT NULL")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        System.out.printf("attached %d photos with %d print renditions: %.1f s (%.0f ms per photo)%n",
                photos.size(), renditions, seconds, seconds * 1000 / photos.size());
        if (renditions != photos.size()) {
            throw new IllegalStateException("expected a rendition for every photo, got " + renditions);
        }
        if (new PrintRenditions(vault).ensureAll(caseId, Progress.NONE) != 0) {
            throw new IllegalStateException("attaching left renditions to make");
        }
    }

    /** The rendering cost on its own (decode, orient, encode; nothing stored), to set against attaching. */
    private static void measureRenderingAlone(List<Path> photos) {
        long t = System.nanoTime();
        for (Path p : photos) {
            if (EvidenceTestAccess.renderPrintImage(p, "image/jpeg") == null) {
                throw new IllegalStateException("could not render " + p);
            }
        }
        double ms = (System.nanoTime() - t) / 1e6 / photos.size();
        System.out.printf("print rendition alone: %.0f ms per 12 MP photo (%.1f s for %d)%n", ms,
                ms * photos.size() / 1000, photos.size());
    }

    /** The photos, generated once (about a second each) and kept for later runs. */
    static List<Path> photos(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        long t = System.nanoTime();
        int made = 0;
        long bytes = 0;
        for (int i = 0; i < PHOTOS; i++) {
            Path file = dir.resolve(String.format("IMG_%04d.jpg", i + 1));
            if (!Files.exists(file)) {
                LocalDateTime taken = START.plusMinutes((long) i * DAYS * 24 * 60 / PHOTOS + 7L * (i % 13));
                int orientation = i % 4 == 0 ? 6 : 1; // some taken with the phone held upright
                Path part = dir.resolve(file.getFileName() + ".part");
                Files.write(part, Images.photoJpeg(4000, 3000, i + 1, 0.9f, EXIF.format(taken), orientation));
                Files.move(part, file);
                made++;
            }
            bytes += Files.size(file);
            out.add(file);
        }
        if (made > 0) {
            System.out.printf("generated %d photos of 4000 x 3000: %.1f s%n", made, (System.nanoTime() - t) / 1e9);
        }
        System.out.printf("%d photos, %.1f MB on average%n", out.size(), bytes / 1e6 / out.size());
        return out;
    }

    /** {@code <build dir>/bench}: next to the compiled test classes, so each engineer's build dir has its own. */
    public static Path benchDir() {
        try {
            Path testClasses = Path.of(BundleBenchmarkCase.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return testClasses.getParent().resolve("bench");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
