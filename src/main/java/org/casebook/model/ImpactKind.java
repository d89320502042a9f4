package org.casebook.model;

/** How the conduct is affecting the person: the elements the offences and a victim personal statement turn on. */
public enum ImpactKind implements Coded {
    FEAR_OF_VIOLENCE("fear-of-violence", "Fear of violence"),
    ALARM_DISTRESS("alarm-distress", "Alarm or distress"),
    ROUTINE_CHANGE("routine-change", "Change to daily routine"),
    MOVED_HOME("moved-home", "Moved home"),
    CHANGED_NUMBER("changed-number", "Changed phone number"),
    STOPPED_GOING_OUT("stopped-going-out", "Stopped going out"),
    TIME_OFF_WORK("time-off-work", "Time off work or study"),
    HEALTH("health", "Health"),
    OTHER("other", "Other");

    private final String code;
    private final String label;

    ImpactKind(String code, String label) {
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

    public static ImpactKind fromCode(String code) {
        return Coded.fromCode(ImpactKind.class, "impact kind", code);
    }

    public static String codes() {
        return Coded.codes(ImpactKind.class);
    }
}
