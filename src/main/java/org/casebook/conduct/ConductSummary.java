package org.casebook.conduct;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The course-of-conduct figures for one case and period, as {@code casebook summary}, the Pattern view and the
 * bundle's summary page show them. Counts are of items on the timeline after merged identities are folded
 * together; times are shown in {@link #zone()}.
 *
 * @param from            first day of the period (inclusive), in the case's zone
 * @param to              last day of the period (inclusive)
 * @param first           the earliest incident, message or call in the period, or null when there is none
 * @param last            the most recent one, or null
 * @param firstApproximate whether the first one's time is only approximate (a day written without a time)
 * @param lastApproximate whether the most recent one's time is only approximate
 * @param byChannel       counts per channel (e.g. "whatsapp", "sms", "diary", "phone"), largest first
 * @param byType          incident counts per incident type code
 * @param byTag           counts per behaviour tag code
 * @param perWeek         every ISO week of the period in order, zeros included
 * @param perMonth        every calendar month of the period in order, zeros included (for a period of years)
 * @param byHour          24 counts, local hour of day, of the contacts whose time is exact
 * @param byHourLeftOut   the contacts left out of {@code byHour} because their time is approximate (a day written
 *                        without a time, an entry made "about" a time)
 * @param byDayOfWeek     7 counts, Monday first
 * @param longestGapDays  the longest run of whole days without any contact or incident inside the period
 * @param narrative       a few plain sentences describing the pattern, for the summary page and the app
 * @param escalationView  severity over time with the milestones and what changed in kind (see {@link EscalationView})
 */
public record ConductSummary(
        LocalDate from,
        LocalDate to,
        ZoneId zone,
        long incidents,
        long messages,
        long calls,
        Instant first,
        Instant last,
        boolean firstApproximate,
        boolean lastApproximate,
        Map<String, Long> byChannel,
        Map<String, Long> byType,
        Map<String, Long> byTag,
        List<WeekCount> perWeek,
        List<MonthCount> perMonth,
        long[] byHour,
        long byHourLeftOut,
        long[] byDayOfWeek,
        long longestGapDays,
        Gap longestGap,
        Escalation escalation,
        List<OrderFigures> orders,
        List<ReportFigures> reports,
        List<ImpactFigures> impacts,
        List<String> narrative,
        EscalationView escalationView) {

    /** Figures without an escalation view (one computed before the view existed, or made by hand in a test). */
    public ConductSummary(LocalDate from, LocalDate to, ZoneId zone, long incidents, long messages, long calls,
                          Instant first, Instant last, boolean firstApproximate, boolean lastApproximate,
                          Map<String, Long> byChannel, Map<String, Long> byType, Map<String, Long> byTag,
                          List<WeekCount> perWeek, List<MonthCount> perMonth, long[] byHour, long byHourLeftOut,
                          long[] byDayOfWeek, long longestGapDays, Gap longestGap, Escalation escalation,
                          List<OrderFigures> orders, List<ReportFigures> reports, List<ImpactFigures> impacts,
                          List<String> narrative) {
        this(from, to, zone, incidents, messages, calls, first, last, firstApproximate, lastApproximate, byChannel,
                byType, byTag, perWeek, perMonth, byHour, byHourLeftOut, byDayOfWeek, longestGapDays, longestGap,
                escalation, orders, reports, impacts, narrative, EscalationView.NONE);
    }

    /**
     * The honest answer to "is it getting worse?": not one word from the counts, but how serious the contact was
     * over time (each contact by its {@link ConductLevel kind}), the milestones beside it (orders made and served,
     * reports, moves), and each more serious kind that began during the period, with when and after what.
     *
     * @param bucket           "week" or "month": the span of each of {@code buckets}
     * @param buckets          every week or month of the period in order, zeros included
     * @param levels           each kind of conduct seen in the period, least serious first
     * @param milestones       what happened in the case in the period, oldest first
     * @param changes          each more serious kind that began after the first contact, oldest first
     * @param mostSeriousLately the most serious kind in the last 30 days of the period, or null when there was none
     * @param headline         one sentence for the top of the page: the change in kind first, then the counts
     * @param method           how all this is worked out, for a reader who checks it
     */
    public record EscalationView(String bucket, List<SeverityBucket> buckets, List<LevelFigures> levels,
                                 List<Milestone> milestones, List<KindChange> changes, ConductLevel mostSeriousLately,
                                 String headline, String method) {
        public static final EscalationView NONE = new EscalationView("week", List.of(), List.of(), List.of(),
                List.of(), null, null, null);

        public EscalationView {
            buckets = List.copyOf(buckets);
            levels = List.copyOf(levels);
            milestones = List.copyOf(milestones);
            changes = List.copyOf(changes);
        }
    }

    /** One week or month: the contacts of each kind (indexed by {@link ConductLevel#ordinal()}). */
    public record SeverityBucket(LocalDate start, LocalDate end, long[] byLevel) {
        /** The most serious kind of contact in it, or null when it had none. */
        public ConductLevel mostSerious() {
            for (int i = byLevel.length - 1; i >= 0; i--) {
                if (byLevel[i] > 0) {
                    return ConductLevel.values()[i];
                }
            }
            return null;
        }

        public long total() {
            return java.util.Arrays.stream(byLevel).sum();
        }
    }

    /** One kind of conduct in the period: how many, and its first and last contact. */
    public record LevelFigures(ConductLevel level, long count, LocalDate first, LocalDate last, long firstItemId) {
    }

    /**
     * Something that happened in the case beside the conduct.
     *
     * @param kind "order-made", "order-served", "report", "moved-home" or "changed-number"
     * @param text what it was, in words: "Restraining order (ref. ABC) served by hand"
     */
    public record Milestone(LocalDate date, String kind, String text) {
    }

    /**
     * A more serious kind of conduct that began during the period.
     *
     * @param firstItemId the contact that first shows it
     * @param count       contacts of this kind from then to the end of the period
     * @param after       the latest milestone on or before the day it began, or null
     * @param sentence    the change in words, for the page and the app
     */
    public record KindChange(ConductLevel level, LocalDate began, long firstItemId, long count, Milestone after,
                             String sentence) {
    }

    /** Contacts and incidents in one ISO week, e.g. {@code 2024-W10}. */
    public record WeekCount(String week, LocalDate monday, long count, long severe) {
    }

    /** Contacts and incidents in one calendar month (the first and last may be partial). */
    public record MonthCount(java.time.YearMonth month, long count, long severe) {
    }

    /** The longest quiet period: the last contact before it and the first after it. */
    public record Gap(LocalDate after, LocalDate before, long days) {
    }

    /**
     * The trend over the period, with the method stated in {@link #method()} so a reader can check it.
     *
     * @param direction   "rising", "falling", "steady" or "too little data"
     * @param perWeekSlope change in contacts per week, per week (least-squares)
     * @param firstHalf   contacts in the first half of the period
     * @param secondHalf  contacts in the second half
     * @param severeFirstHalf  items tagged with a severity tag (threats, damage, turning up, following) in the first half
     * @param severeSecondHalf the same in the second half
     */
    public record Escalation(String direction, double perWeekSlope, long firstHalf, long secondHalf,
                             long severeFirstHalf, long severeSecondHalf, String method) {
    }

    /**
     * An order with its conditions and the breaches the user confirmed. A breach needs the person to know of the
     * order, so contacts and breaches are counted from the day it was served when that is recorded
     * ({@code bindsFrom}); confirmed breaches dated before it are listed apart, in {@code beforeService}.
     *
     * @param served         the day it was served, or null when not recorded
     * @param servedHow      how it was served, or null
     * @param documentItemId the attached file that is the order, or null
     */
    public record OrderFigures(long id, String kind, String issuer, String reference, LocalDate made,
                               LocalDate expires, List<String> conditions, long contactsDuringOrder,
                               List<Breach> breaches, LocalDate served, String servedHow, LocalDate bindsFrom,
                               Long documentItemId, List<Breach> beforeService) {
        public OrderFigures {
            breaches = List.copyOf(breaches);
            beforeService = beforeService == null ? List.of() : List.copyOf(beforeService);
        }

        /** An order with no service or document recorded. */
        public OrderFigures(long id, String kind, String issuer, String reference, LocalDate made,
                            LocalDate expires, List<String> conditions, long contactsDuringOrder,
                            List<Breach> breaches) {
            this(id, kind, issuer, reference, made, expires, conditions, contactsDuringOrder, breaches, null, null,
                    made, null, List.of());
        }
    }

    /** One confirmed breach: the item and the condition it breached. */
    public record Breach(long itemId, Instant at, String condition, String summary) {
    }

    /** A report made to the police, a platform, an employer or a housing provider. */
    public record ReportFigures(long id, LocalDate date, String recipientKind, String recipient, String reference,
                                String contact, String outcome, long linkedIncidents, String collar) {
        /** A report with no collar number recorded. */
        public ReportFigures(long id, LocalDate date, String recipientKind, String recipient, String reference,
                             String contact, String outcome, long linkedIncidents) {
            this(id, date, recipientKind, recipient, reference, contact, outcome, linkedIncidents, null);
        }

        /** The officer as a reader looks for them: "PC 1234 Smith" style, collar number then name; or null. */
        public String officer() {
            if (contact == null && collar == null) {
                return null;
            }
            return collar == null ? contact : contact == null ? "collar no. " + collar : contact + " (" + collar + ")";
        }
    }

    /** One entry of the impact log. */
    public record ImpactFigures(long id, LocalDate date, String kind, String text) {
    }
}
