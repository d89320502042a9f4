package org.casebook.statement;

/**
 * The fixed wording each form of statement must carry, word for word as the rules give it. Not to be paraphrased:
 * a statement whose declaration departs from the prescribed form can be refused.
 */
public final class Declarations {
    /** The MG11 heading: the rules under which a written statement is admissible in criminal proceedings. */
    public static final String POLICE_AUTHORITY =
            "Criminal Procedure Rules, r. 16.2; Criminal Justice Act 1967, s. 9; Magistrates' Courts Act 1980, s. 5B";

    /** The s.9 CJA 1967 declaration as printed on form MG11; %d is the number of pages. */
    private static final String POLICE_DECLARATION = "This statement (consisting of %d page(s) each signed by me) is true to"
            + " the best of my knowledge and belief and I make it knowing that, if it is tendered in evidence, I shall"
            + " be liable to prosecution if I have wilfully stated in it anything which I know to be false, or do not"
            + " believe to be true.";

    /** The first sentence of the statement of truth for a witness statement (CPR PD22 para 2.2, FPR PD17A). */
    public static final String TRUTH = "I believe that the facts stated in this witness statement are true.";

    /** The contempt warning added to every statement of truth from 6 April 2020 (CPR PD22 para 2.2; FPR PD17A). */
    public static final String CONTEMPT = "I understand that proceedings for contempt of court may be brought against"
            + " anyone who makes, or causes to be made, a false statement in a document verified by a statement of"
            + " truth without an honest belief in its truth.";

    private Declarations() {
    }

    /** The MG11 declaration for a statement of {@code pages} pages. */
    public static String police(int pages) {
        return String.format(java.util.Locale.ROOT, POLICE_DECLARATION, pages);
    }

    /**
     * The MG11 declaration's wording before and after its page count, for a document whose page count is a field
     * that the word processor keeps up to date (the editable copy).
     */
    public static java.util.List<String> policeAroundPages() {
        int at = POLICE_DECLARATION.indexOf("%d");
        return java.util.List.of(POLICE_DECLARATION.substring(0, at), POLICE_DECLARATION.substring(at + 2));
    }

    /** The statement of truth (civil and family), as one paragraph. */
    public static String truth() {
        return TRUTH + " " + CONTEMPT;
    }
}
