package org.casebook.model;

/** The witness's answer to a warning sign's question. */
public enum SignAnswer implements Coded {
    YES("yes", "Yes"),
    NO("no", "No"),
    UNSURE("unsure", "Not sure");

    private final String code;
    private final String label;

    SignAnswer(String code, String label) {
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

    public static SignAnswer fromCode(String code) {
        return Coded.fromCode(SignAnswer.class, "answer", code);
    }

    public static String codes() {
        return Coded.codes(SignAnswer.class);
    }
}
