package org.casebook.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's preferences, kept in a small properties file in the user's config folder (never in the OS's
 * recent-files lists). Holds no evidence; the recent-vaults list can be switched off, which also forgets it.
 */
public final class Settings {
    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);
    private static final int MAX_RECENT = 8;

    public enum Theme { LIGHT, DARK }

    private final Path file;
    private final IntegerProperty autoLockMinutes = new SimpleIntegerProperty(5);
    private final BooleanProperty discreetTitle = new SimpleBooleanProperty(false);
    private final ObjectProperty<ZoneId> defaultZone = new SimpleObjectProperty<>(ZoneId.systemDefault());
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final IntegerProperty textSize = new SimpleIntegerProperty(14);
    private final BooleanProperty rememberRecent = new SimpleBooleanProperty(true);
    private final ObservableList<Path> recentVaults = FXCollections.observableArrayList();
    /** Seconds rather than minutes, for tests of auto-lock; 0 means use the minutes. */
    private int autoLockSecondsOverride;

    private Settings(Path file) {
        this.file = file;
    }

    /** The settings folder: {@code casebook.config.dir} if set (tests), else the user's config folder. */
    public static Path defaultFolder() {
        String override = System.getProperty("casebook.config.dir");
        if (override != null) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("casebook");
    }

    public static Settings load(Path folder) {
        Settings s = new Settings(folder.resolve("settings.properties"));
        Properties p = new Properties();
        if (Files.isRegularFile(s.file)) {
            try (InputStream in = Files.newInputStream(s.file)) {
                p.load(in);
            } catch (IOException e) {
                LOG.warn("could not read settings; using defaults: {}", e.getMessage());
            }
        }
        s.autoLockMinutes.set(clamp(intOf(p, "autoLockMinutes", 5), 1, 120));
        s.discreetTitle.set(Boolean.parseBoolean(p.getProperty("discreetTitle", "false")));
        try {
            s.defaultZone.set(ZoneId.of(p.getProperty("defaultZone", ZoneId.systemDefault().getId())));
        } catch (RuntimeException e) {
            s.defaultZone.set(ZoneId.systemDefault());
        }
        s.theme.set("DARK".equals(p.getProperty("theme")) ? Theme.DARK : Theme.LIGHT);
        s.textSize.set(clamp(intOf(p, "textSize", 14), 11, 24));
        s.rememberRecent.set(Boolean.parseBoolean(p.getProperty("rememberRecent", "true")));
        for (int i = 0; i < MAX_RECENT; i++) {
            String recent = p.getProperty("recent." + i);
            if (recent != null && s.rememberRecent.get()) {
                s.recentVaults.add(Path.of(recent));
            }
        }
        s.rememberRecent.addListener((obs, was, now) -> {
            if (!now) {
                s.recentVaults.clear();
            }
        });
        return s;
    }

    public void save() {
        Properties p = new Properties();
        p.setProperty("autoLockMinutes", Integer.toString(autoLockMinutes.get()));
        p.setProperty("discreetTitle", Boolean.toString(discreetTitle.get()));
        p.setProperty("defaultZone", defaultZone.get().getId());
        p.setProperty("theme", theme.get().name());
        p.setProperty("textSize", Integer.toString(textSize.get()));
        p.setProperty("rememberRecent", Boolean.toString(rememberRecent.get()));
        if (rememberRecent.get()) {
            for (int i = 0; i < recentVaults.size(); i++) {
                p.setProperty("recent." + i, recentVaults.get(i).toString());
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                p.store(out, "Casebook settings");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("could not save settings: {}", e.getMessage());
        }
    }

    /** Puts a vault at the top of the recent list (when remembering is on) and saves. */
    public void noteRecent(Path vault) {
        if (!rememberRecent.get()) {
            return;
        }
        Path abs = vault.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(recentVaults);
        next.remove(abs);
        next.add(0, abs);
        recentVaults.setAll(next.subList(0, Math.min(MAX_RECENT, next.size())));
        save();
    }

    public void forgetRecent(Path vault) {
        recentVaults.remove(vault);
        save();
    }

    public IntegerProperty autoLockMinutesProperty() {
        return autoLockMinutes;
    }

    public BooleanProperty discreetTitleProperty() {
        return discreetTitle;
    }

    public ObjectProperty<ZoneId> defaultZoneProperty() {
        return defaultZone;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public IntegerProperty textSizeProperty() {
        return textSize;
    }

    public BooleanProperty rememberRecentProperty() {
        return rememberRecent;
    }

    public ObservableList<Path> recentVaults() {
        return recentVaults;
    }

    public void setAutoLockSecondsOverride(int seconds) {
        this.autoLockSecondsOverride = seconds;
    }

    /** The idle time before the vault locks itself. */
    public java.time.Duration autoLockAfter() {
        return autoLockSecondsOverride > 0
                ? java.time.Duration.ofSeconds(autoLockSecondsOverride)
                : java.time.Duration.ofMinutes(autoLockMinutes.get());
    }

    private static int intOf(Properties p, String key, int fallback) {
        try {
            return Integer.parseInt(p.getProperty(key, Integer.toString(fallback)).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
