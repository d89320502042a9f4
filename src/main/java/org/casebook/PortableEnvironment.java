package org.casebook;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The portable copy's promise, "nothing written to this computer", for the native libraries under the desktop
 * app: Java's properties (set by the portable launcher) cover every Java library, but GTK and fontconfig find
 * their cache and settings folders from the environment ($XDG_CACHE_HOME, else ~/.cache) and GTK's settings
 * backend (dconf) writes ~/.cache/dconf/user. Before the toolkit loads, those variables are pointed into the
 * portable data folder and GTK's settings are kept in memory. HOME itself is left alone: the file chooser's
 * "Home" must still be the person's own, where their exports are.
 */
final class PortableEnvironment {
    private PortableEnvironment() {
    }

    private interface LibC extends Library {
        int setenv(String name, String value, int overwrite);
    }

    static void apply(Path data) {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return;
        }
        try {
            LibC libc = Native.load("c", LibC.class);
            Map<String, String> folders = Map.of("XDG_CACHE_HOME", "cache", "XDG_CONFIG_HOME", "config",
                    "XDG_DATA_HOME", "share", "XDG_STATE_HOME", "state");
            for (Map.Entry<String, String> folder : folders.entrySet()) {
                Path path = Files.createDirectories(data.resolve("home").resolve(folder.getValue()));
                libc.setenv(folder.getKey(), path.toString(), 1);
            }
            libc.setenv("GSETTINGS_BACKEND", "memory", 1);
        } catch (IOException | UnsatisfiedLinkError | RuntimeException e) {
            System.err.println("Casebook: could not keep the desktop's caches in the portable folder: "
                    + e.getMessage());
        }
    }
}
