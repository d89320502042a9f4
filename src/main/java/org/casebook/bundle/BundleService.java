package org.casebook.bundle;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageTree;
import org.casebook.bundle.check.BundleChecker;
import org.casebook.bundle.check.CheckReport;
import org.casebook.bundle.check.RuleResult;
import org.casebook.bundle.check.TextSizeRule;
import org.casebook.bundle.sign.BundleSigner;
import org.casebook.bundle.sign.Signed;
import org.casebook.bundle.sign.TimeStampAuthority;
import org.casebook.bundle.text.FontSet;
import org.casebook.bundle.text.TextWarnings;
import org.casebook.bundle.text.Typesetter;
import org.casebook.evidence.PrintRenditions;
import org.casebook.vault.PendingOutputs;
import org.casebook.vault.PrivateFiles;
import org.casebook.vault.Progress;
import org.casebook.vault.SigningKeys;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a case's PDF evidence bundle.
 *
 * <p>Layout runs in two passes so the front matter can print real page numbers: the diary, exhibits and appendix
 * are laid out first; the front matter (cover, index, summary, chronology) is then laid out once in a scratch
 * document to learn how many pages it takes (its layout does not depend on the numbers' values), and once for
 * real, and moved to the front. Links and bookmarks point at page objects, resolved when every page is placed;
 * page stamps come last. The file appears at {@code out} complete or not at all.
 */
public final class BundleService {
    private static final Logger LOG = LoggerFactory.getLogger(BundleService.class);
    /** FPR PD27A: a family court bundle should not exceed 350 pages without permission. */
    static final int FAMILY_PAGE_LIMIT = 350;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Vault vault;
    private final Clock clock;
    private TimeStampAuthority timeStamps;

    public BundleService(Vault vault) {
        this(vault, Clock.systemUTC());
    }

    public BundleService(Vault vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
    }

    /** Time-stamps each bundle's signature at {@code authority} (RFC 3161); null for no time-stamp. */
    public BundleService withTimeStamps(TimeStampAuthority authority) {
        this.timeStamps = authority;
        return this;
    }

    public BundleResult build(long caseId, BundleOptions options, Path out, Progress progress,
                              BooleanSupplier cancelled) {
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw VaultException.badInput("Cannot write the bundle to " + target + ": the folder does not exist.");
        }
        if (Files.isDirectory(target)) {
            throw VaultException.badInput("Cannot write the bundle to " + target + ": it is a folder.");
        }
        new SigningKeys(vault, clock).key(); // an older vault's key is made (and audited) before the head is read
        progress.message("Selecting the evidence");
        BundleContent content = BundleSelection.load(vault, caseId, options, progress);
        BundleSigner signer = BundleSignature.signer(vault, content, timeStamps, clock);
        // Photos stored before print renditions existed get theirs now, once, so no bundle decodes an original.
        progress.message("Preparing the photos for print");
        new PrintRenditions(vault, clock).ensureAll(caseId, progress);
        // The bundle holds decrypted evidence: recorded in the vault before its first byte is written, so that a
        // crash does not leave it behind, and readable by its owner only.
        Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".part");
        try (PendingOutputs.Pending pending = vault.pendingOutputs().begin(PendingOutputs.Kind.BUNDLE, temp)) {
            PrivateFiles.createFile(temp);
            Built built = write(content, signer, temp, progress, cancelled);
            Signed signed = BundleSignature.sign(signer, temp, clock, progress);
            progress.message("Checking the bundle against the e-bundle rules");
            CheckReport check = checkFinished(temp, built.pages(), built.textSize());
            checkCancelled(progress, cancelled); // the last moment a cancel can still leave no bundle
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Bundle written: {} pages, {} exhibits, {} of {} bundle rules passed", built.pages(),
                    content.exhibits().size(), check.results().size() - check.failures().size(), check.results().size());
            return new BundleResult(target, built.pages(), built.exhibits(), built.warnings(), check, signed,
                    built.diary(), built.index());
        } catch (IOException e) {
            throw VaultException.badInput("Cannot write the bundle to " + target + ": "
                    + org.casebook.vault.DiskFull.reason(e, target) + ". No bundle was written.");
        }
    }

    private record Built(int pages, List<BundleResult.Exhibit> exhibits, List<String> warnings,
                         TextSizeRule textSize, List<IndexRow> index, BundleResult.Diary diary) {
    }

    private Built write(BundleContent content, BundleSigner signer, Path temp, Progress progress,
                        BooleanSupplier cancelled) throws IOException {
        Redactor redactor = new Redactor(content.options().redactions());
        Originals originals = new Originals(vault);
        List<String> warnings = new ArrayList<>();
        TextWarnings textWarnings = new TextWarnings();
        try (PDDocument document = BundleDocuments.create()) {
            FontSet fontSet = FontSet.load(document, textWarnings);
            float minimumSize = MinimumTextSize.of(content.options().profile());
            Typesetter type = new Typesetter(fontSet, minimumSize);
            Links links = new Links();

            // The originals first: what travels (and, in a redacted copy, what was cleaned or withheld) is said
            // on the cover, the exhibit pages and in the appendix.
            progress.message(redactor.active() ? "Checking the originals for redacted text and location details"
                    : "Embedding the originals");
            OriginalEmbedder embedder = new OriginalEmbedder(document, originals, redactor);
            OriginalPlans plans = new OriginalPlans(redactor.active());
            for (ExhibitItem e : content.originals()) {
                checkCancelled(progress, cancelled);
                plans.put(e.reference(), embedder.embed(e));
                plans.carriedBy(e.reference(), embedder.carrier(e.reference()));
            }

            // Pass 1: everything after the front matter, in order.
            PageWriter body = new PageWriter(document, type, redactor, links);
            BundleStatement statement = BundleStatement.prepare(vault, content);
            Map<org.apache.pdfbox.cos.COSDictionary, String> exhibitPages;
            try (ExhibitSection exhibits = new ExhibitSection(content, body, originals, warnings, plans)
                    .withFrontSheets(statement.frontSheets())) {
                List<ExhibitGroups.Group> groups = ExhibitGroups.of(content);
                // FPR PD27A puts applications and orders before the statements
                for (ExhibitGroups.Group g : groups) {
                    if (g.kind() == ExhibitGroups.Kind.ORDERS) {
                        exhibits.write(g, progress, cancelled);
                    }
                }
                statement.write(body);
                warnings.addAll(statement.warnings());
                new DiarySection(content, body).write();
                for (ExhibitGroups.Group g : groups) {
                    if (g.kind() != ExhibitGroups.Kind.ORDERS) {
                        exhibits.write(g, progress, cancelled);
                    }
                }
                exhibitPages = exhibits.pageExhibits();
                new IntegrityAppendix(content, body, plans, signer).write();

                // Pass 2: the front matter, measured in a scratch document, then written for real.
                List<IndexEntry> entries = IndexEntry.of(content);
                Map<String, Integer> bodyIndex = indexes(body);
                LocalDate prepared = LocalDate.now(clock.withZone(content.aCase().zone()));
                int frontPages;
                Map<String, Integer> frontIndex;
                try (PDDocument scratch = BundleDocuments.create()) {
                    PageWriter dry = new PageWriter(scratch, new Typesetter(FontSet.load(scratch, new TextWarnings()), minimumSize),
                            redactor, new Links());
                    front(content, dry, entries, key -> "000", 0, plans, prepared);
                    frontPages = dry.pages().size();
                    frontIndex = indexes(dry);
                }
                int total = frontPages + body.pages().size();
                boolean family = content.options().profile() == BundleProfile.FAMILY;
                Map<String, Integer> numbers = new HashMap<>();
                frontIndex.forEach((k, v) -> numbers.put(k, v));
                bodyIndex.forEach((k, v) -> numbers.put(k, frontPages + v));
                List<PageStamper.Section> sections = family
                        ? FamilySections.labels(FamilySections.of(groups), numbers) : List.of();
                PageNumbers printed = key -> {
                    Integer index = numbers.get(key);
                    if (index == null) {
                        return "";
                    }
                    return family ? label(sections, index) : String.valueOf(index + 1);
                };
                PageWriter frontWriter = new PageWriter(document, type, redactor, links);
                front(content, frontWriter, entries, printed, total, plans, prepared);
                if (frontWriter.pages().size() != frontPages) {
                    throw new IllegalStateException("The front matter took " + frontWriter.pages().size()
                            + " pages, not the " + frontPages + " measured");
                }
                moveToFront(document, frontWriter.pages());

                Map<String, PDPage> targets = new HashMap<>(body.targets());
                targets.putAll(frontWriter.targets());
                links.resolve(targets);
                BundleMetadata.outline(document, entries, targets, redactor, printed, exhibits.mergedOutlines());

                List<BundleResult.Exhibit> listed = new ArrayList<>();
                for (ExhibitItem e : content.exhibits()) {
                    List<BundleResult.Exhibit> files = new ArrayList<>();
                    for (ExhibitItem file : e.files()) {
                        files.add(shown(file, plans, document, targets, List.of()));
                    }
                    listed.add(shown(e, plans, document, targets, files));
                }
                embedder.finish();

                new PageStamper(document, type, redactor).stamp(content.aCase().title(), sections, exhibitPages);
                String title = redactor.plain(content.aCase().title()) + " — evidence bundle";
                RuleResult fonts = BundleChecker.fontsEmbedded(document, fontSet::owns);
                BundleMetadata.write(document, title, redactor.plain(IndexEntry.producer(content)),
                        "Evidence bundle, " + Dates.period(content.options().from(), content.options().to())
                        + (redactor.active() ? " (redacted copy)" : ""), BundleMetadata.now(clock.instant()),
                        fonts.passed());
                if (!fonts.passed()) {
                    warnings.add(PdfaClaim.dropped(fonts));
                }

                if (family && total > FAMILY_PAGE_LIMIT) {
                    warnings.add("The bundle has " + total + " pages: family court bundles are limited to "
                            + FAMILY_PAGE_LIMIT + " pages (FPR PD27A) unless the court permits more.");
                }
                if (!plans.withheld().isEmpty() || !plans.cleaned().isEmpty()) {
                    warnings.add("Redacted copy: " + plans.summary());
                }
                warnings.addAll(textWarnings.all());
                checkCancelled(progress, cancelled);
                progress.message("Saving");
                try (OutputStream out = new BufferedOutputStream(PrivateFiles.rewrite(temp))) {
                    document.save(out);
                }
                String diaryMark = StatementExhibits.diaryMark(content);
                return new Built(total, listed, warnings, new TextSizeRule(minimumSize,
                        mergedPages(document, body.adopted())),
                        IndexRows.of(content, groups, entries, targets, printed, document, redactor),
                        diaryMark == null ? null : new BundleResult.Diary(diaryMark,
                        document.getPages().indexOf(targets.get(IndexEntry.DIARY)) + 1, content.incidents().size()));
            }
        }
    }

    /** Cover, index, the police profile's exhibit list, summary and chronology, in that order. */
    private static void front(BundleContent content, PageWriter w, List<IndexEntry> entries, PageNumbers numbers,
                              int total, OriginalPlans plans, LocalDate prepared) throws IOException {
        FrontMatter front = new FrontMatter(content, w, numbers);
        front.cover(total, prepared, plans);
        front.index(entries);
        if (content.options().profile() == BundleProfile.POLICE) {
            new ExhibitList(content, w, numbers).write();
        }
        if (SummaryPage.hasConduct(content.summary())) {
            new SummaryPage(content, w, numbers, new ProofPages(content)).write();
        }
        new WarningSignsPage(content, w, numbers, new ProofPages(content)).write();
        new WhoIsWhoPage(content, w).write();
        new ChronologySection(content, w, numbers).write();
        new ContinuityPage(content, w).write();
        w.finish();
    }

    /** An exhibit (or a file sent in one) as the result lists it, with the page it is shown on. */
    private static BundleResult.Exhibit shown(ExhibitItem e, OriginalPlans plans, PDDocument document,
                                              Map<String, PDPage> targets, List<BundleResult.Exhibit> files) {
        OriginalPlan plan = plans.of(e.reference());
        return new BundleResult.Exhibit(e.reference(), e.itemId(), e.sha256(),
                document.getPages().indexOf(targets.get(e.key())) + 1, plan.embedded(), plan.embeddedSha256(),
                note(plan), files);
    }

    /** What a recipient is told about an exhibit's original besides whether it is embedded, or null. */
    private static String note(OriginalPlan plan) {
        return switch (plan.form()) {
            case CLEANED -> "a copy without its location and device details is embedded";
            case WITHHELD -> "withheld from this redacted copy: " + plan.reason().because();
            default -> null;
        };
    }

    /** The 0-based page index, within the writer's pages, of each of its targets. */
    private static Map<String, Integer> indexes(PageWriter w) {
        Map<PDPage, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < w.pages().size(); i++) {
            position.put(w.pages().get(i), i);
        }
        Map<String, Integer> out = new HashMap<>();
        w.targets().forEach((k, p) -> out.put(k, position.get(p)));
        return out;
    }

    private static String label(List<PageStamper.Section> sections, int index) {
        PageStamper.Section current = sections.get(0);
        for (PageStamper.Section s : sections) {
            if (s.firstPage() <= index) {
                current = s;
            }
        }
        return current.letter() + (index - current.firstPage() + 1);
    }

    /** The 1-based numbers of the pages merged from other PDFs, as they stand in the finished order. */
    private static java.util.Set<Integer> mergedPages(PDDocument document, java.util.Set<PDPage> merged) {
        java.util.Set<org.apache.pdfbox.cos.COSDictionary> dictionaries =
                java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        merged.forEach(p -> dictionaries.add(p.getCOSObject()));
        java.util.Set<Integer> out = new java.util.HashSet<>();
        int n = 0;
        for (PDPage p : document.getPages()) {
            n++;
            if (dictionaries.contains(p.getCOSObject())) {
                out.add(n);
            }
        }
        return out;
    }

    private static void moveToFront(PDDocument document, List<PDPage> front) {
        PDPageTree pages = document.getPages();
        PDPage first = pages.get(0);
        for (PDPage p : front) {
            pages.remove(p);
            pages.insertBefore(p, first);
        }
    }

    private static void checkCancelled(Progress progress, BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean() || progress.isCancelled()) {
            throw new Progress.CancelledException();
        }
    }

    /**
     * Runs after the file is written and before it is moved into place: the file must read back with the pages
     * written, and the e-bundle rules are checked on it. A failed rule does not stop the bundle (the user may
     * still need it today) but is reported in the result, and the log says which.
     */
    private static CheckReport checkFinished(Path file, int expectedPages, TextSizeRule textSize) throws IOException {
        try (PDDocument written = Loader.loadPDF(file.toFile(), BundleDocuments.readCache())) {
            if (written.getNumberOfPages() != expectedPages) {
                throw new IOException("the written bundle has " + written.getNumberOfPages() + " pages, expected "
                        + expectedPages);
            }
            CheckReport report = new BundleChecker().check(written, textSize,
                    () -> Loader.loadPDF(file.toFile(), BundleDocuments.readCache()));
            for (RuleResult r : report.failures()) {
                LOG.warn("Bundle check failed: {}: {}", r.id(), r.detail());
            }
            return report;
        }
    }

}
