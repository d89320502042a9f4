package org.casebook.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.ExportService;
import org.casebook.evidence.IncidentService;
import org.casebook.evidence.TimelineService;
import org.casebook.model.Attachment;
import org.casebook.model.Case;
import org.casebook.model.Incident;
import org.casebook.model.IncidentType;
import org.casebook.model.ItemKind;
import org.casebook.model.TimelineItem;
import org.casebook.testsupport.Fixtures;
import org.casebook.testsupport.Images;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Json;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files imported messages carry, as the vault tells them apart: a file sent with a message is linked to that
 * message, not to a diary entry (the bundle once looked the message up as an incident and stopped with "No
 * incident with id N"); an e-mail's own original is marked as such; a file the user attaches to a diary entry keeps
 * its incident.
 */
class ImportedFilesTest {
    @TempDir
    Path dir;
    private Vault vault;
    private Case aCase;

    @BeforeEach
    void setUp() {
        vault = TestVaults.create(dir, "v.casebook");
        aCase = new CaseService(vault).add("Files", "FI", ZoneId.of("Europe/London"));
    }

    @AfterEach
    void tearDown() {
        vault.close();
    }

    private void importFile(Path file, DateOrder order) {
        new ImportService(vault, Importers.standard()).importFile(aCase.id(), file,
                new ImportOptions(null, null, order, List.of(), false), Progress.NONE);
    }

    private TimelineItem item(ItemKind kind, String text) {
        return new TimelineService(vault).timeline(aCase.id()).stream()
                .filter(i -> i.kind() == kind && text.equals(i.text())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + text));
    }

    @Test
    void aPhotoFromAWhatsAppZipIsLinkedToItsMessageAndToNoIncident() {
        importFile(Fixtures.file("whatsapp", "whatsapp-chat-parser-example.zip"), DateOrder.DMY);
        TimelineItem message = item(ItemKind.MESSAGE, "<attached: 00000001-PHOTO-2019-06-20-16-00-15.jpg>");
        TimelineItem photo = item(ItemKind.ATTACHMENT, "00000001-PHOTO-2019-06-20-16-00-15.jpg");

        Attachment a = new AttachmentService(vault).get(photo.id());
        assertEquals(List.of(), a.incidentIds());
        assertEquals(message.id(), a.messageId());
        assertFalse(a.messageOriginal());
        assertTrue(a.sentWithMessage());
        assertEquals("message", a.timeSource());
        assertNull(a.fileModified(), "a file taken from an export has no file-system date of its own");

        Map<Long, List<Attachment>> byMessage = new AttachmentService(vault).ofMessages(aCase.id());
        assertEquals(4, byMessage.values().stream().mapToInt(List::size).sum());
        assertEquals(List.of(photo.id()), byMessage.get(message.id()).stream().map(Attachment::id).toList());
    }

    @Test
    void anEmailsOwnOriginalIsMarkedApartFromItsAttachment() {
        importFile(Fixtures.file("eml", "attachment_pdf.eml"), null);
        TimelineItem mail = new TimelineService(vault).timeline(aCase.id()).stream()
                .filter(i -> i.kind() == ItemKind.MESSAGE).findFirst().orElseThrow();
        List<Attachment> files = new AttachmentService(vault).ofMessages(aCase.id()).get(mail.id());
        assertEquals(List.of("message-1.eml", "broken.pdf"), files.stream().map(Attachment::fileName).toList());
        assertTrue(files.get(0).messageOriginal());
        assertFalse(files.get(0).sentWithMessage());
        assertEquals(mail.id(), files.get(0).messageId());
        assertTrue(files.get(1).sentWithMessage());
        assertEquals("application/pdf", files.get(1).mediaType());
    }

    @Test
    void aFileAttachedToADiaryEntryKeepsItsIncidentAndHasNoMessage() throws IOException {
        Incident incident = new IncidentService(vault).add(aCase.id(), TestVaults.draft(IncidentType.PROPERTY_DAMAGE,
                ZonedDateTime.of(2024, 4, 2, 7, 5, 0, 0, aCase.zone()), "Car tyres slashed"));
        Path png = dir.resolve("tyres.png");
        java.nio.file.Files.write(png, Images.png());
        Attachment a = new AttachmentService(vault).attach(aCase.id(), List.of(png), incident.id(), Progress.NONE)
                .get(0);
        assertEquals(List.of(incident.id()), a.incidentIds());
        assertNull(a.messageId());
        assertFalse(a.sentWithMessage());
        assertTrue(new AttachmentService(vault).ofMessages(aCase.id()).isEmpty());
    }

    @Test
    void theExportManifestNamesTheMessageAFileCameWithNotAsAnIncident() throws IOException {
        importFile(Fixtures.file("sms-backup-restore", "minimal_mms.xml"), null);
        TimelineItem message = item(ItemKind.MESSAGE, "Hello from MMS!");
        Path out = dir.resolve("export");
        new ExportService(vault).export(aCase.id(), out, List.of(), Progress.NONE);
        JsonNode files = Json.MAPPER.readTree(out.resolve("manifest.json").toFile()).get("files");
        assertEquals(1, files.size());
        assertEquals(0, files.get(0).get("incident_ids").size());
        assertEquals(message.id(), files.get(0).get("message_id").asLong());
        assertTrue(files.get(0).get("file_modified_at").isNull());
    }
}
