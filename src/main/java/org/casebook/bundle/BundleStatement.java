package org.casebook.bundle;

import java.io.IOException;
import java.util.List;
import org.casebook.evidence.PersonService;
import org.casebook.model.PersonRole;
import org.casebook.statement.ExhibitRef;
import org.casebook.statement.Statement;
import org.casebook.statement.StatementDetails;
import org.casebook.statement.StatementDrafter;
import org.casebook.statement.StatementProfile;
import org.casebook.statement.StatementService;
import org.casebook.vault.Vault;

/**
 * The witness statement inside a bundle, and the exhibits' front sheets that refer to it. The witness's own wording
 * is used once there is one (checked against this bundle's marks); otherwise a draft is made against this bundle's
 * own numbering, so its marks are the bundle's even for a bundle of part of the case. The bundle never stores a
 * draft: only the witness and the statement command change what the vault holds.
 */
final class BundleStatement {
    static final String KEY = "statement";

    private final BundleContent content;
    private final StatementLayout layout;
    private final StatementCheck check;
    private final FrontSheets frontSheets;
    private final java.util.List<String> warnings = new java.util.ArrayList<>();

    private BundleStatement(BundleContent content, StatementLayout layout, StatementCheck check, FrontSheets sheets) {
        this.content = content;
        this.layout = layout;
        this.check = check;
        this.frontSheets = sheets;
    }

    static BundleStatement prepare(Vault vault, BundleContent content) {
        long caseId = content.aCase().id();
        StatementProfile profile = StatementProfile.fromCode(content.options().profile().code());
        List<ExhibitRef> refs = StatementExhibits.of(content);
        Statement stored = new StatementService(vault).find(caseId, profile).orElse(null);
        Statement shown;
        if (stored != null && stored.isEdited()) {
            shown = stored;
        } else {
            StatementDetails details = stored == null ? StatementDetails.empty() : stored.details();
            // drafted over this bundle's own part of the case: its period, its diary entries, its exhibits
            StatementDrafter.Scope scope = new StatementDrafter.Scope(content.options().from(), content.options().to(),
                    content.incidents().stream().map(i -> i.id()).collect(java.util.stream.Collectors.toSet()));
            StatementDrafter.Draft draft = new StatementDrafter(vault).draft(caseId, profile, details, refs, scope);
            shown = new Statement(caseId, profile, details, draft.text(), java.time.Instant.now(), draft.exhibits(),
                    null, null, 0);
        }
        String prefix = content.options().exhibitPrefix() == null || content.options().exhibitPrefix().isBlank()
                ? content.aCase().initials() : content.options().exhibitPrefix().strip();
        StatementCheck check = StatementCheck.of(shown, shown.text(), refs, prefix);
        String subject = new PersonService(vault).list(caseId).stream().filter(p -> p.role() == PersonRole.PERPETRATOR)
                .map(p -> p.name()).findFirst().orElse(null);
        StatementLayout layout = new StatementLayout(shown, subject, refs.stream().map(ExhibitRef::mark).toList(),
                content.cover());
        return new BundleStatement(content, layout, check,
                new FrontSheets(layout.witness(), layout.dated(), content.aCase().zone()));
    }

    FrontSheets frontSheets() {
        return frontSheets;
    }

    /** What to check in the statement; complete once it is written. */
    List<String> warnings() {
        List<String> out = new java.util.ArrayList<>(check.warnings());
        out.addAll(warnings);
        return out;
    }

    /** The statement from a new page, then the diary's front sheet (the diary follows it). */
    void write(PageWriter w) throws IOException {
        int pages = layout.write(w, KEY).size();
        String length = Statements.lengthWarning(StatementProfile.fromCode(content.options().profile().code()), pages);
        if (length != null) {
            warnings.add(length);
        }
        String diary = StatementExhibits.diaryMark(content);
        if (diary != null) {
            frontSheets.writeDiary(w, diary, content.incidents().size());
        }
    }
}
