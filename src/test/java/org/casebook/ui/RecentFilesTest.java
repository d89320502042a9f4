package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file a person picks in the app's file chooser does not go into the desktop's list of recently used files
 * (GTK's {@code recently-used.xbel}), and the entries already in that list stay as they were. Run on a real X
 * display (Xvfb) with GTK, typing into GTK's own chooser with xdotool; without Xvfb, xdotool and GTK
 * ({@code apt-get install xvfb xdotool libgtk-3-0}) it is skipped. The same chooser opened without the app's
 * protection records the file: that shows the test would see it.
 */
class RecentFilesTest {
    /** An entry another app made today (GTK drops entries older than 30 days), which must survive. */
    private static final String OTHER_APPS_LIST = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xbel version="1.0"
                  xmlns:bookmark="http://www.freedesktop.org/standards/desktop-bookmarks"
                  xmlns:mime="http://www.freedesktop.org/standards/shared-mime-info"
            >
              <bookmark href="file:///home/someone/Documents/shopping-list.txt" added="%1$s" modified="%1$s" \
            visited="%1$s">
                <info>
                  <metadata owner="http://freedesktop.org">
                    <mime:mime-type type="text/plain"/>
                    <bookmark:applications>
                      <bookmark:application name="gedit" exec="&apos;gedit %%u&apos;" \
            modified="%1$s" count="1"/>
                    </bookmark:applications>
                  </metadata>
                </info>
              </bookmark>
            </xbel>
            """;

    private static final String OTHER_APP_ENTRY = "file:///home/someone/Documents/shopping-list.txt";

    private static Process xvfb;
    private static String display;

    @TempDir
    Path temp;

    @BeforeAll
    static void startXvfb() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "GTK's recent files: Linux");
        Assumptions.assumeTrue(onPath("Xvfb") && onPath("xdotool"), "needs Xvfb and xdotool");
        Assumptions.assumeTrue(Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libgtk-3.so.0"))
                || Files.exists(Path.of("/usr/lib64/libgtk-3.so.0")) || Files.exists(Path.of("/usr/lib/libgtk-3.so.0")),
                "needs GTK 3 (libgtk-3-0)");
        // -noreset: Xvfb otherwise resets when its last client leaves, and a probe connecting then is refused
        // ("Unable to open DISPLAY"), as happened once in CI between two tests.
        xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-noreset", "-screen", "0", "1280x1024x24", "-nolisten",
                "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        StringBuilder number = new StringBuilder();
        for (int c = xvfb.getInputStream().read(); c >= 0 && c != '\n'; c = xvfb.getInputStream().read()) {
            number.append((char) c);
        }
        Assumptions.assumeTrue(!number.isEmpty(), "Xvfb did not start");
        display = ":" + number.toString().strip();
    }

    @AfterAll
    static void stopXvfb() {
        if (xvfb != null) {
            xvfb.destroy();
        }
    }

    @Test
    void evidencePickedInTheAppIsNotListedAsRecentlyUsed() throws Exception {
        Run run = pick("open", "evidence-photo-of-the-car.jpg", true);
        assertUnlisted(run);
    }

    @Test
    void aBundleSavedFromTheAppIsNotListedAsRecentlyUsed() throws Exception {
        Run run = pick("save", "bundle-for-the-police.pdf", false);
        assertUnlisted(run);
    }

    @Test
    void theSameChooserWithoutTheAppsProtectionListsIt() throws Exception {
        Run run = pick("bare", "evidence-photo-of-the-car.jpg", true);
        assertTrue(run.output.contains("chosen: [" + run.picked + "]"), "the chooser picked the file:\n" + run.output);
        String list = new String(run.listAfter, StandardCharsets.UTF_8);
        assertTrue(list.contains(run.picked.getFileName().toString()), "GTK listed it:\n" + list);
        assertTrue(list.contains(OTHER_APP_ENTRY), list);
        assertTrue(run.everListed, "the watch sees what GTK writes");
    }

    private static void assertUnlisted(Run run) {
        assertTrue(run.output.contains("chosen: [" + run.picked + "]"), "the chooser picked the file:\n" + run.output);
        String list = new String(run.listAfter, StandardCharsets.UTF_8);
        assertFalse(list.contains(run.picked.getFileName().toString()), "the file is not listed:\n" + list);
        assertFalse(list.contains(run.picked.getParent().getFileName().toString()), "nor its folder:\n" + list);
        assertFalse(list.contains("evidence") || list.contains("bundle-for"), "nothing of it:\n" + list);
        assertFalse(run.everListed, "the list file never named it, not even for a moment:\n" + run.output);
        assertTrue(list.contains(OTHER_APP_ENTRY) && list.contains("name=\"gedit\""),
                "the other app's entry is still there:\n" + list);
    }

    /** @param everListed whether the list file named the file at any moment while the probe ran */
    private record Run(Path picked, String output, byte[] listAfter, boolean everListed) {
    }

    /**
     * Starts the probe, picks {@code name} (in a folder of its own) in GTK's chooser by typing its path, and reads
     * the list after.
     */
    private Run pick(String mode, String name, boolean exists) throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        Path share = Files.createDirectories(home.resolve(".local/share"));
        Path list = share.resolve("recently-used.xbel");
        Files.writeString(list, String.format(OTHER_APPS_LIST, java.time.Instant.now().truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS)));
        Path folder = Files.createDirectories(home.resolve("Private-folder-" + mode));
        Path evidence = folder.resolve(name);
        if (exists) {
            Files.writeString(evidence, "not really a photo");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-Dprism.order=sw",
                "-cp", System.getProperty("java.class.path"), NativeChooserProbe.class.getName(), mode,
                home.resolve(".config/casebook").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("DISPLAY", display);
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", share.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        env.put("GSETTINGS_BACKEND", "memory");
        env.remove("XDG_RUNTIME_DIR");
        Process probe = builder.start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the probe ended
            }
        });
        reader.start();
        // Reads the list over and over while the probe runs: the name must never be on disk, not even briefly.
        java.util.concurrent.atomic.AtomicBoolean listed = new java.util.concurrent.atomic.AtomicBoolean();
        String stem = name.substring(0, name.indexOf('.'));
        Thread watcher = new Thread(() -> {
            while (probe.isAlive()) {
                try {
                    if (Files.readString(list).contains(stem)) {
                        listed.set(true);
                    }
                    Thread.sleep(5);
                } catch (IOException | InterruptedException | RuntimeException ignored) {
                    // the file is being replaced this instant: read it again
                }
            }
        });
        watcher.start();
        try {
            String window;
            try {
                window = waitForWindow(NativeChooserProbe.TITLE, probe);
            } catch (AssertionError e) {
                // say why: the probe JVM's own output (it may have ended early, or GTK may have refused the display)
                boolean ended = probe.waitFor(10, TimeUnit.SECONDS);
                reader.join(10_000);
                throw new AssertionError(e.getMessage() + (ended ? "; the probe ended with exit " + probe.exitValue()
                        : "; the probe is still running") + ", saying:\n" + output, e);
            }
            xdotool("windowfocus", "--sync", window);
            xdotool("key", "--window", window, "ctrl+l");
            Thread.sleep(300);
            xdotool("type", "--window", window, "--delay", "15", evidence.toString());
            Thread.sleep(300);
            xdotool("key", "--window", window, "Return");
            assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "the probe ended");
        } finally {
            probe.destroyForcibly();
            reader.join(10_000);
            watcher.join(10_000);
        }
        Assumptions.assumeFalse(output.toString().contains("Unable to load glass GTK library"), "GTK is missing");
        // GTK writes the list from its main loop after the chooser closes; the probe waits for that before it ends.
        // What the chooser returned (a save chooser keeps the suggested name's extension after what was typed).
        java.util.regex.Matcher chosen = java.util.regex.Pattern.compile("chosen: \\[(.+)]").matcher(output);
        Path picked = chosen.find() ? Path.of(chosen.group(1)) : evidence;
        byte[] after = Files.readAllBytes(list);
        return new Run(picked, output.toString(), after, listed.get()
                || new String(after, StandardCharsets.UTF_8).contains(stem));
    }

    private static String waitForWindow(String title, Process probe) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && probe.isAlive()) {
            ProcessBuilder builder = new ProcessBuilder("xdotool", "search", "--name", "^" + title + "$")
                    .redirectErrorStream(true);
            builder.environment().put("DISPLAY", display);
            Process search = builder.start();
            search.getOutputStream().close();
            String out = new String(search.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            search.waitFor();
            if (search.exitValue() == 0 && !out.isEmpty()) {
                Thread.sleep(700); // let GTK finish building the chooser before typing into it
                return out.lines().findFirst().orElseThrow();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no window \"" + title + "\" appeared");
    }

    private static void xdotool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("xdotool"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        Process p = builder.start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0, "xdotool " + command);
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
