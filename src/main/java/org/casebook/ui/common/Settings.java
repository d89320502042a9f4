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
 * recent-files lists). Holds no evidence. Where the vaults are is remembered only when the person turns that
 * on: the file is readable by anyone using the account, and a list of vault paths tells them there is one.
 */
public final class Settings {
    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);
    private static final int MAX_RECENT = 8;
    /**
     * 2: recent vaults are remembered only when turned on, and the default zone is stored only when chosen.
     * Files before it had both written whether or not the person chose them.
     */
    private static final int VERSION = 2;
    static final String RECENT_NOW_OFF = "Casebook no longer keeps a list of the vaults you open, so that nobody"
            + " else using this computer can see where yours is. To keep one, turn on \"Remember recent vaults\".";

    public enum Theme { LIGHT, DARK }

    /** Set by the portable copy's launcher: the data folder beside the app that holds its settings. */
    public static final String PORTABLE_PROPERTY = "casebook.portable";
    /** Set by the discreet build's launcher: the neutral title and icon until the person turns them off. */
    public static final String DISCREET_PROPERTY = "casebook.discreet";

    private final Path file;
    private final IntegerProperty autoLockMinutes = new SimpleIntegerProperty(5);
    private final BooleanProperty discreetTitle = new SimpleBooleanProperty(false);
    /** The zone new cases start in when the person chose one; null: this computer's zone. */
    private final ObjectProperty<ZoneId> defaultZone = new SimpleObjectProperty<>();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final IntegerProperty textSize = new SimpleIntegerProperty(14);
    private final BooleanProperty rememberRecent = new SimpleBooleanProperty(false);
    private final ObservableList<Path> recentVaults = FXCollections.observableArrayList();
    /** The proxy every web capture and the evidence browser go through ({@code socks5://127.0.0.1:9150}), or "". */
    private final javafx.beans.property.StringProperty captureProxy = new javafx.beans.property.SimpleStringProperty("");
    /** Seconds rather than minutes, for tests of auto-lock; 0 means use the minutes. */
    private int autoLockSecondsOverride;
    /** Said once on the start screen after this run changed something the person relied on; else null. */
    private String notice;

    private Settings(Path file) {
        this.file = file;
    }

    /**
     * The settings folder: {@code casebook.config.dir} if set (tests); in the portable copy a folder beside the
     * app ({@code casebook.portable}, set by its launcher), so that nothing is written to the computer it runs on;
     * else the user's config folder.
     */
    public static Path defaultFolder() {
        String override = System.getProperty("casebook.config.dir");
        if (override != null) {
            return Path.of(override);
        }
        String portable = System.getProperty(PORTABLE_PROPERTY);
        if (portable != null && !portable.isBlank()) {
            return Path.of(portable).toAbsolutePath().normalize().resolve("settings");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("casebook");
    }

    public static Settings load(Path folder) {
        Settings s = new Settings(folder.resolve("settings.properties"));
        Properties p = new Properties();
        boolean exists = Files.isRegularFile(s.file);
        if (exists) {
            try (InputStream in = Files.newInputStream(s.file)) {
                p.load(in);
            } catch (IOException e) {
                LOG.warn("could not read settings; using defaults: {}", e.getMessage());
            }
        }
        boolean older = exists && intOf(p, "version", 1) < VERSION;
        s.autoLockMinutes.set(clamp(intOf(p, "autoLockMinutes", 5), 1, 120));
        s.discreetTitle.set(Boolean.parseBoolean(p.getProperty("discreetTitle",
                Boolean.toString(Boolean.getBoolean(DISCREET_PROPERTY)))));
        s.defaultZone.set(older ? null : org.casebook.evidence.TimeZones.find(p.getProperty("defaultZone"))
                .orElse(null));
        s.theme.set("DARK".equals(p.getProperty("theme")) ? Theme.DARK : Theme.LIGHT);
        s.textSize.set(clamp(intOf(p, "textSize", 14), 11, 24));
        s.rememberRecent.set(!older && Boolean.parseBoolean(p.getProperty("rememberRecent", "false")));
        s.captureProxy.set(p.getProperty("captureProxy", "").strip());
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
        if (older) {
            // Earlier versions kept the list without asking: forget it now (and rewrite the file without the
            // paths), and say why once, in case the person looks for it.
            if (p.stringPropertyNames().stream().anyMatch(k -> k.startsWith("recent."))) {
                s.notice = RECENT_NOW_OFF;
            }
            s.save();
        }
        return s;
    }

    /** What to tell the person once on the start screen about a change in these settings, or null. */
    public String takeNotice() {
        String once = notice;
        notice = null;
        return once;
    }

    public void save() {
        Properties p = new Properties();
        p.setProperty("version", Integer.toString(VERSION));
        p.setProperty("autoLockMinutes", Integer.toString(autoLockMinutes.get()));
        p.setProperty("discreetTitle", Boolean.toString(discreetTitle.get()));
        if (defaultZone.get() != null) {
            p.setProperty("defaultZone", defaultZone.get().getId());
        }
        p.setProperty("theme", theme.get().name());
        p.setProperty("textSize", Integer.toString(textSize.get()));
        p.setProperty("rememberRecent", Boolean.toString(rememberRecent.get()));
        if (!captureProxy.get().isBlank()) {
            p.setProperty("captureProxy", captureProxy.get().strip());
        }
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

    /** The zone the person chose for new cases, or null to use this computer's. */
    public ObjectProperty<ZoneId> defaultZoneProperty() {
        return defaultZone;
    }

    /** The zone a new case starts in: the one chosen in settings, else this computer's. */
    public ZoneId defaultZone() {
        return defaultZone.get() != null ? defaultZone.get() : org.casebook.evidence.TimeZones.computerZone();
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

    public javafx.beans.property.StringProperty captureProxyProperty() {
        return captureProxy;
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
