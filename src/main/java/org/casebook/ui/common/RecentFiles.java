package org.casebook.ui.common;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.animation.PauseTransition;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the vault, the evidence picked and the bundles saved out of the desktop's list of recently used files.
 *
 * <p>On Linux, JavaFX's file chooser is GTK's, and GTK adds every file picked in it to
 * {@code ~/.local/share/recently-used.xbel}, which the next file chooser and the file manager show under
 * "Recent". JavaFX offers no way to stop it. GTK's own switch, {@code gtk-recent-files-enabled}, is no help:
 * with it off, the next file picked makes GTK write the list out empty, erasing every other app's entries too.
 * Taking the entry out once the chooser has handed back the file is too late: JavaFX's own code does not run
 * while GTK's chooser is open, and GTK may have written the list by then. So the watch runs inside GTK's own
 * main loop, which goes on while the chooser is open: every {@value #LOOK_EVERY_MS} ms it takes out of GTK's list,
 * in memory, what this app added since the chooser opened. GTK waits 250 ms after a change before it writes the
 * list, so the file never names what was picked, and the rest of the list is written as it was.
 */
public final class RecentFiles {
    private static final Logger LOG = LoggerFactory.getLogger(RecentFiles.class);
    /** How often to look: well inside the 250 ms GTK waits before writing. */
    private static final int LOOK_EVERY_MS = 20;
    /** How long to go on after the chooser closed: GTK adds the entry once it has read the file's type. */
    private static final Duration AFTER_CLOSE = Duration.seconds(10);

    private RecentFiles() {
    }

    private interface Gtk extends Library {
        Pointer gtk_recent_manager_get_default();

        Pointer gtk_recent_manager_get_items(Pointer manager);

        boolean gtk_recent_manager_remove_item(Pointer manager, String uri, Pointer error);

        String gtk_recent_info_get_uri(Pointer info);

        boolean gtk_recent_info_has_application(Pointer info, String appName);

        void gtk_recent_info_unref(Pointer info);
    }

    private interface GLib extends Library {
        String g_get_application_name();

        void g_list_free(Pointer list);

        int g_timeout_add(int intervalMs, SourceFunc function, Pointer data);

        boolean g_source_remove(int source);
    }

    /** GLib's GSourceFunc: true keeps the source. */
    private interface SourceFunc extends Callback {
        boolean invoke(Pointer data);
    }

    /** Loaded on first use, and only on GTK: nothing else needs the native libraries. */
    private static final class Libraries {
        static final Gtk GTK = Native.load("gtk-3", Gtk.class);
        static final GLib GLIB = Native.load("glib-2.0", GLib.class);
    }

    /** A watch over GTK's list for one file chooser; {@link #closed()} once it has returned. */
    public interface Watch {
        void closed();
    }

    /**
     * Starts watching GTK's list, just before a platform file chooser opens. Call on the JavaFX application
     * thread (GTK's). Elsewhere than on GTK it does nothing.
     */
    public static Watch watch() {
        if (!gtkToolkit()) {
            return () -> { };
        }
        try {
            return new GtkWatch();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.warn("cannot keep the files picked out of GTK's recent files: {}", e.getClass().getSimpleName());
            return () -> { };
        }
    }

    private static final class GtkWatch implements Watch {
        private final Pointer manager = Libraries.GTK.gtk_recent_manager_get_default();
        private final String app = Libraries.GLIB.g_get_application_name();
        /** The entries there before: other apps' and earlier ones, which are not this watch's business. */
        private final Set<String> before = new HashSet<>();
        /** Held here so the garbage collector leaves it while GLib may call it. */
        private final SourceFunc look = data -> {
            takeOut();
            return true;
        };
        private final int source;

        GtkWatch() {
            forEachItem((uri, ours) -> before.add(uri));
            source = Libraries.GLIB.g_timeout_add(LOOK_EVERY_MS, look, null);
        }

        @Override
        public void closed() {
            takeOut();
            PauseTransition later = new PauseTransition(AFTER_CLOSE);
            later.setOnFinished(e -> {
                takeOut();
                Libraries.GLIB.g_source_remove(source);
            });
            later.play();
        }

        /** Takes out of GTK's list, in memory, what this app added since the chooser opened. */
        private void takeOut() {
            List<String> added = new ArrayList<>();
            forEachItem((uri, ours) -> {
                if (ours && !before.contains(uri)) {
                    added.add(uri);
                }
            });
            for (String uri : added) {
                Libraries.GTK.gtk_recent_manager_remove_item(manager, uri, null);
            }
        }

        /** Calls {@code each} with every entry's URI and whether this app registered it. */
        private void forEachItem(BiConsumer<String, Boolean> each) {
            Pointer list = Libraries.GTK.gtk_recent_manager_get_items(manager);
            List<Pointer> infos = new ArrayList<>();
            for (Pointer node = list; node != null; node = node.getPointer(Native.POINTER_SIZE)) {
                infos.add(node.getPointer(0));
            }
            try {
                for (Pointer info : infos) {
                    each.accept(Libraries.GTK.gtk_recent_info_get_uri(info),
                            app != null && Libraries.GTK.gtk_recent_info_has_application(info, app));
                }
            } finally {
                infos.forEach(Libraries.GTK::gtk_recent_info_unref);
                if (list != null) {
                    Libraries.GLIB.g_list_free(list);
                }
            }
        }
    }

    /** Whether JavaFX runs on GTK (Linux desktops), not on Monocle (tests) or another platform. */
    private static boolean gtkToolkit() {
        try {
            Class<?> glass = Class.forName("com.sun.glass.ui.Application");
            Object application = glass.getMethod("GetApplication").invoke(null);
            return application != null && application.getClass().getName().startsWith("com.sun.glass.ui.gtk.");
        } catch (ReflectiveOperationException | RuntimeException e) {
            // JavaFX's internals are closed (a modular runtime): on Linux it is GTK unless Monocle was chosen.
            return System.getProperty("os.name", "").startsWith("Linux")
                    && !"Monocle".equalsIgnoreCase(System.getProperty("glass.platform"));
        }
    }
}
