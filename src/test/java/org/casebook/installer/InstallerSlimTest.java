package org.casebook.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The installers leave out fonts and ICU data the app never reads (installer/Installer.java, to keep the
 * app-image under its size limit): never one the bundle embeds, and never the ICU data its text handling reads.
 */
class InstallerSlimTest {

    @Test
    void everyFontTheBundleEmbedsIsKept() throws Throwable {
        Class<?> sources = Class.forName("org.casebook.bundle.text.FontSet$Source");
        Field resource = sources.getDeclaredField("resource");
        resource.setAccessible(true);
        for (Object source : sources.getEnumConstants()) {
            String name = (String) resource.get(source);
            assertFalse(unused(name), name + " is embedded in bundles but left out of the installers");
            assertTrue(getClass().getClassLoader().getResource(name) != null, name);
        }
    }

    @Test
    void theFontJarsOtherFacesAreLeftOut() throws Throwable {
        String dejavu = "net/sf/jasperreports/fonts/dejavu/";
        String jar = getClass().getClassLoader().getResource(dejavu + "DejaVuSans.ttf").getPath();
        List<String> left = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.substring("file:".length(), jar.indexOf('!')))) {
            for (String name : zip.stream().map(ZipEntry::getName).toList()) {
                if (name.startsWith(dejavu) && name.endsWith(".ttf") && unused(name)) {
                    left.add(name);
                }
            }
        }
        assertEquals(17, left.size(), left.toString());
        assertFalse(unused(dejavu + "LICENSE"), "the font licence travels with the fonts");
    }

    @Test
    void theIcuDataTheTextHandlingReadsIsKept() throws Throwable {
        String icu = "com/ibm/icu/impl/data/icudata/";
        for (String needed : List.of("zoneinfo64.res", "metaZones.res", "brkitr/line.brk", "brkitr/char.brk",
                "nfkc.nrm", "ubidi.icu", "uprops.icu", "root.res", "en.res", "en_GB.res", "res_index.res", "pool.res",
                "supplementalData.res", "likelySubtags.res", "brkitr/root.res", "brkitr/ja.res", "brkitr/cjdict.dict")) {
            assertFalse(unused(icu + needed), needed);
        }
        for (String unused : List.of("zone/fr.res", "region/fr.res", "coll/root.res", "fr.res", "zh_Hant_HK.res",
                "sr_Latn.res", "ars.res")) {
            assertTrue(unused(icu + unused), unused);
        }
    }

    private static boolean unused(String entry) throws Throwable {
        return (Boolean) InstallerProgram.call("unusedByTheApp", new Class<?>[] {String.class}, entry);
    }
}
