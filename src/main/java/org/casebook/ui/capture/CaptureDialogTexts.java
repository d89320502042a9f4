package org.casebook.ui.capture;

/** How a re-capture's verdict reads, the same in the dialog and the detail pane. */
public final class CaptureDialogTexts {
    private CaptureDialogTexts() {
    }

    public static String verdict(String verdict) {
        return switch (verdict) {
            case "unchanged" -> "unchanged since the capture before.";
            case "changed" -> "changed since the capture before.";
            case "gone" -> "gone (the page is no longer there).";
            default -> verdict;
        };
    }
}
