package org.casebook.cli;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casebook.capture.CaptureListener;
import org.casebook.capture.CaptureOptions;
import org.casebook.capture.CaptureService;
import org.casebook.model.Case;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code casebook capture}: preserves a web page (or a site's pages) as evidence. The only command that goes online. */
@Command(name = "capture", header = "Preserve a web page as evidence.",
        mixinStandardHelpOptions = true,
        description = {"Fetches the page and everything it shows, and keeps: a WARC file (the exact responses), a "
                + "single-file copy that opens offline and runs nothing, a full-page screenshot drawn from that copy, "
                + "and the address, redirects, status, headers, server address and certificate. Capturing an address "
                + "the case already has is a re-capture: it says whether the page is unchanged, changed (what was "
                + "added and removed) or gone.",
            "",
            "Visiting a page can tell its owner that someone looked (their server logs your address). "
                + "--proxy sends every request through a proxy instead, e.g. the Tor Browser's: "
                + "--proxy socks5://127.0.0.1:9150."})
final class CaptureCommand extends VaultCommand {
    static final String WARNING = "casebook: Visiting a web page can tell its owner that someone looked: the site's "
            + "server sees this computer's internet address, and a person who watches for you may look for exactly "
            + "that. To hide the address, capture through a proxy, e.g. with the Tor Browser open: "
            + "--proxy socks5://127.0.0.1:9150";

    @Option(names = "--case", required = true, paramLabel = "ID", description = "The case's id or exact title.")
    String caseKey;

    @Parameters(index = "0", paramLabel = "URL", description = "The page's address (https://...).")
    String url;

    @Option(names = "--note", paramLabel = "TEXT", description = "Your note on why this page matters.")
    String note;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "0",
            description = "Also capture pages it links to on the same site, up to N links away (default 0).")
    int depth;

    @Option(names = "--max-pages", paramLabel = "N", defaultValue = "50",
            description = "At most N pages in a site capture (default 50).")
    int maxPages;

    @Option(names = "--proxy", paramLabel = "URL",
            description = "Send every request through this proxy: http://HOST:PORT or socks5://HOST:PORT.")
    String proxy;

    @Option(names = "--json", description = "One JSON object per captured page.")
    boolean json;

    @Override
    int run(Vault vault, CliContext ctx) {
        // Checked before anything goes online: a mistyped address or proxy is bad input, not a request.
        CaptureService.parseUrl(url);
        URI proxyUri = proxy == null ? null : CaptureOptions.parseProxy(proxy);
        CaptureOptions options = CaptureOptions.defaults().withNote(note).withSite(depth, maxPages)
                .withProxy(proxyUri);
        Case aCase = findCase(vault, caseKey);
        CaptureService service = new CaptureService(vault);
        if (service.firstCapture()) {
            ctx.err().println(WARNING);
        }
        Progress progress = progress(ctx, "Capturing");
        List<CaptureService.Summary> captured;
        try {
            captured = service.capture(aCase.id(), url, options, new CaptureListener() {
                @Override
                public void message(String text) {
                    progress.message(text);
                }

                @Override
                public void resource(URI uri, String missing) {
                    progress.message(uri.toString());
                    progress.update(0, -1);
                }
            });
        } finally {
            done(progress);
        }
        for (CaptureService.Summary s : captured) {
            if (json) {
                JsonLines.write(ctx.out(), toJson(s));
            } else {
                print(ctx, s);
            }
        }
        return ExitCodes.OK;
    }

    private static void print(CliContext ctx, CaptureService.Summary s) {
        String what = s.kind().equals("unreachable") ? "no server answered"
                : "HTTP " + s.status() + (s.title() == null ? "" : "  \"" + s.title() + "\"");
        ctx.out().println("Captured " + s.itemId() + ": " + s.url()
                + (s.finalUrl() != null && !s.finalUrl().equals(s.url()) ? " -> " + s.finalUrl() : "") + "  " + what);
        ctx.out().println("  WARC SHA-256 " + s.warcSha256());
        if (s.kind().equals("file")) {
            ctx.out().println("  stored as a file capture (the address served a file, not a page)");
        } else if (!s.kind().equals("unreachable")) {
            ctx.out().println("  " + s.resources() + (s.resources() == 1 ? " resource" : " resources")
                    + (s.missing().isEmpty() ? "" : ", " + s.missing().size() + " missing")
                    + (s.pngSha256() == null ? "; no screenshot" : "; screenshot kept"));
        }
        for (String m : s.missing()) {
            ctx.out().println("  missing: " + m);
        }
        if (s.verdict() != null) {
            ctx.out().println("  re-capture of " + s.recaptureOf() + ": " + s.verdict());
            for (String line : s.diff()) {
                ctx.out().println("    " + line);
            }
        }
        for (String w : s.warnings()) {
            ctx.out().println("  warning: " + w);
        }
    }

    private static Map<String, Object> toJson(CaptureService.Summary s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", s.itemId());
        row.put("kind", s.kind());
        row.put("url", s.url());
        row.put("final_url", s.finalUrl());
        row.put("status", s.status());
        row.put("title", s.title());
        row.put("sha256", s.warcSha256());
        row.put("html_sha256", s.htmlSha256());
        row.put("png_sha256", s.pngSha256());
        row.put("recapture_of", s.recaptureOf());
        row.put("verdict", s.verdict());
        row.put("diff", s.diff());
        row.put("resources", s.resources());
        row.put("missing", s.missing());
        row.put("warnings", s.warnings());
        return row;
    }
}
