package org.casebook.imports.json;

import static org.casebook.imports.json.JsonImportTesting.recognises;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.casebook.imports.ImportFormat;
import org.casebook.imports.Importer;
import org.casebook.imports.discord.DiscordImporter;
import org.casebook.imports.meta.FacebookImporter;
import org.casebook.imports.meta.InstagramImporter;
import org.casebook.imports.telegram.TelegramImporter;
import org.junit.jupiter.api.Test;

/** The JSON importers claim none of the other formats' fixtures (WhatsApp, SMS, e-mail, Signal, expected outputs). */
class ForeignFixturesTest {
    private static final List<Importer> IMPORTERS = List.of(new TelegramImporter(), new FacebookImporter(),
            new InstagramImporter(), new DiscordImporter());

    @Test
    void noJsonImporterClaimsAnotherFormatsFixture() throws Exception {
        Path root = JsonImportTesting.fixture("README.md").getParent();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().contains("test_single_export")
                            && !p.getFileName().toString().contains("test_batch_export")
                            && !(p.getParent().getFileName().toString().equals("instagram")
                            && p.getFileName().toString().equals("chat-miner_test_export.json")))
                    .toList();
        }
        assertTrue(files.size() > 20, "expected the repository fixtures, found " + files);
        for (Path file : files) {
            String folder = file.getParent().getFileName().toString();
            for (Importer importer : IMPORTERS) {
                if (folder.equals(ownFolder(importer))) {
                    continue; // its own format's fixtures (chatpack's, added for issue 11)
                }
                assertFalse(recognises(importer, file), importer.format() + " claims " + file);
            }
        }
    }

    /** The fixture folder of the importer's own format: its code, except Facebook's, which is under messenger/. */
    private static String ownFolder(Importer importer) {
        return importer.format() == ImportFormat.FACEBOOK ? "messenger" : importer.format().code();
    }
}
