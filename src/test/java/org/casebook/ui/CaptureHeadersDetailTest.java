package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.casebook.evidence.CaptureRecord;
import org.casebook.evidence.CaptureStore;
import org.casebook.evidence.CaseService;
import org.casebook.model.ItemKind;
import org.casebook.ui.timeline.TimelineRow;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.Test;

/**
 * A captured page opened from the timeline: its detail pane lists the HTTP response headers the server sent, in
 * their order, with a cookie's name and attributes but never its value.
 */
class CaptureHeadersDetailTest extends UiTestBase {
    private static final String COOKIE = "s3ssionT0kenOfHerAccount";

    @Test
    void theDetailPaneListsTheResponseHeadersWithoutACookiesValue() throws Exception {
        Path vaultFile = SeededVault.copyTo(temp);
        try (Vault v = Vault.open(vaultFile, Passphrase.of(PASSPHRASE))) {
            long caseId = new CaseService(v).list().get(0).id();
            new CaptureStore(v).store(caseId, List.of(new CaptureRecord(CaptureRecord.PAGE,
                    "https://harass.example/about-her", "https://harass.example/about-her", List.of(), 200,
                    List.of(List.of("Content-Type", "text/html; charset=utf-8"),
                            List.of("Server", "nginx/1.24.0"),
                            List.of("Set-Cookie", "session_id=" + COOKIE + "; Path=/; HttpOnly"),
                            List.of("X-Powered-By", "PHP/8.2.7")),
                    "203.0.113.7", null, Instant.parse("2024-03-01T21:15:00Z"), "About her", "text", null,
                    "text/html", "WARC/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                    "<p>x</p>".getBytes(StandardCharsets.UTF_8), null, null, null, List.of(), List.of(), null, null,
                    null, null)), false, Progress.NONE);
        }
        unlockThroughDialog(vaultFile, PASSPHRASE);
        waitForMain();
        waitUntil("the capture in the timeline", () -> shownItems().size() == SeededVault.ALL.size() + 1);
        TimelineRow capture = rows().stream().filter(r -> r instanceof TimelineRow.Entry e
                && e.item().kind() == ItemKind.CAPTURE).findFirst().orElseThrow();
        interact(() -> {
            timeline().scrollTo(capture);
            timeline().getSelectionModel().select(capture);
        });
        waitUntil("the capture's details", () -> texts().contains("Result"));
        List<String> shown = texts();
        String title = shown.stream().filter(t -> t.startsWith("Response headers")).findFirst().orElseThrow(
                () -> new AssertionError("no response headers in " + shown));
        assertTrue(title.startsWith("Response headers (4"), title);
        String headers = shown.get(shown.indexOf(title) + 1);
        assertTrue(headers.equals("""
                Content-Type: text/html; charset=utf-8
                Server: nginx/1.24.0
                Set-Cookie: session_id=[value not shown; kept in the WARC]; Path=/; HttpOnly
                X-Powered-By: PHP/8.2.7"""), headers);
        assertFalse(shown.stream().anyMatch(t -> t.contains(COOKIE)), "a cookie's value on screen");
    }

    /** The text of every visible label in the window. */
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
}
