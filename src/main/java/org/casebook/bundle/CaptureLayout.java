package org.casebook.bundle;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casebook.evidence.CaptureFacts;
import org.casebook.evidence.CaptureRecord;
import org.casebook.evidence.Plural;

/**
 * The body of a web-page exhibit: for the first capture and then each re-capture of the address (each from a new
 * page, under its own reference), its screenshot split across pages, then what the capture recorded: the
 * address asked for and arrived at, every redirect, status, server address, certificate, the capture time in UTC
 * and in the case's zone, the note, the SHA-256 of each file kept, and the response headers
 * ({@link CaptureHeaderTable}). A re-capture first says its verdict and,
 * when the page changed, the lines removed and added.
 *
 * <p>A redacted copy shows no screenshot: the picture of a page can hold the redacted text as pixels, which no
 * text redaction finds. The facts are text and are redacted like every other line.
 */
final class CaptureLayout {
    private static final float LABEL_WIDTH = 138;

    private final PageWriter w;
    private final ZoneId zone;
    private final Map<Long, CaptureFacts.Capture> captures;
    private final ScreenshotPages screenshots;
    private final OriginalPlans plans;
    private final List<String> warnings;

    CaptureLayout(PageWriter w, ZoneId zone, Map<Long, CaptureFacts.Capture> captures, Originals originals,
                  OriginalPlans plans, List<String> warnings) {
        this.w = w;
        this.zone = zone;
        this.captures = captures;
        this.screenshots = new ScreenshotPages(w, originals);
        this.plans = plans;
        this.warnings = warnings;
    }

    void write(ExhibitItem e) throws IOException {
        int count = 1 + e.files().size();
        w.paragraph(count == 1 ? "One capture of this address follows."
                : Plural.of(count, "capture") + " of this address follow, the first under " + e.reference()
                + " and each re-capture under a reference of its own (" + e.files().get(0).reference()
                + (count > 2 ? " to " + e.files().get(count - 2).reference() : "") + "), each saying whether the page"
                + " was unchanged, changed or gone when it was captured again.", PageWriter.BODY);
        w.gap(6);
        capture(e, null);
        CaptureFacts.Capture previous = captures.get(e.itemId());
        for (ExhibitItem later : e.files()) {
            w.newPage();
            w.mark(later.key());
            capture(later, previous);
            previous = captures.get(later.itemId());
        }
    }

    private void capture(ExhibitItem e, CaptureFacts.Capture previous) throws IOException {
        CaptureFacts.Capture c = captures.get(e.itemId());
        String when = Dates.dayTime(c.capturedAt(), zone);
        if (c.verdict() == null) {
            w.heading(e.reference() + " — captured " + when);
        } else {
            w.heading(e.reference() + " — re-captured " + when + ": " + c.verdict());
            w.paragraph(verdict(c, previous), PageWriter.BODY);
            if ("changed".equals(c.verdict()) && c.diff() != null && !c.diff().isBlank()) {
                w.gap(4);
                w.paragraph("Lines removed (\u2212) and added (+):", PageWriter.SMALL_BOLD);
                for (String line : c.diff().split("\n")) {
                    w.paragraph(line.startsWith("- ") ? "\u2212 " + line.substring(2) : line, PageWriter.MONO);
                }
            }
            w.gap(6);
        }
        screenshot(e, c);
        facts(c);
        new CaptureHeaderTable(w, LABEL_WIDTH).write(c, plans.redacted());
    }

    /** "Unchanged since the capture of ...": the verdict against the capture before it, in a sentence. */
    private String verdict(CaptureFacts.Capture c, CaptureFacts.Capture previous) {
        String since = previous == null ? "the capture before it" : "the capture of "
                + Dates.dayTime(previous.capturedAt(), zone);
        return switch (c.verdict()) {
            case "unchanged" -> "The page's text was unchanged since " + since + ".";
            case "changed" -> {
                long removed = c.diff() == null ? 0 : c.diff().lines().filter(l -> l.startsWith("- ")).count();
                long added = c.diff() == null ? 0 : c.diff().lines().filter(l -> l.startsWith("+ ")).count();
                yield "The page's text had changed since " + since + ": " + Plural.of(added, "line") + " added, "
                        + Plural.of(removed, "line") + " removed.";
            }
            case "gone" -> "The page was gone: " + (c.status() == null ? "no server answered at the address"
                    : "the server answered with status " + c.status()) + ", where " + since + " found it.";
            default -> c.verdict();
        };
    }

    private void screenshot(ExhibitItem e, CaptureFacts.Capture c) throws IOException {
        if (c.pngSha256() == null) {
            w.paragraph(CaptureRecord.FILE.equals(c.kind())
                    ? "The address served a file (" + c.mediaType() + "), not a page: it is kept in the archived"
                    + " copy (WARC); there is no screenshot."
                    : "No screenshot was kept for this capture.", PageWriter.BODY);
            w.gap(6);
            return;
        }
        if (plans.redacted()) {
            w.paragraph("The screenshot is not shown in this redacted copy: a picture of a page cannot be redacted"
                    + " reliably. Its SHA-256 below identifies it, so it can be produced separately.",
                    PageWriter.BODY);
            w.gap(6);
            return;
        }
        if ("unchanged".equals(c.verdict())) {
            w.paragraph("The screenshot is not printed again, as the page's text was unchanged; its SHA-256 below"
                    + " identifies it.", PageWriter.BODY);
            w.gap(6);
            return;
        }
        try {
            screenshots.draw(c.pngSha256());
        } catch (ScreenshotPages.Unreadable ex) {
            warnings.add("Exhibit " + e.reference() + ": the screenshot could not be decoded; its hash is printed.");
            w.paragraph("The screenshot could not be decoded for printing.", PageWriter.BODY_BOLD);
        }
        w.gap(6);
    }

    private void facts(CaptureFacts.Capture c) throws IOException {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Address asked for", c.requestedUrl()});
        if (c.finalUrl() != null && !c.finalUrl().equals(c.requestedUrl())) {
            rows.add(new String[] {"Address arrived at", c.finalUrl()});
        } else {
            rows.add(new String[] {"Address arrived at", c.finalUrl() == null ? "none (no server answered)"
                    : "the same"});
        }
        rows.add(new String[] {"Redirects", redirects(c)});
        rows.add(new String[] {"HTTP status", c.statusText()});
        rows.add(new String[] {"Server IP address", c.serverIp() == null ? "not recorded" : c.serverIp()});
        CaptureRecord.CertificateFacts cert = c.certificate();
        if (cert == null) {
            rows.add(new String[] {"Certificate", "none (the page was not served over HTTPS)"});
        } else {
            rows.add(new String[] {"Certificate subject", cert.subject()});
            rows.add(new String[] {"Certificate issuer", cert.issuer()});
            rows.add(new String[] {"Certificate valid", utc(cert.notBefore()) + " to " + utc(cert.notAfter())});
            rows.add(new String[] {"Certificate SHA-256", cert.sha256()});
        }
        rows.add(new String[] {"Captured (UTC)", utc(c.capturedAt())});
        rows.add(new String[] {"Captured (case's zone)", Dates.dayTime(c.capturedAt(), zone) + " (" + zone.getId()
                + ")"});
        if (c.title() != null && !c.title().isBlank()) {
            rows.add(new String[] {"Page title", c.title().strip()});
        }
        rows.add(new String[] {"Note", c.note() == null || c.note().isBlank() ? "none" : c.note()});
        rows.add(new String[] {"SHA-256 of the WARC", hash(c.warcSha256())});
        rows.add(new String[] {"SHA-256 of the HTML copy", hash(c.htmlSha256())});
        rows.add(new String[] {"SHA-256 of the PNG", hash(c.pngSha256())});
        if (c.fileSha256() != null) {
            rows.add(new String[] {"SHA-256 of the file", c.fileSha256()});
        }
        List<List<PageWriter.Cell>> cells = new ArrayList<>();
        float height = 0;
        for (String[] r : rows) {
            boolean hash = r[0].contains("SHA-256");
            for (List<PageWriter.Cell> row : w.labelled(r[0], PageWriter.SMALL_BOLD, r[1],
                    hash ? PageWriter.MONO : PageWriter.SMALL, LABEL_WIDTH)) {
                cells.add(row);
                height += w.rowHeight(row);
            }
        }
        // the facts of one capture read as one table, not split over a page break when they fit on one page
        w.keepTogether(height, w.rowHeight(cells.get(0)));
        for (List<PageWriter.Cell> row : cells) {
            w.row(row);
        }
    }

    private static String hash(String sha256) {
        return sha256 == null ? "none (not kept)" : sha256;
    }

    private static String redirects(CaptureFacts.Capture c) {
        if (c.redirects().isEmpty()) {
            return "none";
        }
        List<String> hops = new ArrayList<>();
        for (Map<String, Object> hop : c.redirects()) {
            hops.add(hop.get("url") + " answered " + hop.get("status") + ", to " + hop.get("location"));
        }
        return String.join("\n", hops);
    }

    private static String utc(Instant t) {
        return t == null ? "not recorded" : t.toString();
    }
}
