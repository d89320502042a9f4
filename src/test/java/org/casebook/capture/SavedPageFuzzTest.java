package org.casebook.capture;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.casebook.capture.archive.ArchiveReadException;
import org.casebook.capture.archive.SavedPage;
import org.casebook.capture.archive.SavedPages;
import org.casebook.fuzz.Hostile;

/**
 * The saved-page readers fed hostile bytes, then made into a capture as {@code casebook import --format web} does
 * (the WARC, the safe single-file copy, the text): each file is read or refused with an
 * {@link ArchiveReadException} naming it, and nothing else escapes. The file name picks the reader the user's file
 * would meet ({@code .mht} for MHTML, {@code .wacz} for a WACZ); the content decides the rest, as in the app.
 *
 * <p>Saved inputs: {@code src/test/resources/org/casebook/capture/SavedPageFuzzTestInputs/<method>/}.
 */
class SavedPageFuzzTest {
    private static final Path DIR = Hostile.folder("pages");

    @FuzzTest(maxDuration = "5m")
    void html(byte[] input) {
        read("page.html", input);
    }

    @FuzzTest(maxDuration = "5m")
    void mhtml(byte[] input) {
        read("page.mht", input);
    }

    @FuzzTest(maxDuration = "5m")
    void warc(byte[] input) {
        read("page.warc", input);
    }

    @FuzzTest(maxDuration = "5m")
    void wacz(byte[] input) {
        read("page.wacz", input);
    }

    private static void read(String fileName, byte[] input) {
        Path file = Hostile.write(DIR, fileName, input);
        SavedPage page;
        try {
            page = SavedPages.read(file);
        } catch (ArchiveReadException e) {
            Hostile.requireClearRefusal(e, fileName);
            return;
        }
        SavedPageCapture.of(page, input, Optional.empty(), Instant.EPOCH);
    }
}
