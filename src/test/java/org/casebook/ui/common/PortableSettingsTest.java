package org.casebook.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the settings live for the portable copy and how the discreet build starts: both are decided by the
 * properties their launchers set (installer/Installer.java writes them into the launcher's .cfg).
 */
class PortableSettingsTest {
    private final Properties saved = new Properties();

    @BeforeEach
    void keepProperties() {
        saved.putAll(System.getProperties());
        System.clearProperty("casebook.config.dir");
        System.clearProperty(Settings.PORTABLE_PROPERTY);
        System.clearProperty(Settings.DISCREET_PROPERTY);
    }

    @AfterEach
    void restoreProperties() {
        System.setProperties(saved);
    }

    @Test
    void thePortableCopyKeepsItsSettingsInItsOwnDataFolder(@TempDir Path stick) throws Exception {
        Path data = stick.resolve("Casebook/lib/app/../../data");
        System.setProperty(Settings.PORTABLE_PROPERTY, data.toString());
        Path folder = Settings.defaultFolder();
        assertEquals(stick.resolve("Casebook/data/settings"), folder);
        Settings settings = Settings.load(folder);
        settings.textSizeProperty().set(18);
        settings.save();
        assertTrue(Files.isRegularFile(stick.resolve("Casebook/data/settings/settings.properties")));
        assertEquals(18, Settings.load(Settings.defaultFolder()).textSizeProperty().get());
    }

    @Test
    void withoutThePortableLauncherTheSettingsAreInTheUsersConfigFolder() {
        assertFalse(Settings.defaultFolder().toString().contains("data/settings"), Settings.defaultFolder()::toString);
        assertTrue(Settings.defaultFolder().endsWith("casebook"), Settings.defaultFolder()::toString);
    }

    @Test
    void theDiscreetBuildStartsNeutralUntilThePersonChangesIt(@TempDir Path config) {
        System.setProperty(Settings.DISCREET_PROPERTY, "true");
        Settings fresh = Settings.load(config);
        assertTrue(fresh.discreetTitleProperty().get(), "the discreet build starts with the neutral title");
        fresh.discreetTitleProperty().set(false);
        fresh.save();
        assertFalse(Settings.load(config).discreetTitleProperty().get(), "the person's choice is kept");
    }

    @Test
    void theOrdinaryBuildStartsWithItsName(@TempDir Path config) {
        assertFalse(Settings.load(config).discreetTitleProperty().get());
    }
}
