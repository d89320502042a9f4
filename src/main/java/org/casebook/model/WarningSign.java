package org.casebook.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * The warning signs published research on stalking keeps finding in the cases that end in serious harm, written
 * in Casebook's own words (no screening tool's questions are reproduced). Some are counted from the evidence
 * ({@link #tags()} and {@link #types()}); fear and earlier stalking only the witness can answer. A screening aid
 * that points a reader at the evidence, never a risk assessment.
 */
public enum WarningSign implements Coded {
    FEAR("fear", "Fear",
            "How afraid the witness is of what the other person may do. Her own sense of danger is one of the"
                    + " strongest signs research has found, and only she can give it.",
            "Are you afraid that they will hurt you, or someone or something close to you?",
            Set.of(), Set.of()),
    ESCALATION("escalation", "Getting worse",
            "The conduct becoming more frequent or more serious, or changing in kind: from messages to turning up,"
                    + " from words to damage or violence.",
            "Has it become more frequent or more serious lately, or taken a new form?",
            Set.of(), Set.of()),
    THREATS("threats", "Threats",
            "Threats, said or written, direct or veiled, to hurt the witness, people close to her, her animals or"
                    + " her property.",
            "Have they threatened you or anyone or anything close to you?",
            EnumSet.of(BehaviourTag.THREATS), EnumSet.of(IncidentType.THREAT)),
    VISITS("visits", "Turning up at home or work",
            "Coming to where the witness lives, works or studies, or approaching her in person.",
            "Have they come to your home, work or place of study, or approached you in person?",
            EnumSet.of(BehaviourTag.TURNING_UP_HOME, BehaviourTag.TURNING_UP_WORK), EnumSet.of(IncidentType.IN_PERSON)),
    LOITERING("loitering", "Following, watching, loitering",
            "Following the witness, or waiting or watching near places she goes.",
            "Have they followed you, or waited or watched near where you go?",
            EnumSet.of(BehaviourTag.FOLLOWING, BehaviourTag.WATCHING_LOITERING),
            EnumSet.of(IncidentType.FOLLOWING, IncidentType.LOITERING)),
    THIRD_PARTIES("third-parties", "Other people drawn in",
            "Family, friends, colleagues or strangers used to reach the witness, or harassed themselves.",
            "Have they used or harassed other people to get at you?",
            EnumSet.of(BehaviourTag.THIRD_PARTY_CONTACT), EnumSet.of(IncidentType.THIRD_PARTY)),
    PROPERTY_DAMAGE("property-damage", "Damage to property",
            "Damage to the witness's home, car or belongings, or things taken or interfered with.",
            "Have they damaged, taken or interfered with anything of yours?",
            EnumSet.of(BehaviourTag.PROPERTY_DAMAGE), EnumSet.of(IncidentType.PROPERTY_DAMAGE)),
    VIOLENCE("violence", "Violence",
            "Physical or sexual violence towards the witness or anyone else during this conduct.",
            "Have they been violent to you or to anyone else while this has been going on?",
            EnumSet.of(BehaviourTag.VIOLENCE), Set.of()),
    PREVIOUS_STALKING("previous-stalking", "Stalking or abuse before",
            "Whether the other person has stalked, harassed or abused the witness or anyone else before,"
                    + " a former partner included.",
            "As far as you know, have they stalked, harassed or abused you or anyone else before?",
            Set.of(), Set.of());

    /** What every page and screen showing the signs says about them. */
    public static final String NOT_AN_ASSESSMENT = "A screening aid, not a risk assessment: it gathers what the"
            + " evidence shows and what the witness says, for a police officer or an advocate to assess with their"
            + " own tools. A sign that is not shown here may still be present.";

    private final String code;
    private final String label;
    private final String meaning;
    private final String question;
    private final Set<BehaviourTag> tags;
    private final Set<IncidentType> types;

    WarningSign(String code, String label, String meaning, String question, Set<BehaviourTag> tags,
                Set<IncidentType> types) {
        this.code = code;
        this.label = label;
        this.meaning = meaning;
        this.question = question;
        this.tags = tags;
        this.types = types;
    }

    @Override
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** What the sign is, in plain words. */
    public String meaning() {
        return meaning;
    }

    /** The question the witness answers about it. */
    public String question() {
        return question;
    }

    /** The behaviour tags whose items show the sign. */
    public Set<BehaviourTag> tags() {
        return tags;
    }

    /** The diary incident types whose entries show the sign. */
    public Set<IncidentType> types() {
        return types;
    }

    public static WarningSign fromCode(String code) {
        return Coded.fromCode(WarningSign.class, "warning sign", code);
    }

    public static String codes() {
        return Coded.codes(WarningSign.class);
    }
}
