package org.casebook.bundle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnfinishedFilesTest {
    @TempDir
    Path dir;

    @Test
    void theShutdownCleanUpRemovesOnlyBundlesStillBeingWritten() throws IOException {
        Path unfinished = Files.writeString(dir.resolve(".bundle.pdf123.part"), "half a bundle");
        Path finished = Files.writeString(dir.resolve(".other.pdf456.part"), "moved into place already");
        UnfinishedFiles.add(unfinished);
        UnfinishedFiles.add(finished);
        UnfinishedFiles.remove(finished);

        UnfinishedFiles.removeAll();

        assertFalse(Files.exists(unfinished), "a bundle still being written is removed when the program ends");
        assertTrue(Files.exists(finished), "a file no longer registered is left alone");
        UnfinishedFiles.remove(unfinished);
    }
}
