package org.casebook.statement;

import java.time.LocalDate;

/**
 * What the witness says about themself on the statement, and its date.
 *
 * @param witness    the witness's full name, or null (the statement then asks for it)
 * @param occupation the witness's occupation, or null
 * @param age        "Over 18", or the age of a witness under 18
 * @param relationship how the witness knows the person the statement is about, in the witness's words, or null
 * @param party      for a court statement, the party on whose behalf it is made ("Applicant", "Claimant"), or null
 * @param number     which statement of this witness it is (1 for the first)
 * @param dated      the date it is signed, or null to leave the date for a wet signature
 */
public record StatementDetails(String witness, String occupation, String age, String relationship, String party,
                               int number, LocalDate dated) {
    public StatementDetails {
        witness = blankToNull(witness);
        occupation = blankToNull(occupation);
        age = blankToNull(age) == null ? "Over 18" : age.strip();
        relationship = blankToNull(relationship);
        party = blankToNull(party);
        if (number < 1) {
            throw new IllegalArgumentException("The statement number must be 1 or more, not " + number + ".");
        }
    }

    public static StatementDetails empty() {
        return new StatementDetails(null, null, null, null, null, 1, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
