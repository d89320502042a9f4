package org.casebook.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The macOS .pkg links the command into /usr/local/bin after installing: installer/Installer.java adds the link to
 * jpackage's own postinstall script (read from the JDK building the .pkg). The .pkg can only be built on macOS, so
 * this runs the script it writes with sh, as the macOS installer does (the install folder as $2), with mkdir and
 * ln recorded instead of run. On macOS the JDK's own template is used; elsewhere one of the same shape.
 */
class MacCommandLinkTest {
    private static final String TEMPLATE_SHAPE = "#!/usr/bin/env sh\n\nexit 0\n";

    @Test
    void theInstalledAppsLauncherIsLinkedAsTheCommand(@TempDir Path dir) throws Throwable {
        assertEquals(List.of("mkdir -p /usr/local/bin",
                        "ln -sf /Applications/Casebook.app/Contents/MacOS/Casebook /usr/local/bin/casebook"),
                runAfterInstall(dir, "Casebook", "casebook"));
    }

    @Test
    void theDiscreetBuildsCommandDoesNotSayCasebook(@TempDir Path dir) throws Throwable {
        assertEquals(List.of("mkdir -p /usr/local/bin",
                        "ln -sf /Applications/Notes.app/Contents/MacOS/Notes /usr/local/bin/notes-private"),
                runAfterInstall(dir, "Notes", "notes-private"));
    }

    @Test
    void aScriptWithoutItsEndStopsTheBuild() {
        assertThrows(IllegalStateException.class, () -> withCommandLink("#!/usr/bin/env sh\n", "Casebook", "casebook"));
    }

    /** What the script did, run by sh with the arguments macOS's installer passes: package, install folder, volume. */
    private static List<String> runAfterInstall(Path dir, String app, String command) throws Throwable {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no sh here");
        Path script = dir.resolve("postinstall");
        Files.writeString(script, withCommandLink(template(), app, command));
        String recorded = "mkdir() { echo mkdir \"$@\"; }; ln() { echo ln \"$@\"; }; chown() { :; }; chmod() { :; }; "
                + ". \"$0\"";
        Process p = new ProcessBuilder("/bin/sh", "-c", recorded, script.toString(), "/tmp/Casebook.pkg",
                "/Applications", "/").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }

    private static String withCommandLink(String script, String app, String command) throws Throwable {
        return (String) InstallerProgram.call("withCommandLink", new Class<?>[] {String.class, String.class,
            String.class}, script, app, command);
    }

    /** The JDK's own template where this JDK has it (macOS builds of jpackage), otherwise its shape. */
    private static String template() throws Exception {
        Path own = FileSystems.getFileSystem(URI.create("jrt:/"))
                .getPath("/modules/jdk.jpackage/jdk/jpackage/internal/resources/postinstall.template");
        return Files.exists(own) ? Files.readString(own) : TEMPLATE_SHAPE;
    }
}
