package org.casebook.model;

import java.time.LocalDate;

/**
 * What a bundle's cover says about the proceedings, as the case's owner entered it. Every field may be empty
 * (null): a case may never reach a court.
 *
 * @param witness     the person whose evidence this is (the applicant, complainant or claimant, usually)
 * @param preparedBy  who prepared the bundle, e.g. "Jane Smith (the applicant in person)"
 * @param preparedFor who it is for, e.g. "the court" or "PC 1234 Jones, Anytown Police"
 */
public record CaseCover(String court, String caseNumber, LocalDate hearing, String judge, String applicant,
                        String respondent, String witness, String preparedBy, String preparedFor) {
    public static final CaseCover EMPTY = new CaseCover(null, null, null, null, null, null, null, null, null);

    public CaseCover {
        court = clean(court);
        caseNumber = clean(caseNumber);
        judge = clean(judge);
        applicant = clean(applicant);
        respondent = clean(respondent);
        witness = clean(witness);
        preparedBy = clean(preparedBy);
        preparedFor = clean(preparedFor);
    }

    /** A blank field is an empty one. */
    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
