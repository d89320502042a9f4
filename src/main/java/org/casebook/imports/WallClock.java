package org.casebook.imports;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.Map;

/**
 * Places an export's wall-clock times (a phone's local time, no zone) on the time line of a zone, keeping the
 * export's own order where the zone's clocks change:
 *
 * <ul>
 * <li>In the hour the clocks go back, every local time happens twice. A time is read as the first of the two
 *     (summer time) until the conversation's times run backwards inside that hour (01:50, then 01:10): from there
 *     on they are the second (winter time). So 01:30, 01:50, 01:10, 01:30 are four times in that order, the last
 *     an hour after the first.</li>
 * <li>A time in the hour the clocks go forward never happened in the zone. It is placed at the moment of the
 *     change, so it keeps its place between the times before and after it, and is kept as written.</li>
 * </ul>
 *
 * Each reading says which of the two it was ({@code "overlap"}, {@code "gap"}) for the message's details. One
 * instance per import, used by the reading thread only.
 */
final class WallClock {
    private final ZoneId zone;
    private final ZoneRules rules;
    /** Per conversation: the last local time read, and the change whose repeated hour it has gone back into. */
    private final Map<String, State> states = new HashMap<>();
    private String currentKey;
    private State current;
    /** Local times in [steadyFrom, steadyUntil) have the one offset steadyOffset: no clock change among them. */
    private LocalDateTime steadyFrom;
    private LocalDateTime steadyUntil;
    private ZoneOffset steadyOffset;

    /** Where a local time was placed, and whether it fell at a clock change ("gap", "overlap") or not (null). */
    record Reading(ZonedDateTime at, String change) {
    }

    private static final class State {
        LocalDateTime last;
        ZoneOffsetTransition secondPass;
    }

    WallClock(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
    }

    /** Places {@code local}, written in {@code conversation} (any key that tells the export's conversations apart). */
    Reading read(String conversation, LocalDateTime local) {
        State state = state(conversation == null ? "" : conversation);
        if (steadyOffset != null && !local.isBefore(steadyFrom) && local.isBefore(steadyUntil)) {
            state.last = local;
            return new Reading(ZonedDateTime.ofInstant(local, steadyOffset, zone), null);
        }
        // A transition at this local time exists exactly when it has no valid offset (a gap) or two (an overlap).
        ZoneOffsetTransition t = rules.getTransition(local);
        Reading reading;
        if (t == null) {
            reading = new Reading(ZonedDateTime.ofLocal(local, zone, null), null);
            rememberSteadySpan(reading.at());
        } else if (t.isGap()) {
            reading = new Reading(t.getInstant().atZone(zone), "gap");
        } else {
            boolean second = t.equals(state.secondPass)
                    || state.last != null && local.isBefore(state.last) && repeated(state.last, t);
            if (second) {
                state.secondPass = t;
            }
            reading = new Reading(ZonedDateTime.ofLocal(local, zone, second ? t.getOffsetAfter() : t.getOffsetBefore()),
                    "overlap");
        }
        state.last = local;
        return reading;
    }

    /**
     * Notes the local times around {@code at} that share its offset with no clock change between: an export's
     * messages mostly come in time order, and finding the change (if any) at each local time was a tenth of
     * the reading of a large chat.
     */
    private void rememberSteadySpan(ZonedDateTime at) {
        Instant instant = at.toInstant();
        ZoneOffsetTransition before = rules.previousTransition(instant.plusNanos(1));
        ZoneOffsetTransition after = rules.nextTransition(instant);
        steadyFrom = before == null ? LocalDateTime.MIN : latest(before);
        steadyUntil = after == null ? LocalDateTime.MAX : earliest(after);
        steadyOffset = at.getOffset();
    }

    private static LocalDateTime latest(ZoneOffsetTransition t) {
        return t.isGap() ? t.getDateTimeAfter() : t.getDateTimeBefore();
    }

    private static LocalDateTime earliest(ZoneOffsetTransition t) {
        return t.isGap() ? t.getDateTimeBefore() : t.getDateTimeAfter();
    }

    private State state(String conversation) {
        // consecutive messages are almost always from one conversation: no map look-up for them
        if (!conversation.equals(currentKey)) {
            currentKey = conversation;
            current = states.computeIfAbsent(conversation, k -> new State());
        }
        return current;
    }

    /** Whether a local time is in the hour a change repeats. */
    private static boolean repeated(LocalDateTime local, ZoneOffsetTransition t) {
        return !local.isBefore(t.getDateTimeAfter()) && local.isBefore(t.getDateTimeBefore());
    }
}
