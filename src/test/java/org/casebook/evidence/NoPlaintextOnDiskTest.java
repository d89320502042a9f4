package org.casebook.evidence;

import static org.casebook.testsupport.TestVaults.LONDON;
import static org.casebook.testsupport.TestVaults.pass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.casebook.model.Attachment;
import org.casebook.model.Case;
import org.casebook.model.Identifier;
import org.casebook.model.IdentifierKind;
import org.casebook.model.Incident;
import org.casebook.model.IncidentDraft;
import org.casebook.model.IncidentType;
import org.casebook.model.PersonRole;
import org.casebook.model.When;
import org.casebook.testsupport.Bytes;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core promise: no evidence, name or diary text ever reaches the disk in plaintext — not in the vault
 * file, not in its -wal/-shm/journal files, not in a backup — while the vault is open and after it is closed.
 */
class NoPlaintextOnDiskTest {
    private static final String TITLE = "Marker-Title-Quokka-5521";
    private static final String NAME = "Marker-Name-Zebulon-Fairweather";
    private static final String PHONE = "+447700900981";
    private static final String EMAIL = "marker.handle.9917@example.org";
    private static final String DESCRIPTION = "Marker-Description-Waited-Outside-Blue-Van";
    private static final String LOCATION = "Marker-Location-Thistlewood-Lane";
    private static final String WITNESS = "Marker-Witness-Philippa-Nightingale";
    private static final String IMPACT = "Marker-Impact-Could-Not-Sleep";
    private static final String POLICE_REF = "MARKERREF-55-Q-2024";
    private static final String FILE_CONTENT = "Marker-FileContent-Private-Photo-Bytes";
    private static final String FILE_NAME = "Marker-FileName-Holiday";
    private static final String EDITED = "Marker-Edited-Description-Red-Car";
    private static final String DELETED = "Marker-Deleted-Diary-Text-Keys";
    private static final String DELETE_REASON = "Marker-Reason-Too-Personal";
    private static final String UNICODE = "Marker-Ünïcødé-Сталкер-跟踪";

    private static final List<String> MARKERS = List.of(TITLE, NAME, PHONE, EMAIL, DESCRIPTION, LOCATION, WITNESS,
            IMPACT, POLICE_REF, FILE_CONTENT, FILE_NAME, EDITED, DELETED, DELETE_REASON, UNICODE);

    @TempDir
    Path vaultDir;
    @TempDir
    Path sourceDir;

    @Test
    void noMarkerTextAppearsInAnyFileTheVaultLeavesOnDisk() throws IOException {
        Path file = vaultDir.resolve("private.casebook");
        Path photo = sourceDir.resolve(FILE_NAME + ".jpg");
        byte[] content = new byte[300_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        byte[] marker = (FILE_CONTENT + " " + UNICODE).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(marker, 0, content, 1000, marker.length);
        System.arraycopy(marker, 0, content, 250_000, marker.length);
        Files.write(photo, content);
        Path note = sourceDir.resolve("note.txt");
        Files.writeString(note, (FILE_CONTENT + "\n").repeat(50), StandardCharsets.UTF_16LE);
        assertTrue(Bytes.containsText(Files.readAllBytes(photo), FILE_CONTENT), "control: the scanner finds markers");

        int scans = 0;
        try (Vault vault = Vault.create(file, pass())) {
            Case aCase = new CaseService(vault).add(TITLE, "MT", LONDON);
            new PersonService(vault).add(aCase.id(), NAME, PersonRole.PERPETRATOR,
                    List.of(Identifier.of(IdentifierKind.PHONE, PHONE), Identifier.of(IdentifierKind.EMAIL, EMAIL)));
            IncidentService incidents = new IncidentService(vault);
            ZonedDateTime at = ZonedDateTime.of(2024, 3, 1, 21, 15, 0, 0, LONDON);
            Incident incident = incidents.add(aCase.id(), new IncidentDraft(IncidentType.LOITERING, When.exactly(at),
                    DESCRIPTION + " " + UNICODE, LOCATION, List.of(WITNESS), IMPACT, POLICE_REF));
            Incident toDelete = incidents.add(aCase.id(), TestVaults.draft(IncidentType.OTHER, at.plusDays(1),
                    DELETED));
            List<Attachment> attached = new AttachmentService(vault).attach(aCase.id(), List.of(photo, note),
                    incident.id(), Progress.NONE);
            assertEquals(2, attached.size());
            assertNoMarkers("open, after attaching");
            scans++;

            incidents.edit(incident.id(), new IncidentDraft(IncidentType.LOITERING, When.exactly(at), EDITED,
                    LOCATION, List.of(WITNESS), IMPACT, POLICE_REF));
            new ItemService(vault).delete(toDelete.id(), DELETE_REASON);
            assertTrue(Files.exists(Path.of(file + "-wal")), "the vault runs in WAL mode");
            assertNoMarkers("open, after an edit and a delete");
            scans++;

            assertEquals(1, new TimelineService(vault).search(aCase.id(), "Red Car", false, 10).size(),
                    "the data really is in there");
            vault.backupTo(vaultDir.resolve("backup.casebook"));
            assertNoMarkers("open, after a backup");
            scans++;

            vault.changePassphrase(Passphrase.of("another long passphrase"));
            assertNoMarkers("open, after changing the passphrase");
            scans++;
        }
        assertNoMarkers("closed");
        scans++;

        try (Vault reopened = Vault.open(file, Passphrase.of("another long passphrase"))) {
            assertEquals(TITLE, new CaseService(reopened).find(TITLE).title());
            assertNoMarkers("reopened for reading");
            scans++;
        }
        assertEquals(6, scans);
    }

    /** Reads every file in the vault's folder and fails naming the file and marker that leaked. */
    private void assertNoMarkers(String when) throws IOException {
        List<String> leaks = new ArrayList<>();
        List<Path> files = TestVaults.files(vaultDir);
        assertFalse(files.isEmpty());
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            for (String m : MARKERS) {
                if (Bytes.containsText(bytes, m)) {
                    leaks.add(f.getFileName() + " contains '" + m + "'");
                }
            }
            if (new String(bytes, 0, Math.min(16, bytes.length), StandardCharsets.ISO_8859_1)
                    .startsWith("SQLite format 3")) {
                leaks.add(f.getFileName() + " is an unencrypted SQLite file");
            }
        }
        assertEquals(List.of(), leaks, "plaintext on disk (" + when + "), files: " + TestVaults.listing(vaultDir));
    }
}
