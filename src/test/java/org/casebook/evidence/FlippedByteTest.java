package org.casebook.evidence;

import static org.casebook.testsupport.TestVaults.LONDON;
import static org.casebook.testsupport.TestVaults.draft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.casebook.model.Case;
import org.casebook.model.IncidentType;
import org.casebook.model.VerifyReport;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A single byte changed on disk (bit rot, or someone editing the file) must be caught by the cipher's page
 * authentication and reported as damage — by open or by verify — never as a crash or as "intact".
 */
class FlippedByteTest {
    private static final int PAGE = 4096;

    @TempDir
    static Path shared;
    static Path original;
    static byte[] originalBytes;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeVault() throws IOException {
        original = shared.resolve("flip.casebook");
        Path src = shared.resolve("evidence.bin");
        byte[] content = new byte[200 * 1024];
        new Random(99).nextBytes(content);
        Files.write(src, content);
        try (Vault v = Vault.create(original, TestVaults.pass())) {
            Case aCase = new CaseService(v).add("Flip", "FL", LONDON);
            for (int i = 0; i < 20; i++) {
                new IncidentService(v).add(aCase.id(), draft(IncidentType.MESSAGE,
                        ZonedDateTime.of(2024, 1, 1, 12, 0, 0, 0, LONDON).plusDays(i), "Message number " + i));
            }
            new AttachmentService(v).attach(aCase.id(), List.of(src), null, Progress.NONE);
            assertTrue(new VerifyService(v).verify(Progress.NONE).intact());
            // Premise: every page is in use, so every page is read (and its HMAC checked) by verify. A byte
            // flipped in a free page would go unnoticed, but a free page holds no evidence.
            long freePages = v.read(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("PRAGMA freelist_count")) {
                    return rs.getLong(1);
                }
            });
            assertEquals(0, freePages, "setup: no free pages");
        }
        originalBytes = Files.readAllBytes(original);
        assertTrue(originalBytes.length > 60 * PAGE, "the attachment spans many pages");
    }

    /** Flips one bit at {@code offset} in a copy, then expects open or verify to report damage. */
    private String flipAndCheck(int offset) throws IOException {
        Path file = dir.resolve("flipped-" + offset + ".casebook");
        byte[] bytes = originalBytes.clone();
        bytes[offset] ^= 0x10;
        Files.write(file, bytes);
        try (Vault v = TestVaults.open(file)) {
            VerifyReport report = new VerifyService(v).verify(Progress.NONE);
            assertFalse(report.intact(), "a flipped byte at " + offset + " must not verify as intact");
            assertTrue(report.problems().stream().anyMatch(p -> p.contains("damaged") || p.contains("altered")),
                    report.problems().toString());
            return "verify";
        } catch (VaultException e) {
            assertTrue(Set.of(VaultException.Kind.DAMAGED, VaultException.Kind.NOT_UNLOCKED).contains(e.kind()),
                    e.kind() + ": " + e.getMessage());
            return "open";
        } catch (RuntimeException e) {
            fail("flipped byte at " + offset + " crashed with " + e, e);
            return null;
        }
    }

    @Test
    void byteFlippedInTheMiddleOfTheFileIsReportedAsDamage() throws IOException {
        int middle = originalBytes.length / 2;
        assertTrue(middle > PAGE);
        flipAndCheck(middle);
    }

    @Test
    void byteFlippedAnywhereAfterTheFirstPageIsNeverIntact() throws IOException {
        int pages = originalBytes.length / PAGE;
        Random random = new Random(1234);
        for (int i = 0; i < 8; i++) {
            int page = 1 + random.nextInt(pages - 1);
            flipAndCheck(page * PAGE + random.nextInt(PAGE));
        }
        flipAndCheck(PAGE); // first byte of page 2
        flipAndCheck(originalBytes.length - 1); // last byte of the file
    }

    @Test
    void byteFlippedInTheFirstPageIsRefusedClearly() throws IOException {
        Path file = dir.resolve("first-page.casebook");
        byte[] bytes = originalBytes.clone();
        bytes[100] ^= 0x01;
        Files.write(file, bytes);
        try (Vault v = TestVaults.open(file)) {
            assertFalse(new VerifyService(v).verify(Progress.NONE).intact());
        } catch (VaultException e) {
            assertTrue(Set.of(VaultException.Kind.DAMAGED, VaultException.Kind.NOT_UNLOCKED).contains(e.kind()));
        }
    }

    @Test
    void exportOfADamagedVaultFailsCleanlyAndLeavesNoFolder() throws IOException {
        Path file = Files.copy(original, dir.resolve("export.casebook"), StandardCopyOption.REPLACE_EXISTING);
        byte[] bytes = Files.readAllBytes(file);
        // damage the last pages, where the attachment's chunks are
        for (int p = bytes.length / PAGE - 10; p < bytes.length / PAGE; p++) {
            bytes[p * PAGE + 2000] ^= 0x55;
        }
        Files.write(file, bytes);
        Path out = dir.resolve("out");
        try (Vault v = TestVaults.open(file)) {
            long caseId = new CaseService(v).find("Flip").id();
            VaultException e = org.junit.jupiter.api.Assertions.assertThrows(VaultException.class,
                    () -> new ExportService(v).export(caseId, out, List.of(), Progress.NONE));
            assertEquals(VaultException.Kind.DAMAGED, e.kind(), e.getMessage());
            assertFalse(e.getMessage().contains("SQLITE"), "a message for people: " + e.getMessage());
        } catch (VaultException openFailed) {
            assertEquals(VaultException.Kind.DAMAGED, openFailed.kind());
        }
        assertFalse(Files.exists(out));
        assertEquals(List.of("export.casebook"), TestVaults.listing(dir));
    }
}
