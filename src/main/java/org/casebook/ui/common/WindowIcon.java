package org.casebook.ui.common;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/**
 * The icon of the app's windows (title bar, taskbar, window switcher), made from icons/src by icons/generate.sh:
 * Casebook's notebook, or with the neutral title on the plain notepad of the discreet build, so that the
 * taskbar does not say what the app is either.
 */
public final class WindowIcon {
    private static final int[] SIZES = {16, 32, 48, 64, 128, 256};
    private static List<Image> casebook;
    private static List<Image> neutral;

    private WindowIcon() {
    }

    public static synchronized List<Image> images(boolean discreet) {
        if (discreet) {
            if (neutral == null) {
                neutral = load("discreet");
            }
            return neutral;
        }
        if (casebook == null) {
            casebook = load("casebook");
        }
        return casebook;
    }

    private static List<Image> load(String name) {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            String resource = "/org/casebook/ui/icons/" + name + "-" + size + ".png";
            try (InputStream in = WindowIcon.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing window icon " + resource);
                }
                images.add(new Image(in));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return List.copyOf(images);
    }
}
