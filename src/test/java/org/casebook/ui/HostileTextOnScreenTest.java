package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.CaseService;
import org.casebook.imports.ImportOptions;
import org.casebook.imports.ImportService;
import org.casebook.imports.Importers;
import org.casebook.model.ItemKind;
import org.casebook.ui.timeline.TimelineRow;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 12 in the window: a file name and a sender that hold control characters and a bidirectional
 * override show them as visible escapes in the timeline's rows and in the detail view, never as raw
 * characters that would break the line or reorder the text.
 */
class HostileTextOnScreenTest extends UiTestBase {
    private static final String FILE = "invoice\u202Etxt\u001b[2J\n.exe";
    private static final String FILE_SHOWN = "invoice\\u202etxt\\u001b[2J\\n.exe";

    @Test
    void fileNamesAndSendersShowControlCharactersEscaped() throws Exception {
        Path vaultFile = SeededVault.copyTo(temp);
        Path evil = Files.writeString(temp.resolve(FILE), "not an invoice");
        Path chat = temp.resolve("WhatsApp Chat with Sam.txt");
        Files.writeString(chat, "13/03/2024, 10:00 - Sam\u001b[31m: hello\u001b[2J there\n", StandardCharsets.UTF_8);
        try (Vault v = Vault.open(vaultFile, Passphrase.of(PASSPHRASE))) {
            long caseId = new CaseService(v).list().get(0).id();
            new AttachmentService(v).attach(caseId, List.of(evil), null, Progress.NONE);
            new ImportService(v, Importers.standard()).importFile(caseId, chat, ImportOptions.defaults(), Progress.NONE);
        }
        unlockThroughDialog(vaultFile, PASSPHRASE);
        waitForMain();
        waitUntil("the file and the message in the timeline", () -> shownItems().size() == SeededVault.ALL.size() + 2);

        TimelineRow message = entry(ItemKind.MESSAGE, "hello");
        interact(() -> timeline().scrollTo(message));
        waitUntil("the message's row", () -> texts().stream().anyMatch(t -> t.contains("hello\\u001b[2J there")));
        List<String> shown = texts();
        assertTrue(shown.stream().anyMatch(t -> t.contains("Sam\\u001b[31m:")), "the sender, escaped: " + shown);
        assertNoRawControls(shown);

        TimelineRow file = entry(ItemKind.ATTACHMENT, "invoice");
        interact(() -> {
            timeline().scrollTo(file);
            timeline().getSelectionModel().select(file);
        });
        waitUntil("the file's row and its details", () -> texts().stream().filter(t -> t.contains(FILE_SHOWN)).count() >= 2);
        assertNoRawControls(texts());
    }

    private TimelineRow entry(ItemKind kind, String textStart) {
        return rows().stream().filter(r -> r instanceof TimelineRow.Entry e && e.item().kind() == kind
                && e.item().text().startsWith(textStart)).findFirst().orElseThrow();
    }

    /** The text of every label, button and list cell in the window. */
    private List<String> texts() {
        return onFx(() -> {
            List<String> out = new ArrayList<>();
            for (Node n : stage.getScene().getRoot().lookupAll("*")) {
                if (n instanceof Labeled l && l.getText() != null && n.isVisible()) {
                    out.add(l.getText());
                }
            }
            return out;
        });
    }

    private static void assertNoRawControls(List<String> texts) {
        for (String t : texts) {
            assertTrue(t.chars().noneMatch(c -> c == 0x1B || c == 0x202E),
                    "a raw control character on screen: " + t);
            assertTrue(!t.contains("txt\u001b") && !t.contains(".exe\n"), t);
        }
    }
}
