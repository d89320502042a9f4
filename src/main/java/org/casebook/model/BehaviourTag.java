package org.casebook.model;

/**
 * The fixed vocabulary of behaviours an incident or message can be tagged with. {@link #severe()} marks the
 * ones the escalation figure counts as severity: threats, violence, damage, turning up and following.
 */
public enum BehaviourTag implements Coded {
    FOLLOWING("following", "Following", true),
    WATCHING_LOITERING("watching-loitering", "Watching or loitering", true),
    TURNING_UP_HOME("turning-up-home", "Turning up at home", true),
    TURNING_UP_WORK("turning-up-work", "Turning up at work or school", true),
    UNWANTED_CONTACT("unwanted-contact", "Unwanted contact", false),
    THIRD_PARTY_CONTACT("third-party-contact", "Contact through third parties", false),
    THREATS("threats", "Threats", true),
    PROPERTY_DAMAGE("property-damage", "Damage to property", true),
    MONITORING_ONLINE("monitoring-online", "Monitoring online", false),
    FAKE_PROFILES("fake-profiles", "Fake profiles", false),
    GIFTS("gifts", "Unwanted gifts or items", false),
    SEXUAL("sexual", "Sexual content or behaviour", true),
    VIOLENCE("violence", "Violence", true),
    OTHER("other", "Other", false);

    private final String code;
    private final String label;
    private final boolean severe;

    BehaviourTag(String code, String label, boolean severe) {
        this.code = code;
        this.label = label;
        this.severe = severe;
    }

    @Override
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean severe() {
        return severe;
    }

    public static BehaviourTag fromCode(String code) {
        return Coded.fromCode(BehaviourTag.class, "behaviour tag", code);
    }

    public static String codes() {
        return Coded.codes(BehaviourTag.class);
    }
}
