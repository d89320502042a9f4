package org.casebook.model;

/**
 * The four markers of stalking (fixated, obsessive, unwanted, repeated) as questions for the person to think
 * about, never as a verdict Casebook reaches. Plain wording on the same topics; no proprietary checklist.
 */
public enum ConductMarker {
    FIXATED("fixated", "Fixated", "Does their attention keep coming back to you, whatever else is going on?"),
    OBSESSIVE("obsessive", "Obsessive", "Does it seem they cannot let it go, even when told to stop or when it costs them?"),
    UNWANTED("unwanted", "Unwanted", "Have you made clear, in any way, that you do not want this contact?"),
    REPEATED("repeated", "Repeated", "Has it happened more than once, or in more than one way?");

    /** Where to turn: shown beside the prompts. */
    public static final String HELP = "If you are in danger now, call 999 (UK). National Stalking Helpline: "
            + "0808 802 0300. Outside the UK, your local police or victim support service.";

    private final String code;
    private final String label;
    private final String question;

    ConductMarker(String code, String label, String question) {
        this.code = code;
        this.label = label;
        this.question = question;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String question() {
        return question;
    }
}
