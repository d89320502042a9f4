package org.casebook.model;

/** Who a report was made to. */
public enum ReportRecipient implements Coded {
    POLICE("police", "Police"),
    PLATFORM("platform", "Platform or service provider"),
    EMPLOYER("employer", "Employer"),
    HOUSING("housing", "Housing provider"),
    SCHOOL("school", "School, college or university"),
    OTHER("other", "Other");

    private final String code;
    private final String label;

    ReportRecipient(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /**
     * Who a report went to, for a reader: "Police", or "Police: West Yorkshire Police" when a name was given; an
     * unknown code is shown as it is.
     */
    public static String describe(String kindCode, String recipient) {
        String kind;
        try {
            kind = kindCode == null ? null : fromCode(kindCode).label();
        } catch (IllegalArgumentException e) {
            kind = kindCode;
        }
        boolean named = recipient != null && !recipient.isBlank();
        if (kind == null) {
            return named ? recipient : "—";
        }
        return named ? kind + ": " + recipient : kind;
    }

    public static ReportRecipient fromCode(String code) {
        return Coded.fromCode(ReportRecipient.class, "recipient kind", code);
    }

    public static String codes() {
        return Coded.codes(ReportRecipient.class);
    }
}
