package org.casebook.conduct;

import java.util.Set;
import org.casebook.model.BehaviourTag;
import org.casebook.model.IncidentType;

/**
 * The kinds of conduct the escalation view tells apart, from contact at a distance up to violence, so that a case
 * moving from messages to turning up at the door reads as the change it is, whatever the counts do. The order is
 * Casebook's grouping for reading the chart, not a score. An item's kind is the most serious its incident type or
 * any of its behaviour tags gives; a message or call with no tag is contact.
 */
public enum ConductLevel {
    CONTACT("contact", "Contact at a distance", "Contact"),
    THROUGH_OTHERS("through-others", "Through other people", "Via others"),
    PRESENCE("presence", "Following, watching or turning up", "Presence"),
    THREATS_DAMAGE("threats-damage", "Threats, damage or sexual conduct", "Threats"),
    VIOLENCE("violence", "Violence", "Violence");

    private final String code;
    private final String label;
    private final String shortLabel;

    ConductLevel(String code, String label, String shortLabel) {
        this.code = code;
        this.label = label;
        this.shortLabel = shortLabel;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** One or two words, for a chart's key or a figure box. */
    public String shortLabel() {
        return shortLabel;
    }

    public static ConductLevel fromCode(String code) {
        for (ConductLevel l : values()) {
            if (l.code.equals(code)) {
                return l;
            }
        }
        throw new IllegalArgumentException("Unknown conduct kind '" + code + "'.");
    }

    /** The kind an incident type records; a message, call or other type is contact. */
    static ConductLevel of(IncidentType type) {
        return switch (type) {
            case THIRD_PARTY -> THROUGH_OTHERS;
            case FOLLOWING, LOITERING, IN_PERSON -> PRESENCE;
            case THREAT, PROPERTY_DAMAGE -> THREATS_DAMAGE;
            default -> CONTACT;
        };
    }

    /** The kind a behaviour tag records. */
    static ConductLevel of(BehaviourTag tag) {
        return switch (tag) {
            case THIRD_PARTY_CONTACT -> THROUGH_OTHERS;
            case FOLLOWING, WATCHING_LOITERING, TURNING_UP_HOME, TURNING_UP_WORK -> PRESENCE;
            case THREATS, PROPERTY_DAMAGE, SEXUAL -> THREATS_DAMAGE;
            case VIOLENCE -> VIOLENCE;
            default -> CONTACT;
        };
    }

    /** The method's words for the grouping, generated from the mapping so it cannot drift from it. */
    static String definition() {
        StringBuilder out = new StringBuilder("Each contact's kind is the most serious its incident type or any of its"
                + " behaviour tags gives (a message or call with no tag is contact):");
        for (ConductLevel level : values()) {
            Set<String> names = new java.util.TreeSet<>();
            for (IncidentType t : IncidentType.values()) {
                if (of(t) == level && t != IncidentType.OTHER) {
                    names.add(t.label().toLowerCase(java.util.Locale.ROOT));
                }
            }
            for (BehaviourTag t : BehaviourTag.values()) {
                if (of(t) == level && t != BehaviourTag.OTHER) {
                    names.add(t.label().toLowerCase(java.util.Locale.ROOT));
                }
            }
            out.append(' ').append(level.label().toLowerCase(java.util.Locale.ROOT)).append(" (")
                    .append(String.join(", ", names)).append(')').append(level == VIOLENCE ? "." : ";");
        }
        return out + " The order of these kinds is a grouping for reading, not a score.";
    }
}
