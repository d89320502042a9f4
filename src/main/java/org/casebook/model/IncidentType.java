package org.casebook.model;

/** What kind of thing happened. {@link #code()} is the name used on the command line and in JSON. */
public enum IncidentType implements Coded {
    MESSAGE("message", "Message"),
    CALL("call", "Call"),
    EMAIL("email", "E-mail"),
    SOCIAL_MEDIA("social-media", "Social media"),
    FOLLOWING("following", "Following"),
    LOITERING("loitering", "At home / loitering"),
    IN_PERSON("in-person", "In person"),
    PROPERTY_DAMAGE("property-damage", "Property damage"),
    THIRD_PARTY("third-party", "Third-party contact"),
    GIFT("gift", "Gift / unwanted item"),
    THREAT("threat", "Threat"),
    OTHER("other", "Other");

    private final String code;
    private final String label;

    IncidentType(String code, String label) {
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

    public static IncidentType fromCode(String code) {
        return Coded.fromCode(IncidentType.class, "incident type", code);
    }

    public static String codes() {
        return Coded.codes(IncidentType.class);
    }
}
