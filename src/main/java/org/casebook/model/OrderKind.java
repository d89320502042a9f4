package org.casebook.model;

/** The kinds of court order or police condition whose breach is itself an offence or contempt. */
public enum OrderKind implements Coded {
    RESTRAINING_ORDER("restraining-order", "Restraining order"),
    NON_MOLESTATION_ORDER("non-molestation-order", "Non-molestation order"),
    STALKING_PROTECTION_ORDER("stalking-protection-order", "Stalking protection order"),
    BAIL_CONDITIONS("bail-conditions", "Bail conditions"),
    INJUNCTION("injunction", "Injunction"),
    OTHER("other", "Other order");

    private final String code;
    private final String label;

    OrderKind(String code, String label) {
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

    public static OrderKind fromCode(String code) {
        return Coded.fromCode(OrderKind.class, "order kind", code);
    }

    public static String codes() {
        return Coded.codes(OrderKind.class);
    }
}
