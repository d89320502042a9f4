package org.casebook.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.casebook.Launcher;
import org.casebook.Version;
import org.casebook.testsupport.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged app, built the way {@code ./mvnw -Pinstaller package} builds it (installer/Installer.java: jlink,
 * then jpackage), run from its own launcher: proof that the trimmed runtime holds every module the app needs
 * and that the portable copy writes nothing to the home folder. The app's classes and libraries go in as a
 * folder of jars rather than the shaded jar, which {@code verify} only makes after the tests.
 * Skipped (not failed) where the JDK has no jpackage or the system is not Linux (the launcher layout differs);
 * the GUI check is skipped where there is no Xvfb. The trimmed runtime is kept in the build folder between runs.
 */
class AppImageTest {
    private static final String PASSPHRASE = "correct horse battery staple 42";
    private static Path build;
    private static Path appImage;
    private static Path portable;

    @BeforeAll
    static void buildAppImage() throws Exception {
        assumeTrue(ToolProvider.findFirst("jpackage").isPresent() && ToolProvider.findFirst("jlink").isPresent(),
                "this JDK has no jpackage/jlink");
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux"),
                "the app-image check runs on Linux");
        Path classes = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        build = classes.getParent().resolve("app-image-test");
        deleteTree(build);
        Path input = Files.createDirectories(build.resolve("input"));
        List<String> classPath = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (p.toString().endsWith(".jar") && Files.isRegularFile(p)) {
                String name = (n++) + "-" + p.getFileName();
                Files.copy(p, input.resolve(name));
                classPath.add(name);
            }
        }
        jarOf(classes, input.resolve("casebook.jar"), classPath);
        Path dest = build.resolve("installer");
        Process installer = new ProcessBuilder(javaHome().resolve("bin/java").toString(), "installer/Installer.java",
                "--input", input.toString(), "--main-jar", "casebook.jar", "--version", Version.get(),
                "--dest", dest.toString(), "--work", classes.getParent().resolve("installer-work").toString(),
                "--type", "app-image", "--portable")
                .redirectErrorStream(true).redirectOutput(build.resolve("installer.log").toFile()).start();
        assertTrue(installer.waitFor(5, TimeUnit.MINUTES), "installer/Installer.java did not finish in 5 minutes");
        assertEquals(0, installer.exitValue(), () -> read(build.resolve("installer.log")));
        appImage = dest.resolve("Casebook");
        try (Stream<Path> made = Files.list(dest)) {
            Path zip = made.filter(p -> p.getFileName().toString().endsWith("-portable-linux-x64.zip")
                    || p.getFileName().toString().contains("-portable-")).findFirst().orElseThrow();
            portable = unzip(zip, build.resolve("stick")).resolve("Casebook");
        }
    }

    @Test
    void launcherPrintsTheVersion() throws Exception {
        Run run = run(appImage, Map.of(), "--version");
        assertEquals(0, run.code, run.output);
        assertTrue(run.output.contains("casebook " + Version.get()), run.output);
    }

    /**
     * The installed app loads SQLite's library from its own folder: with the temp folder unusable (where the driver
     * would otherwise unpack it at every start, and leave it when the app is killed) a vault is still made and read.
     */
    @Test
    void sqlitesLibraryIsLoadedFromTheAppNotUnpackedToTheTempFolder(@TempDir Path dir) throws Exception {
        assertTrue(Files.isRegularFile(appImage.resolve("lib/app/libsqlitejdbc.so")), "SQLite's library beside the jar");
        Path vault = dir.resolve("v.casebook");
        Map<String, String> env = Map.of("HOME", dir.toString(), "CASEBOOK_PASSPHRASE", PASSPHRASE,
                "JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + dir.resolve("no-such-folder"));
        ok(run(appImage, env, "init", "--vault", vault.toString()));
        ok(run(appImage, env, "case", "list", "--vault", vault.toString()));
    }

    /**
     * The whole headless path from the portable copy unzipped onto a "stick", with HOME an empty folder: a new
     * vault, a case, a WhatsApp export, a bundle, and verify-bundle re-hashing it. Afterwards HOME is still empty.
     */
    @Test
    void portableCopyRunsTheCommandLineAndLeavesHomeEmpty(@TempDir Path home) throws Exception {
        Path stick = portable.getParent();
        Path vault = stick.resolve("notes.casebook");
        Path pdf = stick.resolve("bundle.pdf");
        Map<String, String> env = Map.of("HOME", home.toString(), "CASEBOOK_PASSPHRASE", PASSPHRASE);
        ok(run(portable, env, "init", "--vault", vault.toString()));
        ok(run(portable, env, "case", "add", "--vault", vault.toString(), "--title", "Stick case", "--initials", "SC",
                "--timezone", "Europe/London"));
        Run imported = run(portable, env, "import", "--vault", vault.toString(), "--case", "Stick case",
                Fixtures.file("whatsapp", "whatsapp-chat-parser-example.zip").toAbsolutePath().toString());
        ok(imported);
        ok(run(portable, env, "bundle", "--vault", vault.toString(), "--case", "Stick case", "--out", pdf.toString()));
        Run verified = run(portable, env, "verify-bundle", pdf.toString(), "--json");
        ok(verified);
        assertTrue(verified.output.matches("(?s).*\"verified\"\\s*:\\s*true.*"), verified.output);
        try (Stream<Path> left = Files.walk(home)) {
            assertEquals(List.of(home), left.toList(), "the portable copy wrote into HOME");
        }
    }

    /**
     * The GUI starts from the portable copy to a window named Casebook (under Xvfb; skipped where there is none),
     * and HOME is still empty after it closes: GTK's settings cache (~/.cache/dconf) and JavaFX's native
     * libraries (~/.openjfx) went to the copy's data folder.
     */
    @Test
    void portableCopyOpensItsWindowAndLeavesHomeEmpty(@TempDir Path home) throws Exception {
        openWindow(portable, home, "portable.log");
        try (Stream<Path> left = Files.walk(home)) {
            assertEquals(List.of(home), left.toList(), "the portable copy's desktop app wrote into HOME");
        }
    }

    /**
     * The installed app's window opens with JavaFX's libraries loaded from the app's own folder: nothing is
     * unpacked into ~/.openjfx in the home folder.
     */
    @Test
    void theInstalledAppUnpacksNoLibraryIntoHome(@TempDir Path home) throws Exception {
        assertTrue(Files.isRegularFile(appImage.resolve("lib/app/libglass.so")), "JavaFX's libraries beside the jar");
        openWindow(appImage, home, "installed.log");
        assertFalse(Files.exists(home.resolve(".openjfx")), "JavaFX unpacked its libraries into HOME");
    }

    /** Starts {@code image}'s app with HOME {@code home} under Xvfb, waits for its window, and closes it. */
    private static void openWindow(Path image, Path home, String log) throws Exception {
        assumeTrue(onPath("Xvfb") && onPath("xdotool"), "no Xvfb/xdotool here");
        int display = 90 + (int) (ProcessHandle.current().pid() % 100);
        Process xvfb = new ProcessBuilder("Xvfb", ":" + display, "-noreset", "-screen", "0", "1280x800x24", "-nolisten",
                "tcp")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Process app = null;
        try {
            long ready = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (xdotool(display, "getdisplaygeometry").isEmpty() && System.nanoTime() < ready) {
                Thread.sleep(100);
            }
            ProcessBuilder pb = new ProcessBuilder(image.resolve("bin/Casebook").toString())
                    .redirectErrorStream(true).redirectOutput(build.resolve(log).toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("XDG_") || k.startsWith("GSETTINGS"));
            pb.environment().put("DISPLAY", ":" + display);
            pb.environment().put("HOME", home.toString());
            long started = System.nanoTime();
            app = pb.start();
            boolean shown = false;
            while (!shown && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(60) && app.isAlive()) {
                shown = !xdotool(display, "search", "--onlyvisible", "--name", "^Casebook$").isEmpty();
                if (!shown) {
                    Thread.sleep(200);
                }
            }
            assertTrue(shown, () -> "no Casebook window within 60 s; the app said:\n" + read(build.resolve(log)));
            System.out.printf("%s: window after %d ms%n", image.getFileName(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } finally {
            if (app != null) {
                app.destroy();
                if (!app.waitFor(20, TimeUnit.SECONDS)) {
                    app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** What xdotool printed on that display, or "" when it failed (no display yet, no such window). */
    private static String xdotool(int display, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("xdotool"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("DISPLAY", ":" + display);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
    }

    private record Run(int code, String output) {
    }

    private static void ok(Run run) {
        assertEquals(0, run.code, run.output);
    }

    private static Run run(Path image, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(image.resolve("bin/Casebook").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("XDG_") || k.startsWith("JDK_JAVA_OPTIONS")
                || k.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the launcher did not finish: " + command);
        return new Run(p.exitValue(), String.join(" ", args) + " ->\n" + output);
    }

    /** Unzips keeping the execute bits the zip recorded, as an archive tool on the person's computer does. */
    private static Path unzip(Path zip, Path to) throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()),
                Map.of("enablePosixFileAttributes", "true"));
             Stream<Path> entries = Files.walk(fs.getPath("/"))) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Path target = to.resolve(entry.toString().substring(1));
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(entry, target);
                }
                Set<PosixFilePermission> perms = Files.getFileAttributeView(entry, PosixFileAttributeView.class)
                        .readAttributes().permissions();
                if (!perms.isEmpty()) {
                    Files.setPosixFilePermissions(target, perms);
                }
            }
        }
        return to;
    }

    private static void jarOf(Path classes, Path jar, List<String> classPath) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Launcher.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, (OutputStream) out);
                out.closeEntry();
            }
        }
    }

    private static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> files = Files.walk(p)) {
            for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }
}
