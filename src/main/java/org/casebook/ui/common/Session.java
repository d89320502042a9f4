package org.casebook.ui.common;

import java.nio.file.Path;
import org.casebook.conduct.BreachSuggestions;
import org.casebook.conduct.ConductFigures;
import org.casebook.conduct.ImpactService;
import org.casebook.conduct.OrderService;
import org.casebook.conduct.ReportService;
import org.casebook.conduct.TagService;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.IncidentService;
import org.casebook.evidence.ItemService;
import org.casebook.evidence.PersonService;
import org.casebook.evidence.TimelineService;
import org.casebook.evidence.VerifyService;
import org.casebook.vault.Vault;

/** An unlocked vault and the use-cases over it, for as long as it stays unlocked. */
public final class Session implements AutoCloseable {
    private final Vault vault;
    private final boolean throwaway;
    private final CaseService cases;
    private final PersonService people;
    private final IncidentService incidents;
    private final AttachmentService attachments;
    private final ItemService items;
    private final TimelineService timeline;
    private final VerifyService verifier;
    private final org.casebook.imports.ImportService imports;
    private final OrderService orders;
    private final BreachSuggestions breachSuggestions;
    private final ReportService reports;
    private final ImpactService impact;
    private final TagService tags;
    private final ConductFigures figures;
    private final org.casebook.evidence.CaptureFacts captures;
    private final org.casebook.evidence.OpenedCopies openedCopies;

    /** @param throwaway a demo vault, deleted when the session ends */
    public Session(Vault vault, boolean throwaway) {
        this.vault = vault;
        this.throwaway = throwaway;
        this.cases = new CaseService(vault);
        this.people = new PersonService(vault);
        this.incidents = new IncidentService(vault);
        this.attachments = new AttachmentService(vault);
        this.items = new ItemService(vault);
        this.timeline = new TimelineService(vault);
        this.verifier = new VerifyService(vault);
        this.imports = new org.casebook.imports.ImportService(vault, org.casebook.imports.Importers.standard());
        this.orders = new OrderService(vault);
        this.breachSuggestions = new BreachSuggestions(vault);
        this.reports = new ReportService(vault);
        this.impact = new ImpactService(vault);
        this.tags = new TagService(vault);
        this.figures = new ConductFigures(vault);
        this.captures = new org.casebook.evidence.CaptureFacts(vault);
        this.openedCopies = new org.casebook.evidence.OpenedCopies(vault);
    }

    /** Readable copies of attachments opened in another program: deleted when this session ends. */
    public org.casebook.evidence.OpenedCopies openedCopies() {
        return openedCopies;
    }

    public OrderService orders() {
        return orders;
    }

    public BreachSuggestions breachSuggestions() {
        return breachSuggestions;
    }

    public ReportService reports() {
        return reports;
    }

    public ImpactService impact() {
        return impact;
    }

    public TagService tags() {
        return tags;
    }

    /** Stored web captures, read back. */
    public org.casebook.evidence.CaptureFacts captures() {
        return captures;
    }

    public ConductFigures figures() {
        return figures;
    }

    public org.casebook.imports.ImportService imports() {
        return imports;
    }

    public Path file() {
        return vault.file();
    }

    public boolean isThrowaway() {
        return throwaway;
    }

    public CaseService cases() {
        return cases;
    }

    public PersonService people() {
        return people;
    }

    public IncidentService incidents() {
        return incidents;
    }

    public AttachmentService attachments() {
        return attachments;
    }

    public ItemService items() {
        return items;
    }

    public TimelineService timeline() {
        return timeline;
    }

    public VerifyService verifier() {
        return verifier;
    }

    /** Exposed for use-cases that take the vault itself (the bundle, imports). */
    public Vault vault() {
        return vault;
    }

    @Override
    public void close() {
        try {
            openedCopies.removeAll(); // first: forgetting each copy's record needs the vault open
        } finally {
            vault.close();
        }
        if (throwaway) {
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                try {
                    java.nio.file.Files.deleteIfExists(Path.of(vault.file() + suffix));
                } catch (java.io.IOException ignored) {
                    // a leftover demo file holds only fictional data
                }
            }
        }
    }
}
