package org.casebook.evidence;

import static org.casebook.testsupport.TestVaults.rawExecute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.casebook.model.Identifier;
import org.casebook.model.IdentifierKind;
import org.casebook.model.Person;
import org.casebook.model.PersonRole;
import org.casebook.model.VerifyReport;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify} covers what the bundle prints as the witness's word beside the evidence — an original's
 * continuity, why a number is a person's, an exhibit's title — as it covers items: each changed, added or removed
 * outside Casebook is reported; each kept through Casebook, including a title returned to its default, is not.
 */
class SideRecordsVerifyTest {
    @TempDir
    Path dir;

    @Test
    void continuityAttributionAndExhibitTitlesChangedAddedOrRemovedOutsideCasebookFailVerify() throws Exception {
        Path file;
        long caseId;
        long note;
        long photo;
        try (Vault vault = TestVaults.create(dir, "v.casebook")) {
            file = vault.file();
            caseId = new CaseService(vault).add("Fictional side records", "JS", TestVaults.LONDON).id();
            List<Path> files = List.of(Files.writeString(dir.resolve("2024-03-09 note.txt"), "A note (fictional)"),
                    Files.writeString(dir.resolve("2024-03-10 letter.txt"), "A letter (fictional)"));
            var attached = new AttachmentService(vault).attach(caseId, files, null, Progress.NONE);
            note = attached.get(0).id();
            photo = attached.get(1).id();
            new Continuity(vault).record(note, new Continuity.Record("Alex Example", "her phone", null,
                    LocalDate.of(2024, 4, 2), "copied over USB"));
            Person sam = new PersonService(vault).add(caseId, "Sam", PersonRole.PERPETRATOR, List.of());
            new Attributions(vault).attribute(sam.id(), Identifier.of(IdentifierKind.PHONE, "+44 7700 900123"),
                    "his number since 2019", false);
            ExhibitTitles titles = new ExhibitTitles(vault);
            titles.set(note, "Note left on the car");
            titles.set(photo, "Letter");
            titles.set(photo, ""); // back to its default: no row, and none expected
            assertEquals(List.of(), new VerifyService(vault).verify(Progress.NONE).problems(),
                    "all kept through Casebook");
        }
        rawExecute(file, "UPDATE continuity SET exported_by = 'Someone else'",
                "UPDATE attribution SET basis = 'a guess'",
                "UPDATE exhibit_title SET title = 'A different title' WHERE item_id = " + note,
                "INSERT INTO exhibit_title(item_id, title) VALUES (" + photo + ", 'Slipped in')");
        try (Vault vault = TestVaults.open(file)) {
            VerifyReport report = new VerifyService(vault).verify(Progress.NONE);
            String all = String.join("\n", report.problems());
            assertTrue(all.matches("(?s).*the continuity recorded for original \\w+ of case " + caseId
                    + " was changed outside Casebook.*"), all);
            assertTrue(all.contains("the basis recorded for phone:+44 7700 900123 was changed outside Casebook"), all);
            assertTrue(all.contains("the exhibit title of item " + note + " was changed outside Casebook"), all);
            assertTrue(all.contains("the exhibit title of item " + photo + " was added outside Casebook (its last audit"
                    + " record says there is none)"), all);
            assertEquals(4, report.problems().size(), all);
        }
        rawExecute(file, "DELETE FROM continuity", "DELETE FROM exhibit_title");
        try (Vault vault = TestVaults.open(file)) {
            String all = String.join("\n", new VerifyService(vault).verify(Progress.NONE).problems());
            assertTrue(all.contains("is missing: it was removed outside Casebook")
                    && all.contains("the exhibit title of item " + note + " is missing"), all);
        }
    }
}
