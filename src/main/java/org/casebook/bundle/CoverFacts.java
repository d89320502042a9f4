package org.casebook.bundle;

import java.util.ArrayList;
import java.util.List;
import org.casebook.model.CaseCover;

/** The proceedings as the cover names them: court, case number, hearing, judge, and the parties by their role. */
final class CoverFacts {
    private CoverFacts() {
    }

    /** Label and value of each cover detail the case has, in the order a court's front sheet gives them. */
    static List<String[]> proceedings(BundleContent content) {
        CaseCover c = content.cover();
        boolean police = content.options().profile() == BundleProfile.POLICE;
        List<String[]> out = new ArrayList<>();
        add(out, "Court", c.court());
        add(out, "Case number", c.caseNumber());
        add(out, "Hearing", c.hearing() == null ? null : Dates.longDay(c.hearing()));
        add(out, "Judge", c.judge());
        // a police file names the parties as a crime report does; the courts as applicant and respondent
        add(out, police ? "Complainant" : "Applicant", c.applicant());
        add(out, police ? "Suspect" : "Respondent", c.respondent());
        add(out, "Witness", c.witness());
        return out;
    }

    private static void add(List<String[]> out, String label, String value) {
        if (value != null) {
            out.add(new String[] {label, value});
        }
    }
}
