package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/**
 * Every dialog fits a 1280x720 screen and a 1024x640 one ({@link DialogLayoutCheck}); on the second the neutral
 * title is on, and every dialog's window is titled "Notes". The headless screen's size is fixed when the toolkit
 * starts, so each size runs in its own JVM, both at once.
 */
class DialogLayoutTest {
    private static final List<String> FORWARDED = List.of("testfx.robot", "testfx.headless", "prism.order",
            "glass.platform", "monocle.platform", "casebook.dialog.shots");

    @Test
    void everyDialogFitsA1280x720And1024x640Screen() throws Exception {
        Assumptions.assumeTrue("Monocle".equals(System.getProperty("glass.platform")),
                "sets the screen size through Monocle's headless screen");
        Process large = start("1280x720", false);
        Process small = start("1024x640", true);
        String largeOut = finish(large);
        String smallOut = finish(small);
        assertTrue(large.exitValue() == 0 && small.exitValue() == 0, "1280x720:\n" + largeOut
                + "\n1024x640:\n" + smallOut);
        assertTrue(largeOut.contains("on a 1280x720 screen") && smallOut.contains("on a 1024x640 screen with the neutral"),
                largeOut + smallOut);
    }

    /** @param neutral whether the neutral title is on (then every dialog must be titled "Notes" as well) */
    private static Process start(String size, boolean neutral) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dheadless.geometry=" + size + "-32", "-Dcasebook.check.neutral=" + neutral));
        for (String key : FORWARDED) {
            if (System.getProperty(key) != null) {
                command.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DialogLayoutTest.class.getName()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String finish(Process process) throws Exception {
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    /** In the child JVM: runs {@link DialogLayoutCheck} and exits with the number of failures. */
    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(DialogLayoutCheck.class)).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        for (TestExecutionSummary.Failure f : summary.getFailures()) {
            System.out.println("FAILED " + f.getTestIdentifier().getDisplayName() + ": " + f.getException());
        }
        if (summary.getTestsSucceededCount() + summary.getTotalFailureCount() == 0) {
            System.out.println("no test ran");
            System.exit(1);
        }
        System.out.flush();
        System.exit((int) Math.min(100, summary.getTotalFailureCount()));
    }
}
