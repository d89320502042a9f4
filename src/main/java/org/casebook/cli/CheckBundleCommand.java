package org.casebook.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.casebook.bundle.check.BundleChecker;
import org.casebook.bundle.check.CheckReport;
import org.casebook.bundle.check.RuleResult;
import org.casebook.bundle.check.TextSizeRule;
import org.casebook.bundle.check.UnreadablePdfException;
import org.casebook.evidence.Plural;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code casebook check-bundle}: the courts' e-bundle rules, pass or fail each, for any PDF. */
@Command(name = "check-bundle", header = "Check a PDF against the courts' e-bundle rules.",
        mixinStandardHelpOptions = true,
        description = "Check any PDF (a Casebook bundle or not): text layer on every page, page numbers equal to "
                + "the PDF's own, hyperlinked index, bookmarks, images at no more than 300 dpi, opening at 100%% "
                + "zoom, embedded fonts, PDF/A-3b identification, title, and with --min-text-size the smallest text. One line per rule. Exit 0 when all "
                + "pass, 3 when any fails, 2 when the file cannot be read as a PDF.")
final class CheckBundleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.pdf", description = "The PDF to check.")
    Path pdf;

    @Option(names = "--min-text-size", paramLabel = "PT", description = "Also check that no text is smaller than this"
            + " many points, e.g. 12 for a family court bundle (FPR PD27A).")
    Float minTextSize;

    @Option(names = "--json", description = "One JSON object: file, passed, and every rule's id, rule, passed, detail.")
    boolean json;

    @Override
    public Integer call() {
        CliContext ctx = CasebookCommand.contextOf(spec);
        CheckReport report;
        try {
            TextSizeRule textSize = null;
            if (minTextSize != null) {
                if (!(minTextSize > 0 && minTextSize < 1000)) {
                    throw CliException.badInput("--min-text-size " + minTextSize + ": give a size in points, e.g. 12.");
                }
                textSize = new TextSizeRule(minTextSize, java.util.Set.of());
            }
            report = new BundleChecker().check(pdf, textSize);
        } catch (UnreadablePdfException e) {
            throw CliException.badInput(e.getMessage());
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("file", pdf.toString());
            out.put("passed", report.allPassed());
            out.put("rules", report.results());
            JsonLines.write(ctx.out(), out);
        } else {
            for (RuleResult r : report.results()) {
                ctx.out().println((r.passed() ? "PASS  " : "FAIL  ") + r.rule() + " — " + r.detail());
            }
        }
        if (report.allPassed()) {
            return ExitCodes.OK;
        }
        List<RuleResult> failures = report.failures();
        ctx.err().println("casebook: " + pdf + " fails " + failures.size() + " of "
                + Plural.of(report.results().size(), "bundle rule") + ".");
        return ExitCodes.INTEGRITY;
    }
}
