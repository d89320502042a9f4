package org.casebook.bundle;

import java.util.List;
import java.util.Map;
import org.casebook.conduct.ConductSummary;
import org.casebook.evidence.CaptureFacts;
import org.casebook.model.Case;
import org.casebook.model.CaseCover;
import org.casebook.model.Incident;

/**
 * Everything a bundle shows, loaded from the vault before layout starts, with exhibit references given.
 *
 * @param exhibits     numbered, in chronological order
 * @param incidentExhibits the references of the files attached to each incident
 * @param captures     what each captured web page in the exhibits recorded, by item id
 * @param legal        diary amendments and the other records the law looks at (see {@link LegalRecords})
 * @param cover        what the case's cover says about the proceedings
 */
record BundleContent(Case aCase, BundleOptions options, List<Incident> incidents, List<ExhibitItem> exhibits,
                     ConductSummary summary, String auditHead,
                     Map<Long, List<String>> incidentExhibits, Map<Long, CaptureFacts.Capture> captures,
                     LegalRecords legal, CaseCover cover) {

    BundleContent(Case aCase, BundleOptions options, List<Incident> incidents, List<ExhibitItem> exhibits,
                  ConductSummary summary, String auditHead,
                  Map<Long, List<String>> incidentExhibits, Map<Long, CaptureFacts.Capture> captures) {
        this(aCase, options, incidents, exhibits, summary, auditHead, incidentExhibits, captures, LegalRecords.NONE,
                CaseCover.EMPTY);
    }

    BundleContent(Case aCase, BundleOptions options, List<Incident> incidents, List<ExhibitItem> exhibits,
                  ConductSummary summary, String auditHead, Map<Long, List<String>> incidentExhibits) {
        this(aCase, options, incidents, exhibits, summary, auditHead, incidentExhibits, Map.of());
    }

    /**
     * Every original the bundle carries, each under its own reference: each exhibit's, followed by those of the
     * files sent in it. What is embedded, listed in the integrity appendix and checked for redacted text.
     */
    List<ExhibitItem> originals() {
        return exhibits.stream().flatMap(e -> e.originals().stream()).toList();
    }
}
