package org.casebook.bundle;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.casebook.conduct.ConductSummary;
import org.casebook.evidence.Plural;
import org.casebook.model.Coded;
import org.casebook.model.OrderKind;

/**
 * The summary's "Orders and their breaches": each order with when and how it was served (knowing of the order is
 * an element of a breach, so breaches count from service), the order's own document as an exhibit, its
 * conditions, and each confirmed breach as a row whose exhibit reference and page link to the page proving it.
 * Confirmed breaches dated before service are listed apart and not counted.
 */
final class OrderBlocks {
    private static final float[] X = {10, 118, 228, 418};

    private final BundleContent content;
    private final PageWriter w;
    private final PageNumbers numbers;
    private final ProofPages proof;
    private final ZoneId zone;

    OrderBlocks(BundleContent content, PageWriter writer, PageNumbers numbers, ProofPages proof, ZoneId zone) {
        this.content = content;
        this.w = writer;
        this.numbers = numbers;
        this.proof = proof;
        this.zone = zone;
    }

    void write() throws IOException {
        List<ConductSummary.OrderFigures> orders = content.summary().orders();
        if (orders == null || orders.isEmpty()) {
            return;
        }
        boolean first = true;
        for (ConductSummary.OrderFigures o : orders) {
            String title = kind(o.kind()) + (o.issuer() == null ? "" : ", " + o.issuer())
                    + (o.reference() == null ? "" : ", ref. " + o.reference()) + " — made " + Dates.day(o.made())
                    + (o.expires() == null ? "" : ", expires " + Dates.day(o.expires()));
            String service = service(o);
            ProofPages.Place document = o.documentItemId() == null ? null : proof.of(o.documentItemId());
            String documentLine = document == null ? null
                    : "The order itself: exhibit " + document.reference() + ", page " + numbers.of(document.key()) + ".";
            String tally = Plural.of(o.contactsDuringOrder(), "contact") + " from " + Dates.day(o.bindsFrom())
                    + " while the order was in force; " + Plural.of(o.breaches().size(), "confirmed breach")
                    + (o.breaches().isEmpty() ? "." : ":");
            List<List<PageWriter.Cell>> breaches = rows(o.breaches());
            List<List<PageWriter.Cell>> early = rows(o.beforeService());
            String earlyLine = "Before it was served (not counted as breaches): " + Plural.of(early.size(), "item")
                    + " confirmed by the witness:";

            // each order with its conditions and breaches is one block (and the first one stays with the heading)
            float height = (first ? w.headingHeight() : 0) + w.paragraphHeight(title, PageWriter.BODY_BOLD, PageWriter.WIDTH)
                    + w.paragraphHeight(service, PageWriter.SMALL, PageWriter.WIDTH)
                    + w.paragraphHeight(tally, PageWriter.SMALL, PageWriter.WIDTH);
            if (documentLine != null) {
                height += w.paragraphHeight(documentLine, PageWriter.SMALL, PageWriter.WIDTH);
            }
            for (String condition : o.conditions()) {
                height += w.paragraphHeight("• " + condition, PageWriter.SMALL, PageWriter.WIDTH - 10);
            }
            for (List<PageWriter.Cell> row : breaches) {
                height += w.rowHeight(row);
            }
            w.keepTogether(height, (first ? w.headingHeight() : 0) + 3 * w.lineHeight(PageWriter.BODY_BOLD));
            if (first) {
                w.heading("Orders and their breaches");
                first = false;
            }
            w.paragraph(title, PageWriter.BODY_BOLD);
            w.paragraph(service, PageWriter.SMALL);
            if (documentLine != null) {
                float top = w.y();
                w.paragraph(documentLine, PageWriter.SMALL);
                if (w.y() < top) {
                    w.link(PageWriter.LEFT, w.y() + 2, PageWriter.RIGHT, top, document.key());
                }
            }
            for (String condition : o.conditions()) {
                w.paragraph("• " + condition, PageWriter.SMALL, PageWriter.LEFT + 10, PageWriter.WIDTH - 10);
            }
            w.paragraph(tally, PageWriter.SMALL);
            write(o.breaches(), breaches);
            if (!early.isEmpty()) {
                w.paragraph(earlyLine, PageWriter.SMALL);
                write(o.beforeService(), early);
            }
            w.gap(4);
        }
    }

    /** "Served on 12 Mar 2024 (personally by PC 1234 Smith); breaches are counted from that day." */
    private static String service(ConductSummary.OrderFigures o) {
        if (o.served() == null) {
            return "Date of service not recorded: contacts and breaches are counted from the day it was made.";
        }
        return "Served on " + Dates.day(o.served()) + (o.servedHow() == null ? "" : " (" + o.servedHow() + ")")
                + "; contacts and breaches are counted from that day.";
    }

    private List<List<PageWriter.Cell>> rows(List<ConductSummary.Breach> list) {
        List<List<PageWriter.Cell>> out = new ArrayList<>();
        for (ConductSummary.Breach b : list) {
            ProofPages.Place place = proof.of(b.itemId());
            String where = place == null ? "not in this bundle"
                    : place.reference() + ", p. " + numbers.of(place.key());
            out.add(List.of(PageWriter.Cell.of(Dates.dayTime(b.at(), zone), PageWriter.SMALL, PageWriter.LEFT + X[0], X[1] - X[0]),
                    PageWriter.Cell.of(b.condition(), PageWriter.SMALL_BOLD, PageWriter.LEFT + X[1], X[2] - X[1]),
                    PageWriter.Cell.of(b.summary(), PageWriter.SMALL, PageWriter.LEFT + X[2], X[3] - X[2]),
                    PageWriter.Cell.of(where, PageWriter.SMALL_BOLD, PageWriter.LEFT + X[3], PageWriter.WIDTH - X[3])));
        }
        return out;
    }

    /** Each row, its exhibit cell a link to the page that proves the breach. */
    private void write(List<ConductSummary.Breach> breaches, List<List<PageWriter.Cell>> rows) throws IOException {
        for (int i = 0; i < rows.size(); i++) {
            float top = w.row(rows.get(i));
            ProofPages.Place place = proof.of(breaches.get(i).itemId());
            if (place != null && top > 0) {
                w.link(PageWriter.LEFT + X[3], w.y() + 2, PageWriter.RIGHT, top, place.key());
            }
        }
    }

    /** The conduct package gives the order's code ("restraining-order"); a reader wants its name. */
    static String kind(String kind) {
        return Coded.find(OrderKind.class, kind).map(OrderKind::label).orElse(kind);
    }
}
