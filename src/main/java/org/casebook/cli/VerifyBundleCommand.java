package org.casebook.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.casebook.bundle.check.BundleVerifier;
import org.casebook.bundle.check.ExhibitCheck;
import org.casebook.bundle.check.ExhibitStatus;
import org.casebook.bundle.check.SignatureCheck;
import org.casebook.bundle.check.UnreadablePdfException;
import org.casebook.bundle.check.VerifyBundleReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code casebook verify-bundle}: check the bundle's signature covers the whole, unchanged file, and re-hash its
 * embedded originals against its integrity appendix.
 */
@Command(name = "verify-bundle", header = "Check a bundle's signature and re-hash its originals against its appendix.",
        mixinStandardHelpOptions = true,
        description = "Check the PDF's signature: it must be intact and cover the whole file, so that a page removed,"
                + " text drawn over or an update appended after signing shows. Then extract every original embedded"
                + " in the PDF, compute its SHA-256 and compare it with the hash "
                + "printed for its exhibit in the integrity appendix. In a redacted copy, a photo embedded without "
                + "its location and device details is checked against the hash printed for that copy, and an "
                + "original the copy withholds is reported as withheld (redacted). Exit 0 when every exhibit "
                + "matches (or is withheld by a redacted copy) and the signature is valid, 3 when the signature is "
                + "missing, broken or does not cover the whole file, or on any mismatch or missing original, 2 when "
                + "the file cannot be read as a PDF.")
final class VerifyBundleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.pdf", description = "The bundle to verify.")
    Path pdf;

    @Option(names = "--json", description = "One JSON object with every exhibit's status and hashes.")
    boolean json;

    @Option(names = "--extract", paramLabel = "DIR",
            description = "Also write the originals to this new or empty folder, with a SHA256SUMS file of the "
                    + "appendix's hashes (check with: sha256sum -c SHA256SUMS). The files are not encrypted.")
    Path extract;

    @Override
    public Integer call() {
        CliContext ctx = CasebookCommand.contextOf(spec);
        VerifyBundleReport report;
        try {
            report = new BundleVerifier().verify(pdf, extract);
        } catch (UnreadablePdfException e) {
            throw CliException.badInput(e.getMessage());
        }
        if (json) {
            JsonLines.write(ctx.out(), json(report));
        } else {
            print(report, ctx);
        }
        if (report.verified()) {
            return ExitCodes.OK;
        }
        if (!report.originalsVerified()) {
            ctx.err().println("casebook: " + pdf + (report.exhibits().isEmpty() && report.appendixPage() == 0
                    ? " has no integrity appendix and no embedded originals: nothing to verify."
                    : " failed verification: the originals do not all match the integrity appendix."));
        }
        if (!report.signature().intact()) {
            ctx.err().println("casebook: " + pdf + " failed verification: " + switch (report.signature().status()) {
                case MISSING -> "it is not signed, so a change to its pages would not show.";
                case NOT_WHOLE_FILE -> "its signature does not cover the whole file; it was changed after signing.";
                default -> "its signature is broken; the file was changed after signing.";
            });
        }
        return ExitCodes.INTEGRITY;
    }

    private void print(VerifyBundleReport report, CliContext ctx) {
        printSignature(report.signature(), ctx);
        for (ExhibitCheck e : report.exhibits()) {
            String reference = e.reference() == null ? "(no ref)" : e.reference();
            String file = e.fileName() == null ? "" : "  " + Formats.cell(e.fileName().replaceAll("\\p{Cntrl}", "?"), 60);
            String hash = e.status() == ExhibitStatus.MATCH || e.status() == ExhibitStatus.REDACTED_COPY
                    ? "  " + e.embeddedSha256() : e.status() == ExhibitStatus.WITHHELD
                    ? "  withheld (redacted)  " + e.appendixSha256() : "";
            ctx.out().println(String.format("%-9s %-10s%s%s", label(e.status()), reference, file, hash));
            if (e.status() != ExhibitStatus.MATCH) {
                ctx.out().println("          " + e.detail());
                if (e.embeddedSha256() != null && e.appendixSha256() != null && e.status() != ExhibitStatus.REDACTED_COPY) {
                    ctx.out().println("          embedded: " + e.embeddedSha256());
                    ctx.out().println("          appendix: " + e.appendixSha256());
                }
            }
            if (e.extractedTo() != null) {
                ctx.out().println("          written to " + e.extractedTo());
            }
        }
        ctx.out().println("Audit chain head (as printed): "
                + (report.auditChainHead() == null ? "not found in the appendix" : report.auditChainHead()));
        long copies = report.count(ExhibitStatus.REDACTED_COPY);
        long withheld = report.count(ExhibitStatus.WITHHELD);
        ctx.out().println(report.exhibits().size() + " exhibit" + (report.exhibits().size() == 1 ? "" : "s") + ": "
                + report.count(ExhibitStatus.MATCH) + " match"
                + (copies > 0 ? ", " + copies + " redacted " + (copies == 1 ? "copy matches" : "copies match") : "")
                + (withheld > 0 ? ", " + withheld + " withheld (redacted)" : "")
                + (report.appendixPage() > 0 ? " (integrity appendix from page " + report.appendixPage() + ")"
                : " (no 'Integrity appendix' bookmark: every page was read)") + ".");
    }

    private static void printSignature(SignatureCheck s, CliContext ctx) {
        String label = switch (s.status()) {
            case VALID -> "SIGNED";
            case MISSING -> "UNSIGNED";
            case BROKEN -> "BROKEN";
            case NOT_WHOLE_FILE -> "CHANGED";
        };
        ctx.out().println(String.format("%-9s %s", label, "Signature: " + s.detail() + "."));
        if (s.signer() != null) {
            ctx.out().println("          signed by " + Formats.cell(s.signer().replaceAll("\\p{Cntrl}", "?"), 80)
                    + (s.organisation() == null ? "" : " (" + Formats.cell(s.organisation()
                    .replaceAll("\\p{Cntrl}", "?"), 40) + ")")
                    + (s.signedAt() == null ? "" : " at " + s.signedAt()) + ", self-signed certificate SHA-256 "
                    + s.certificateSha256());
        }
        if (s.timeStamp() != null) {
            ctx.out().println("          time-stamped " + s.timeStamp() + " by " + (s.timeStampAuthority() == null
                    ? "an authority" : Formats.cell(s.timeStampAuthority().replaceAll("\\p{Cntrl}", "?"), 80)));
        }
    }

    private static String label(ExhibitStatus status) {
        return switch (status) {
            case MATCH -> "MATCH";
            case MISMATCH -> "MISMATCH";
            case NO_APPENDIX_ROW -> "NOT-LISTED";
            case NO_EMBEDDED_FILE -> "MISSING";
            case UNREADABLE -> "UNREADABLE";
            case REDACTED_COPY -> "COPY";
            case WITHHELD -> "WITHHELD";
        };
    }

    private Map<String, Object> json(VerifyBundleReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", pdf.toString());
        out.put("verified", report.verified());
        out.put("appendix_page", report.appendixPage());
        out.put("audit_chain_head", report.auditChainHead());
        List<Map<String, Object>> exhibits = new ArrayList<>();
        for (ExhibitCheck e : report.exhibits()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("reference", e.reference());
            entry.put("status", e.status().name().toLowerCase(java.util.Locale.ROOT));
            entry.put("file", e.fileName());
            entry.put("embedded_sha256", e.embeddedSha256());
            entry.put("appendix_sha256", e.appendixSha256());
            entry.put("original_sha256", e.originalSha256());
            entry.put("size", e.size());
            entry.put("extracted_to", e.extractedTo() == null ? null : e.extractedTo().toString());
            entry.put("detail", e.detail());
            exhibits.add(entry);
        }
        out.put("exhibits", exhibits);
        out.put("originals_verified", report.originalsVerified());
        out.put("signature", signature(report.signature()));
        return out;
    }

    private static Map<String, Object> signature(SignatureCheck s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", s.status().name().toLowerCase(java.util.Locale.ROOT));
        out.put("valid", s.intact());
        out.put("covers_whole_file", s.coversWholeFile());
        out.put("detail", s.detail());
        out.put("signer", s.signer());
        out.put("organisation", s.organisation());
        out.put("certificate_sha256", s.certificateSha256());
        out.put("signed_at", s.signedAt() == null ? null : s.signedAt().toString());
        out.put("sub_filter", s.subFilter());
        out.put("file_bytes", s.fileBytes());
        out.put("time_stamp", s.timeStamp() == null ? null : s.timeStamp().toString());
        out.put("time_stamp_authority", s.timeStampAuthority());
        out.put("signatures", s.signatures());
        return out;
    }
}
