package org.casebook.bundle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.casebook.evidence.Attributions;
import org.casebook.model.IdentifierKind;
import org.casebook.model.PersonRole;

/**
 * Who is who: each person in the case with every number, e-mail address, account, postal address and vehicle
 * the witness attributes to them, the basis she gives for each, and a plain note where that is her belief
 * rather than something the export itself shows. The witness's own postal address is never printed here.
 */
final class WhoIsWhoPage {
    private static final float[] X = {12, 70, 190, 390};

    private final BundleContent content;
    private final PageWriter w;

    WhoIsWhoPage(BundleContent content, PageWriter writer) {
        this.content = content;
        this.w = writer;
    }

    /** Whether the bundle has the page: someone in the case is named with something to attribute. */
    static boolean shown(BundleContent content) {
        return !people(content).isEmpty();
    }

    /**
     * The people worth a line: the perpetrator, third parties and the witness, and anyone else whose attribution
     * the witness explained; others (every sender an import met) only add noise.
     */
    private static List<Attributions.PersonAttributions> people(BundleContent content) {
        List<Attributions.PersonAttributions> out = new ArrayList<>();
        for (Attributions.PersonAttributions p : content.legal().people()) {
            List<Attributions.Attribution> shown = shownOf(p);
            boolean named = p.role() != PersonRole.OTHER || shown.stream().anyMatch(a -> a.basis() != null);
            if (named && !shown.isEmpty()) {
                out.add(p);
            }
        }
        // the perpetrator first, then third parties, then the witness and the rest
        out.sort(java.util.Comparator.comparingInt(p -> switch (p.role()) {
            case PERPETRATOR -> 0;
            case THIRD_PARTY -> 1;
            case WITNESS -> 2;
            default -> 3;
        }));
        return out;
    }

    private static List<Attributions.Attribution> shownOf(Attributions.PersonAttributions p) {
        return p.identifiers().stream()
                .filter(a -> !(p.role() == PersonRole.WITNESS && a.kind() == IdentifierKind.ADDRESS)).toList();
    }

    void write() throws IOException {
        List<Attributions.PersonAttributions> people = people(content);
        if (people.isEmpty()) {
            return;
        }
        w.startTarget(IndexEntry.WHO_IS_WHO);
        w.title("Who is who");
        w.paragraph("Each person with every number, e-mail address, account, address and vehicle the witness"
                + " attributes to them, and the basis she gives for it. An attribution the export does not itself"
                + " show (for example a number saved under a name on her own phone) is marked as the witness's"
                + " belief. The witness's own postal address is not printed here.", PageWriter.SMALL);
        w.gap(6);
        for (Attributions.PersonAttributions p : people) {
            List<List<PageWriter.Cell>> rows = new ArrayList<>();
            for (Attributions.Attribution a : shownOf(p)) {
                rows.add(List.of(cell(kind(a.kind()), PageWriter.SMALL_BOLD, 0),
                        cell(a.value(), PageWriter.SMALL, 1),
                        cell(a.basis() == null ? "No basis recorded." : a.basis(), PageWriter.SMALL, 2),
                        cell(note(p.role(), a), a.belief() ? PageWriter.SMALL_BOLD : PageWriter.SMALL, 3)));
            }
            String name = p.name() + " — " + role(p.role());
            float height = w.paragraphHeight(name, PageWriter.SUBHEADING, PageWriter.WIDTH);
            for (List<PageWriter.Cell> row : rows) {
                height += w.rowHeight(row);
            }
            w.keepTogether(height, w.paragraphHeight(name, PageWriter.SUBHEADING, PageWriter.WIDTH)
                    + w.rowHeight(rows.get(0)));
            w.paragraph(name, PageWriter.SUBHEADING);
            for (List<PageWriter.Cell> row : rows) {
                w.row(row);
            }
            w.gap(6);
        }
        w.finish();
    }

    private static PageWriter.Cell cell(String text, org.casebook.bundle.text.TextStyle style, int column) {
        float right = column + 1 < X.length ? X[column + 1] : PageWriter.WIDTH;
        return PageWriter.Cell.of(text, style, PageWriter.LEFT + X[column], right - X[column]);
    }

    /** Whose word the attribution rests on; nothing for the witness's own details, which are hers to give. */
    private static String note(PersonRole role, Attributions.Attribution a) {
        if (role == PersonRole.WITNESS) {
            return "";
        }
        return a.belief() ? "Witness's belief" : "Shown in the export";
    }

    private static String kind(IdentifierKind kind) {
        return switch (kind) {
            case PHONE -> "Phone";
            case EMAIL -> "E-mail";
            case HANDLE -> "Account";
            case ADDRESS -> "Address";
            case VEHICLE -> "Vehicle";
        };
    }

    private static String role(PersonRole role) {
        return switch (role) {
            case PERPETRATOR -> "the person complained of";
            case WITNESS -> "the witness";
            case THIRD_PARTY -> "a third party";
            case OTHER -> "other";
        };
    }
}
