package org.casebook.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.casebook.evidence.VisibleText;
import org.casebook.vault.Progress;

/**
 * A single, rewritten progress line on standard error, at most a few times a second. It writes to the raw
 * stream (it needs its CR), so the file name it shows is escaped here.
 */
final class TerminalProgress implements Progress {
    private static final long INTERVAL_NANOS = 200_000_000L;

    private final PrintStream err;
    private final String verb;
    private String current = "";
    private long lastPrinted;
    private int lastWidth;

    TerminalProgress(PrintStream err, String verb) {
        this.err = err;
        this.verb = verb;
    }

    @Override
    public void message(String text) {
        current = text == null ? "" : VisibleText.line(text);
    }

    @Override
    public void update(long done, long total) {
        long now = System.nanoTime();
        if (lastWidth > 0 && now - lastPrinted < INTERVAL_NANOS && (total < 0 || done < total)) {
            return;
        }
        lastPrinted = now;
        String amount = total > 0
                ? String.format(Locale.ROOT, "%3d%% (%s of %s)", done * 100 / total, size(done), size(total))
                : size(done);
        String line = verb + " " + Formats.cell(current, 40) + "  " + amount;
        err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        err.flush();
        lastWidth = line.length();
    }

    void finish() {
        if (lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
            lastWidth = 0;
        }
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
