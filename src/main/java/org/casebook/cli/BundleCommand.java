package org.casebook.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casebook.bundle.BundleOptions;
import org.casebook.bundle.BundleProfile;
import org.casebook.bundle.BundleResult;
import org.casebook.bundle.BundleService;
import org.casebook.bundle.IndexExport;
import org.casebook.bundle.IndexRow;
import org.casebook.bundle.SectionPlan;
import org.casebook.bundle.KnownDetails;
import org.casebook.bundle.check.RuleResult;
import org.casebook.bundle.sign.Signed;
import org.casebook.bundle.sign.TimeStampAuthority;
import org.casebook.evidence.Plural;
import org.casebook.model.Case;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code casebook bundle}: the paginated, indexed PDF evidence bundle with the originals embedded. */
@Command(name = "bundle", header = "Make the PDF evidence bundle for the police or a court.",
        mixinStandardHelpOptions = true,
        description = "Write a case's evidence bundle: cover, index, course-of-conduct summary, chronology, diary"
                + " entries, exhibits (with the originals embedded) and an integrity appendix, signed with the"
                + " vault's key so that any later change shows. Prints the page count, the exhibits and any warnings.")
final class BundleCommand extends VaultCommand {
    @Option(names = "--case", required = true, paramLabel = "ID", description = "The case's id or exact title.")
    String caseKey;

    @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "Where to write the bundle.")
    Path out;

    @Option(names = "--profile", paramLabel = "police|family|civil", defaultValue = "police",
            description = "Who it is for (default: police).")
    String profile;

    // Read as text so a malformed date is bad input (exit 2) naming the option, not a usage error.
    @Option(names = "--from", paramLabel = "DATE", description = "First day to include (YYYY-MM-DD).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day to include (YYYY-MM-DD).")
    String to;

    @Option(names = "--redact", paramLabel = "TEXT",
            description = "Remove this text everywhere it appears, e.g. a new address (repeatable).")
    List<String> redact = new ArrayList<>();

    @Option(names = "--redact-known", description = "Also redact what the case already knows a redacted copy should"
            + " hide: the witness's addresses, phone numbers and e-mail addresses, and the places her photos were"
            + " taken.")
    boolean redactKnown;

    @Option(names = "--prepared-by", paramLabel = "NAME", description = "The name on the cover.")
    String preparedBy;

    @Option(names = "--tsa", paramLabel = "URL", description = "Also have the bundle's signature time-stamped (RFC 3161)"
            + " by this time-stamping authority, e.g. one your solicitor or police force uses. Only its hash is sent;"
            + " without this option Casebook makes no network connection.")
    String tsa;

    @Option(names = "--sections", paramLabel = "FILE.csv", description = "The exhibits' order and named sections: a"
            + " CSV with the columns section and item, one line per exhibit in the order wanted (what --index-out"
            + " writes, reordered). Exhibits it does not name follow in date order under \"Other exhibits\".")
    Path sections;

    @Option(names = "--index-out", paramLabel = "FILE.csv", description = "Also write the bundle's index as a CSV"
            + " (section, mark, title, date, page, pdf_page, item) with the finished bundle's page numbers.")
    Path indexOut;

    @Option(names = "--json", description = "One JSON object: pages, exhibits, warnings.")
    boolean json;

    @Override
    int run(Vault vault, CliContext ctx) {
        if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
            throw CliException.badInput("--out " + out + ": the bundle's file name must end in .pdf");
        }
        TimeStampAuthority authority = null;
        if (tsa != null) {
            try {
                authority = TimeStampAuthority.at(tsa);
            } catch (IllegalArgumentException e) {
                throw CliException.badInput("--tsa: " + e.getMessage());
            }
        }
        ConductOptions.Period days = ConductOptions.period(from, to);
        LocalDate fromDate = days.from();
        LocalDate toDate = days.to();
        Case aCase = findCase(vault, caseKey);
        BundleProfile chosen = BundleProfile.fromCode(profile);
        List<String> redactions = new ArrayList<>(redact);
        if (redactKnown || chosen == BundleProfile.FAMILY && redact.stream().allMatch(String::isBlank)) {
            List<KnownDetails.Detail> known = new KnownDetails(vault).find(aCase.id());
            if (redactKnown) {
                known.forEach(d -> redactions.add(d.text()));
                if (known.isEmpty()) {
                    ctx.err().println("casebook: --redact-known: the case holds no address, number, e-mail address or"
                            + " photo position of the witness's; nothing was added.");
                }
            } else if (!known.isEmpty()) {
                // said before the build, and not by value: the terminal may be seen by someone else
                ctx.err().println("casebook: warning: this family court bundle is not redacted, but the case holds"
                        + " the witness's details: " + KnownDetails.inWords(known) + ". A party need not disclose her"
                        + " address or contact details (FPR r.29.1). Add --redact-known to redact them, or --redact"
                        + " TEXT for each.");
            }
        }
        BundleOptions options = new BundleOptions(chosen, fromDate, toDate, null, null, null, null,
                redactions, preparedBy);
        if (sections != null) {
            options = options.withSections(SectionPlan.read(sections));
        }
        if (indexOut != null) {
            Path dir = indexOut.toAbsolutePath().getParent();
            if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
                throw CliException.badInput("--index-out " + indexOut + ": the folder does not exist.");
            }
            if (indexOut.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                throw CliException.badInput("--index-out " + indexOut + ": the same file as --out.");
            }
        }
        Progress progress = progress(ctx, "Building the bundle");
        BundleResult result;
        try {
            result = new BundleService(vault).withTimeStamps(authority).build(aCase.id(), options, out, progress,
                    () -> false);
        } finally {
            done(progress);
        }
        if (indexOut != null) {
            IndexExport.write(result.index(), indexOut);
        }
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("file", result.file().toString());
            o.put("pages", result.pageCount());
            List<Map<String, Object>> exhibits = new ArrayList<>();
            for (BundleResult.Exhibit e : result.exhibits()) {
                Map<String, Object> x = json(e);
                List<Map<String, Object>> files = new ArrayList<>();
                e.files().forEach(f -> files.add(json(f)));
                x.put("files", files);
                exhibits.add(x);
            }
            o.put("exhibits", exhibits);
            o.put("diary", diary(result.diary()));
            o.put("warnings", result.warnings());
            o.put("check_passed", result.check().allPassed());
            o.put("rules", result.check().results());
            o.put("signature", signature(result.signed()));
            o.put("index", result.index().stream().map(BundleCommand::json).toList());
            JsonLines.write(ctx.out(), o);
            return ExitCodes.OK;
        }
        ctx.out().println("Wrote " + result.file() + ": " + Plural.of(result.pageCount(), "page") + ", "
                + Plural.of(result.exhibits().size(), "exhibit"));
        for (BundleResult.Exhibit e : result.exhibits()) {
            print(ctx, "  ", e);
            for (BundleResult.Exhibit f : e.files()) {
                print(ctx, "    ", f); // a file sent with a message, shown in its transcript
            }
        }
        if (result.diary() != null) {
            ctx.out().println("  " + result.diary().reference() + "  page " + result.diary().page() + "  the diary ("
                    + Plural.of(result.diary().entries(), "entry", "entries") + ")");
        }
        for (String w : result.warnings()) {
            ctx.out().println("Warning: " + w);
        }
        ctx.out().println("Bundle check (as check-bundle):");
        for (RuleResult r : result.check().results()) {
            ctx.out().println("  " + (r.passed() ? "PASS  " : "FAIL  ") + r.rule() + " — " + r.detail());
        }
        Signed s = result.signed();
        if (indexOut != null) {
            ctx.out().println("Index written to " + indexOut.toAbsolutePath() + " (" + Plural.of(result.index().size(),
                    "line") + ")");
        }
        ctx.out().println("Signed by " + s.signer() + " (Casebook) with this vault's key; self-signed certificate SHA-256 "
                + s.certificateSha256() + (s.timeStampAuthority() == null ? ""
                : "; time-stamped by " + s.timeStampAuthority()));
        return ExitCodes.OK;
    }

    /** The diary as an exhibit: its mark, first page and number of entries; null without diary entries. */
    private static Map<String, Object> diary(BundleResult.Diary d) {
        if (d == null) {
            return null;
        }
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("reference", d.reference());
        x.put("page", d.page());
        x.put("entries", d.entries());
        return x;
    }

    private static Map<String, Object> json(IndexRow r) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("section", r.section());
        x.put("mark", r.mark().isEmpty() ? null : r.mark());
        x.put("title", r.title());
        x.put("date", r.date().isEmpty() ? null : r.date());
        x.put("page", r.page());
        x.put("pdf_page", r.pdfPage());
        x.put("item_id", r.itemId());
        return x;
    }

    private static Map<String, Object> signature(Signed s) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("signer", s.signer());
        x.put("certificate_sha256", s.certificateSha256());
        x.put("signed_at", s.signedAt().toString());
        x.put("time_stamp_authority", s.timeStampAuthority() == null ? null : s.timeStampAuthority().toString());
        return x;
    }

    private static Map<String, Object> json(BundleResult.Exhibit e) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("reference", e.reference());
        x.put("item_id", e.itemId());
        x.put("sha256", e.sha256());
        x.put("page", e.page());
        x.put("embedded", e.embedded());
        x.put("embedded_sha256", e.embeddedSha256());
        x.put("note", e.note());
        return x;
    }

    private static void print(CliContext ctx, String indent, BundleResult.Exhibit e) {
        ctx.out().println(indent + e.reference() + "  page " + e.page() + "  "
                + (e.sha256() == null ? "(no original)" : e.sha256()) + (e.note() != null ? "  (" + e.note() + ")"
                : e.embedded() ? "" : "  (not embedded)"));
    }
}
