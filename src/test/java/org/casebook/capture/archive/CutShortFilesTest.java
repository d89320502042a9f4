package org.casebook.capture.archive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.casebook.imports.ImportException;
import org.casebook.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every saved page cut short or with a damaged byte anywhere either still reads or is refused with one line naming the file: never
 * another exception (which the command line would print as a stack trace).
 */
class CutShortFilesTest {
    @TempDir
    Path dir;

    @Test
    void everyFormatCutOrDamagedAtManyPointsReadsOrIsRefusedWithOneLineNamingTheFile() throws Exception {
        byte[] warc = TestWarcs.write(dir.resolve("a.warc"), false);
        byte[] warcGz = TestWarcs.write(dir.resolve("a.warc.gz"), true);
        Path waczFile = dir.resolve("a.wacz");
        try (OutputStream out = Files.newOutputStream(waczFile)) {
            WaczWriter.write(() -> new ByteArrayInputStream(warc),
                    List.of(new WaczPage(TestWarcs.PAGE_URL, "t", Instant.EPOCH, null)), Instant.EPOCH, out);
        }
        List<Object[]> samples = List.of(
                new Object[] {"cut.warc", warc},
                new Object[] {"cut.warc.gz", warcGz},
                new Object[] {"cut.wacz", Files.readAllBytes(waczFile)},
                new Object[] {"cut.mht", Files.readAllBytes(Fixtures.file("web", "chromium_page_with_css_and_js_ie.mht"))},
                new Object[] {"cut.html", "<!DOCTYPE html><html><!--\n Page saved with SingleFile \n url: https://x.example/ \n"
                        .concat(" saved date: Sun Mar 01 2026 22:15:30 GMT+0100 (CET)\n--><title>T</title>")
                        .concat("<img src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==\">")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)});
        int refused = 0;
        for (Object[] sample : samples) {
            String name = (String) sample[0];
            byte[] whole = (byte[]) sample[1];
            for (int i = 1; i <= 80; i++) {
                int length = (int) ((long) whole.length * ((i + 1) / 2) / 41);
                Path cut = dir.resolve(name);
                byte[] bytes = Arrays.copyOf(whole, i % 2 == 1 ? length : whole.length);
                if (i % 2 == 0) {
                    bytes[length] ^= (byte) 0x5a; // a damaged byte instead of a cut
                }
                Files.write(cut, bytes);
                try {
                    SavedPages.read(cut);
                } catch (ImportException e) {
                    refused++;
                    assertTrue(e.getMessage().startsWith(name), name + " cut or damaged at " + length + ": " + e.getMessage());
                    assertFalse(e.getMessage().contains("\n"), name + " at " + length + ": " + e.getMessage());
                }
            }
        }
        assertTrue(refused > 40, "most cuts are refused: " + refused);
    }
}
