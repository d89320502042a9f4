package org.casebook.vault;

import static org.casebook.testsupport.TestVaults.PASSPHRASE;
import static org.casebook.testsupport.TestVaults.pass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casebook.testsupport.ChildJvm;
import org.casebook.testsupport.TestVaults;
import org.casebook.testsupport.WriteInChildJvm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written outside the vault are recorded before they exist and never outlive a crash or an early exit. */
class PendingOutputsTest {
    @TempDir
    Path dir;
    Path vault;

    @BeforeEach
    void closedVault() {
        vault = dir.resolve("v.casebook");
        Vault.create(vault, pass()).close();
    }

    @Test
    void whatADeadWriterLeftIsRemovedAtTheNextOpenAndNamed() throws Exception {
        Path export = Files.createDirectories(dir.resolve(".export.exporting/inner"));
        Files.writeString(export.resolve("photo.jpg"), "decrypted");
        Path bundle = Files.writeString(dir.resolve(".bundle.pdf.1f2e.part"), "%PDF-1.7 decrypted");
        Path finished = dir.resolve(".moved-into-place.pdf.9a.part");
        TestVaults.recordLeftover(vault, PASSPHRASE, export.getParent(), "EXPORT");
        TestVaults.recordLeftover(vault, PASSPHRASE, bundle, "BUNDLE");
        TestVaults.recordLeftover(vault, PASSPHRASE, finished, "BUNDLE");

        try (Vault v = Vault.open(vault, pass())) {
            List<String> messages = v.leftoversRemoved().stream().map(PendingOutputs.Leftover::message).toList();
            assertEquals(Set.of(
                    "Removed an unfinished export that an interrupted run of Casebook left behind: " + export.getParent(),
                    "Removed an unfinished bundle that an interrupted run of Casebook left behind: " + bundle),
                    Set.copyOf(messages));
            assertEquals(2, messages.size(), "the finished one, no longer there, is not mentioned");
        }
        assertEquals(List.of("v.casebook"), TestVaults.listing(dir));
        assertEquals(0, recorded(), "every record is forgotten, also that of the file which was finished");
        try (Vault v = Vault.open(vault, pass())) {
            assertEquals(List.of(), v.leftoversRemoved());
        }
    }

    @Test
    void aRecordNamingAnyOtherFileRemovesNothing() throws Exception {
        Path precious = Files.createDirectories(dir.resolve("Documents"));
        Files.writeString(precious.resolve("letter.txt"), "keep me");
        Path visible = Files.writeString(dir.resolve("bundle.pdf"), "a finished bundle");
        TestVaults.recordLeftover(vault, PASSPHRASE, precious, "EXPORT");
        TestVaults.recordLeftover(vault, PASSPHRASE, visible, "BUNDLE");
        try (Vault v = Vault.open(vault, pass())) {
            assertEquals(List.of(), v.leftoversRemoved());
            assertThrows(IllegalArgumentException.class,
                    () -> v.pendingOutputs().begin(PendingOutputs.Kind.BUNDLE, dir.resolve("bundle.pdf")));
        }
        assertEquals("keep me", Files.readString(precious.resolve("letter.txt")));
        assertTrue(Files.exists(visible));
        assertEquals(0, recorded(), "the records are forgotten");
    }

    @Test
    void whatAnotherRunningCasebookIsWritingIsLeftAlone() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Path part = Files.writeString(dir.resolve(".bundle.pdf.77.part"), "being written right now");
            try (Connection c = TestVaults.raw(vault, PASSPHRASE); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO pending_output VALUES (?, 'BUNDLE', ?, ?, 0)")) {
                ps.setString(1, part.toString());
                ps.setLong(2, other.pid());
                ps.setLong(3, other.info().startInstant().orElseThrow().toEpochMilli());
                ps.executeUpdate();
            }
            try (Vault v = Vault.open(vault, pass())) {
                assertEquals(List.of(), v.leftoversRemoved());
            }
            assertTrue(Files.exists(part));
            assertEquals(1, recorded());
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    @Test
    void closingAPendingOutputRemovesWhatIsLeftAndKeepsWhatWasMovedIntoPlace() throws IOException {
        try (Vault v = Vault.open(vault, pass())) {
            Path abandoned = dir.resolve(".abandoned.part");
            try (PendingOutputs.Pending p = v.pendingOutputs().begin(PendingOutputs.Kind.BUNDLE, abandoned)) {
                assertEquals(1, recordedIn(v), "recorded, committed, before the file exists");
                PrivateFiles.createFile(abandoned);
            }
            assertFalse(Files.exists(abandoned));
            Path moved = dir.resolve(".moved.part");
            try (PendingOutputs.Pending p = v.pendingOutputs().begin(PendingOutputs.Kind.BUNDLE, moved)) {
                Files.move(PrivateFiles.createFile(moved), dir.resolve("bundle.pdf"));
            }
            assertTrue(Files.exists(dir.resolve("bundle.pdf")));
            assertEquals(0, recordedIn(v));
            assertThrows(IllegalStateException.class, () -> v.write(c ->
                    v.pendingOutputs().begin(PendingOutputs.Kind.EXPORT, dir.resolve(".x.exporting"))),
                    "a record inside another transaction would not be on disk before the file");
        }
    }

    @Test
    void aProgramThatEndsAtOnceRemovesWhatItWasWriting() throws Exception {
        Path folder = dir.resolve(".export.exporting");
        try (ChildJvm child = ChildJvm.start(WriteInChildJvm.class, Map.of(), "exit-while-writing",
                vault.toString(), folder.toString())) {
            child.await("writing"::equals, Duration.ofSeconds(60));
            assertEquals(0, child.waitFor(Duration.ofSeconds(30)), child.output());
        }
        assertFalse(Files.exists(folder), "the unfinished export went with the program");
        try (Vault v = Vault.open(vault, pass())) {
            assertEquals(List.of(), v.leftoversRemoved(), "nothing was left to remove");
            assertEquals(0, recordedIn(v));
        }
    }

    private long recorded() throws Exception {
        try (Connection c = TestVaults.raw(vault, PASSPHRASE); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pending_output")) {
            return rs.getLong(1);
        }
    }

    private static long recordedIn(Vault v) {
        return v.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM pending_output")) {
                return rs.getLong(1);
            }
        });
    }
}
