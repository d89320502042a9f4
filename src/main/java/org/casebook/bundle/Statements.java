package org.casebook.bundle;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.casebook.bundle.text.FontSet;
import org.casebook.bundle.text.TextWarnings;
import org.casebook.bundle.text.Typesetter;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.PersonService;
import org.casebook.model.Case;
import org.casebook.model.PersonRole;
import org.casebook.statement.ExhibitRef;
import org.casebook.statement.Statement;
import org.casebook.statement.StatementDetails;
import org.casebook.statement.StatementDocx;
import org.casebook.statement.StatementDrafter;
import org.casebook.statement.StatementProfile;
import org.casebook.statement.StatementService;
import org.casebook.vault.PendingOutputs;
import org.casebook.vault.PrivateFiles;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/**
 * The witness statement as the app and the command line use it: drafted against the whole case's exhibit marks
 * (as a bundle of everything numbers them) and stored, then checked and written as a PDF.
 */
public final class Statements {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Vault vault;
    private final Clock clock;

    public Statements(Vault vault) {
        this(vault, Clock.systemUTC());
    }

    public Statements(Vault vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
    }

    /** A statement with the exhibits it goes with and what its wording does with them. */
    public record Prepared(Statement statement, List<ExhibitRef> exhibits, StatementCheck check) {
    }

    /** A written statement PDF, and what to check before it is signed. */
    public record Written(Path file, int pages, Prepared prepared, List<String> warnings) {
        public Written {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The President of the Family Division's memorandum on witness statements (November 2021): as a general
     * standard no more than 15 pages, 25 at the most.
     */
    static final int FAMILY_PAGES = 15;

    /** What the statement's length means for its profile, or null. */
    static String lengthWarning(StatementProfile profile, int pages) {
        if (profile == StatementProfile.FAMILY && pages > FAMILY_PAGES) {
            return "The statement has " + pages + " pages: a family court statement should as a general standard not"
                    + " exceed " + FAMILY_PAGES + " pages, and 25 at the most (President's memorandum on witness"
                    + " statements, November 2021).";
        }
        return null;
    }

    /**
     * Drafts the statement again from the case as it is now and stores the draft; the witness's own wording, if any,
     * is kept untouched and remains what is printed.
     */
    public Prepared prepare(long caseId, StatementProfile profile) {
        List<ExhibitRef> refs = StatementExhibits.of(vault, caseId, profile);
        StatementService service = new StatementService(vault, clock);
        StatementDetails details = service.find(caseId, profile).map(Statement::details)
                .orElse(StatementDetails.empty());
        StatementDrafter.Draft draft = new StatementDrafter(vault).draft(caseId, profile, details, refs);
        Statement statement = service.saveDraft(caseId, profile, draft.text(), draft.exhibits());
        return checked(statement, refs);
    }

    /** Checks a wording (stored or being edited) against the exhibits. */
    public Prepared checked(Statement statement, List<ExhibitRef> refs) {
        return new Prepared(statement, refs, StatementCheck.of(statement, statement.text(), refs,
                prefix(refs, new CaseService(vault).get(statement.caseId()))));
    }

    /** Drafts (keeping the witness's wording), then writes the statement to {@code out}, complete or not at all. */
    public Written write(long caseId, StatementProfile profile, Path out) {
        Path target = target(out);
        Prepared prepared = prepare(caseId, profile);
        Case aCase = new CaseService(vault).get(caseId);
        StatementLayout layout = layout(prepared, caseId);
        int pages = writeWhole(target, temp -> {
            try (PDDocument document = BundleDocuments.create()) {
                Typesetter type = new Typesetter(FontSet.load(document, new TextWarnings()),
                        MinimumTextSize.of(BundleProfile.fromCode(profile.code())));
                Redactor none = new Redactor(List.of());
                PageWriter w = new PageWriter(document, type, none, new Links());
                int n = layout.write(w, BundleStatement.KEY).size();
                new PageStamper(document, type, none).stamp(aCase.title(), List.of(), java.util.Map.of());
                BundleMetadata.write(document, "Witness statement of " + layout.witness(), layout.witness(),
                        "Witness statement (" + profile.code() + "), " + aCase.title(),
                        BundleMetadata.now(clock.instant()));
                try (OutputStream file = new BufferedOutputStream(PrivateFiles.rewrite(temp))) {
                    document.save(file);
                }
                return n;
            }
        });
        List<String> warnings = new java.util.ArrayList<>(prepared.check().warnings());
        String length = lengthWarning(profile, pages);
        if (length != null) {
            warnings.add(length);
        }
        return new Written(target, pages, prepared, warnings);
    }

    /**
     * Drafts (keeping the witness's wording), then writes an editable copy of the statement (.docx) to {@code out},
     * complete or not at all: the same wording, heading and declaration as the PDF. {@code pages} is the PDF's page
     * count, which the copy shows until the word processor counts its own pages.
     */
    public Path writeEditable(long caseId, StatementProfile profile, Path out) {
        Path target = target(out);
        Prepared prepared = prepare(caseId, profile);
        StatementLayout layout = layout(prepared, caseId);
        writeWhole(target, temp -> {
            int pages = layout.pages(MinimumTextSize.of(BundleProfile.fromCode(profile.code())),
                    new Redactor(List.of()));
            try (OutputStream stream = new BufferedOutputStream(PrivateFiles.rewrite(temp))) {
                StatementDocx.write(layout.sheet(), pages, stream);
            }
            return pages;
        });
        return target;
    }

    private StatementLayout layout(Prepared prepared, long caseId) {
        String subject = new PersonService(vault).list(caseId).stream()
                .filter(p -> p.role() == PersonRole.PERPETRATOR).map(p -> p.name()).findFirst().orElse(null);
        return new StatementLayout(prepared.statement(), subject,
                prepared.exhibits().stream().map(ExhibitRef::mark).toList(),
                new org.casebook.evidence.CaseCovers(vault).get(caseId));
    }

    private static Path target(Path out) {
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw VaultException.badInput("Cannot write the statement to " + target + ": the folder does not exist.");
        }
        if (Files.isDirectory(target)) {
            throw VaultException.badInput("Cannot write the statement to " + target + ": it is a folder.");
        }
        return target;
    }

    private interface Writing {
        int to(Path temp) throws IOException;
    }

    /**
     * Writes the statement to a private temporary file beside {@code target}, recorded as a pending output so a
     * crash leaves nothing behind, then moves it into place: the statement is the witness's evidence in plain
     * text, written like a bundle.
     */
    private int writeWhole(Path target, Writing writing) {
        Path temp = target.getParent().resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong())
                + ".part");
        try (PendingOutputs.Pending pending = vault.pendingOutputs().begin(PendingOutputs.Kind.BUNDLE, temp)) {
            PrivateFiles.createFile(temp);
            int pages = writing.to(temp);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return pages;
        } catch (IOException e) {
            throw VaultException.badInput("Cannot write the statement to " + target + ": "
                    + org.casebook.vault.DiskFull.reason(e, target) + ".");
        }
    }

    private static String prefix(List<ExhibitRef> refs, Case aCase) {
        if (!refs.isEmpty()) {
            String mark = refs.get(0).mark();
            return mark.substring(0, mark.lastIndexOf('/'));
        }
        return aCase.initials();
    }
}
