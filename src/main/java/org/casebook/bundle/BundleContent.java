package org.casebook.bundle;

import java.util.List;
import java.util.Map;
import org.casebook.conduct.ConductSummary;
import org.casebook.model.Case;
import org.casebook.model.Incident;

/**
 * Everything a bundle shows, loaded from the vault before layout starts, with exhibit references given.
 *
 * @param exhibits     numbered, in chronological order
 * @param incidentExhibits the references of the files attached to each incident
 */
record BundleContent(Case aCase, BundleOptions options, List<Incident> incidents, List<ExhibitItem> exhibits,
                     ConductSummary summary, String auditHead,
                     Map<Long, List<String>> incidentExhibits) {

    /**
     * Every original the bundle carries, each under its own reference: each exhibit's, followed by those of the
     * files sent in it. What is embedded, listed in the integrity appendix and checked for redacted text.
     */
    List<ExhibitItem> originals() {
        return exhibits.stream().flatMap(e -> e.originals().stream()).toList();
    }
}
