package org.casebook.ui;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.casebook.ui.timeline.TimelineRow;
import org.casebook.vault.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.testfx.api.FxToolkit;
import org.testfx.api.FxToolkitContext;
import org.testfx.service.support.FiredEvents;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Run only by {@link HeapAfterLockTest}, in a JVM of its own: shows the message whose text has the given SHA-256,
 * then dumps the heap's live objects while it is shown, after Lock, and after unlocking, showing it and locking
 * again (what one session leaves must not pile up in the next), and after unlocking, showing it and Quick exit. Holds
 * no copy of the text itself.
 */
class HeapAfterLockCheck extends UiTestBase {
    @Test
    void dumpsAfterLockTwice() throws IOException {
        Path vault = Path.of(System.getProperty("casebook.heap.vault"));
        showTheMessage(vault);
        dump(System.getProperty("casebook.heap.unlocked"));
        clickOn("#lock");
        waitUntil("the start screen", this::startShown);
        waitUntil("the vault to close", () -> shell.session() == null);
        dump(System.getProperty("casebook.heap.lock"));
        showTheMessage(vault);
        clickOn("#lock");
        waitUntil("the start screen", this::startShown);
        waitUntil("the vault to close", () -> shell.session() == null);
        dump(System.getProperty("casebook.heap.relock"));
        showTheMessage(vault);
        clickOn("#" + org.casebook.ui.common.QuickExitButton.ID);
        waitUntil("the vault to close", () -> shell.session() == null);
        // The real quick exit ends the program here. Kept running, its hidden window would hold the nodes changed
        // since its last frame until it draws again: it is shown, and draws the start screen, before the dump.
        interact(() -> stage.show());
        waitUntil("the start screen", this::startShown);
        for (int frame = 0; frame < 5; frame++) {
            sleep(50);
            WaitForAsyncUtils.waitForFxEvents();
        }
        dump(System.getProperty("casebook.heap.quickexit"));
    }

    /** Unlocks, finds the message by its text's hash and selects it, so the timeline and detail pane show it. */
    private void showTheMessage(Path vault) {
        String sha256 = System.getProperty("casebook.heap.sha256");
        unlockThroughDialog(vault, PASSPHRASE);
        waitForMain();
        waitUntil("the message on the timeline", () -> {
            var list = timeline();
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i) instanceof TimelineRow.Entry e && e.item().text() != null
                        && sha256.equals(Sha256.of(e.item().text().getBytes(StandardCharsets.UTF_8)))) {
                    list.getSelectionModel().select(i);
                    list.scrollTo(i);
                    return true;
                }
            }
            return false;
        });
        waitUntil("the message in the detail pane", () -> mainView().viewModel().detail().detailProperty().get() != null);
    }

    /**
     * A dump of the live objects only (it runs a full collection first), as a memory-reading attacker would see.
     * TestFX's own record of the events the robot fired (which names the nodes they reached) is dropped first: the
     * app has no such record.
     */
    private void dump(String file) throws IOException {
        interact(() -> {
            try {
                java.lang.reflect.Field fired = FxToolkitContext.class.getDeclaredField("firedEvents");
                fired.setAccessible(true);
                ((FiredEvents) fired.get(FxToolkit.toolkitContext())).clearEvents();
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("TestFX keeps its fired events elsewhere now", e);
            }
        });
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file, true);
    }

    /** The child JVM's start: runs this check, exits with the number of failures. */
    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(HeapAfterLockCheck.class)).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        for (TestExecutionSummary.Failure f : summary.getFailures()) {
            System.out.println("FAILED " + f.getTestIdentifier().getDisplayName() + ": " + f.getException());
            f.getException().printStackTrace(System.out);
        }
        if (summary.getTestsSucceededCount() == 1) {
            System.out.println("heap check done");
        }
        System.out.flush();
        System.exit((int) Math.min(100, summary.getTotalFailureCount()));
    }
}
