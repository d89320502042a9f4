package org.casebook.statement;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.casebook.model.CaseCover;

/**
 * What a witness statement says around its paragraphs, in its profile's form: the MG11 fields, or the court
 * heading (top-right box, court, case number, parties, title). The PDF and the editable copy both print these, so
 * they never disagree. What the case does not know is left in square brackets to be filled in, never guessed.
 */
public final class StatementSheet {
    /** Dots where the witness writes by hand: a date, a signature, a reference. */
    public static final String BLANK = "……………………………";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    /** A label and its value on the MG11's front ("Occupation: Nurse"). */
    public record Field(String label, String value) {
    }

    /** One party in the title of the proceedings: the name (upper case) and the role under it. */
    public record Party(String name, String role) {
    }

    private final Statement statement;
    private final String subject;
    private final List<String> marks;
    private final CaseCover cover;

    /**
     * @param subject the person the statement is about, or null
     * @param marks   the exhibits the statement produces, in order
     * @param cover   the case's cover: the court, the case number, the parties and the witness when the statement's
     *                own details do not name them
     */
    public StatementSheet(Statement statement, String subject, List<String> marks, CaseCover cover) {
        this.statement = statement;
        this.subject = subject;
        this.marks = List.copyOf(marks);
        this.cover = cover;
    }

    public Statement statement() {
        return statement;
    }

    public boolean police() {
        return statement.profile() == StatementProfile.POLICE;
    }

    public boolean family() {
        return statement.profile() == StatementProfile.FAMILY;
    }

    /** The numbered paragraphs' text, in order (the number is printed, not stored). */
    public List<String> paragraphs() {
        return statement.paragraphs();
    }

    /** The witness's name as printed (the statement's, else the case cover's), or the place to write it. */
    public String witness() {
        String name = statement.details().witness() != null ? statement.details().witness() : cover.witness();
        return name == null ? "[your full name]" : name;
    }

    /** The date as printed, or dots for a date written by hand when signing. */
    public String dated() {
        return statement.details().dated() == null ? BLANK : DATE.format(statement.details().dated());
    }

    /** The MG11's front: URN, who makes it, age, occupation. */
    public List<Field> policeFields() {
        var d = statement.details();
        return List.of(new Field("URN", BLANK), new Field("Statement of", witness()),
                new Field("Age if under 18", d.age()),
                new Field("Occupation", d.occupation() == null ? "[your occupation]" : d.occupation()));
    }

    /** CPR PD32 17.2: party, witness's initials and surname, statement number, exhibits, date, top right. */
    public List<String> corner() {
        var d = statement.details();
        return List.of("On behalf of the " + party(), "Witness: " + initialsAndSurname(witness()),
                ordinal(d.number()) + " statement", "Exhibits: " + exhibitRange(), "Dated: " + dated());
    }

    /** "IN THE FAMILY COURT AT LEEDS" from the cover's court ("Family Court at Leeds"), or the place to write it. */
    public String courtLine() {
        if (cover.court() == null) {
            return family() ? "IN THE FAMILY COURT AT [court]" : "IN THE COUNTY COURT AT [court]";
        }
        String court = cover.court().toUpperCase(Locale.UK);
        return court.startsWith("IN THE ") ? court : "IN THE " + court;
    }

    public String caseNumberLine() {
        return (family() ? "Case No: " : "Claim No: ") + (cover.caseNumber() == null ? "[number]" : cover.caseNumber());
    }

    /** The applicant (claimant) and the respondent (defendant), from the cover, else from who makes the statement. */
    public List<Party> parties() {
        boolean witnessApplies = !party().toLowerCase(Locale.UK).matches(".*(respondent|defendant).*");
        String other = subject == null ? "[name]" : subject;
        String applicant = cover.applicant() != null ? cover.applicant() : witnessApplies ? witness() : other;
        String respondent = cover.respondent() != null ? cover.respondent() : witnessApplies ? other : witness();
        return List.of(new Party(applicant.toUpperCase(Locale.UK), family() ? "Applicant" : "Claimant"),
                new Party(respondent.toUpperCase(Locale.UK), family() ? "Respondent" : "Defendant"));
    }

    /** "FIRST WITNESS STATEMENT OF SAM MORGAN". */
    public String title() {
        return ordinal(statement.details().number()).toUpperCase(Locale.UK) + " WITNESS STATEMENT OF "
                + witness().toUpperCase(Locale.UK);
    }

    /** The signature block under a court statement's statement of truth. */
    public List<String> courtSignature() {
        return List.of("Signed: " + BLANK, "Name: " + witness(), "Date: " + dated());
    }

    public String exhibitRange() {
        if (marks.isEmpty()) {
            return "none";
        }
        return marks.size() == 1 ? marks.get(0) : marks.get(0) + " to " + marks.get(marks.size() - 1);
    }

    private String party() {
        String party = statement.details().party();
        return party != null ? party : family() ? "Applicant" : "Claimant";
    }

    /** "S Morgan" for "Sam Morgan" (CPR PD32 17.2(2)); a name still to be filled in is left as it is. */
    public static String initialsAndSurname(String name) {
        if (name.startsWith("[")) {
            return name;
        }
        String[] parts = name.strip().split("\\s+");
        if (parts.length == 1) {
            return parts[0];
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            s.appendCodePoint(Character.toUpperCase(parts[i].codePointAt(0)));
            s.append(' ');
        }
        return s.append(parts[parts.length - 1]).toString();
    }

    public static String ordinal(int n) {
        return switch (n) {
            case 1 -> "First";
            case 2 -> "Second";
            case 3 -> "Third";
            case 4 -> "Fourth";
            case 5 -> "Fifth";
            default -> n + (n % 10 == 1 && n % 100 != 11 ? "st" : n % 10 == 2 && n % 100 != 12 ? "nd"
                    : n % 10 == 3 && n % 100 != 13 ? "rd" : "th");
        };
    }
}
