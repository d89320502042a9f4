package org.casebook.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What kind of thing happened. {@link #code()} is the name used on the command line and in JSON. */
public enum IncidentType {
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

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static IncidentType fromCode(String code) {
        for (IncidentType t : values()) {
            if (t.code.equalsIgnoreCase(code.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown incident type '" + code + "'. Use one of: " + codes());
    }

    public static String codes() {
        return Arrays.stream(values()).map(IncidentType::code).collect(Collectors.joining(", "));
    }
}
