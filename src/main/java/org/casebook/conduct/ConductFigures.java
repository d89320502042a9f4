package org.casebook.conduct;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.casebook.evidence.CaseService;
import org.casebook.model.BehaviourTag;
import org.casebook.model.BreachDecision;
import org.casebook.model.BreachStatus;
import org.casebook.model.CourtOrder;
import org.casebook.model.ImpactEntry;
import org.casebook.model.IncidentType;
import org.casebook.model.ItemKind;
import org.casebook.model.OrderCondition;
import org.casebook.model.Report;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/**
 * The course-of-conduct figures for a case and period (see {@link ConductSummary}), computed in one pass over
 * the case's contacts in time order (the timeline index), so a case of 100,000 items takes well under a second.
 * Every day, hour and week is the case's time zone's.
 */
public final class ConductFigures {
    /** How much of an item's text a breach line quotes. */
    private static final int QUOTE_CHARS = 60;
    /** Incident types that count as severe, as the severe behaviour tags do. */
    static final Set<IncidentType> SEVERE_TYPES = EnumSet.of(IncidentType.THREAT, IncidentType.PROPERTY_DAMAGE,
            IncidentType.FOLLOWING, IncidentType.LOITERING);
    /** Fewer contacts or weeks than these give no trend. */
    static final int MIN_CONTACTS_FOR_TREND = 6;
    static final int MIN_WEEKS_FOR_TREND = 3;

    private final Vault vault;
    private final Clock clock;

    public ConductFigures(Vault vault) {
        this(vault, Clock.systemUTC());
    }

    public ConductFigures(Vault vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
    }

    /**
     * The figures for {@code caseId} from {@code from} to {@code to}, both inclusive, in the case's zone.
     * A null {@code from} or {@code to} becomes the day of the first or last contact (today when there is none);
     * reports and impact entries are listed over the period as asked, all of them when none was.
     */
    public ConductSummary summarise(long caseId, LocalDate from, LocalDate to) {
        return summarise(caseId, from, to, UnaryOperator.identity());
    }

    /**
     * As {@link #summarise(long, LocalDate, LocalDate)}, with {@code redaction} applied to an item's text before
     * its first words are quoted: a redacted bundle's quotes are cut from the redacted text, so a cut can never
     * leave the start of a redacted address behind.
     */
    public ConductSummary summarise(long caseId, LocalDate from, LocalDate to, UnaryOperator<String> redaction) {
        return vault.read(c -> {
            ZoneId zone = CaseService.get(c, caseId).zone();
            LocalDate start = from;
            LocalDate end = to;
            if (start == null || end == null) {
                long[] range = Contacts.range(c, caseId);
                LocalDate today = LocalDate.now(clock.withZone(zone));
                if (start == null) {
                    start = range == null ? (end != null && end.isBefore(today) ? end : today) : day(range[0], zone);
                }
                if (end == null) {
                    end = range == null ? (start.isAfter(today) ? start : today) : day(range[1], zone);
                    if (end.isBefore(start)) {
                        end = start;
                    }
                }
                if (start.isAfter(end)) {
                    start = end;
                }
            }
            if (start.isAfter(end)) {
                throw VaultException.badInput("from: " + start + " is after to: " + end + ".");
            }
            return new Pass(c, caseId, zone, start, end, redaction, from, to).run();
        });
    }

    private static LocalDate day(long millis, ZoneId zone) {
        return Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
    }

    /** One computation: the period's bounds and the counters filled by the scan. */
    private static final class Pass {
        private final Connection c;
        private final long caseId;
        private final ZoneId zone;
        private final LocalDate from;
        /**
         * The period asked for, each end null when none was: reports and impact entries are listed over it, not
         * only over the contacts' span (a report is often made the day after the last incident, or about earlier
         * conduct).
         */
        private final LocalDate askedFrom;
        private final LocalDate askedTo;
        private final LocalDate to;
        /** Applied to an item's text before it is quoted (and shortened). */
        private final UnaryOperator<String> redaction;
        private final int days;
        private final int firstHalfDays;
        private final LocalDate firstMonday;
        private final long[] weekCounts;
        private final long[] weekSevere;
        private final java.time.YearMonth firstMonth;
        private final long[] monthCounts;
        private final long[] monthSevere;
        private final BitSet contactDays;
        private final long[] byHour = new long[24];
        private long byHourLeftOut;
        private final long[] byDayOfWeek = new long[7];
        private final Map<String, Long> byChannel = new HashMap<>();
        private final Map<String, Long> byType = new HashMap<>();
        private final Map<String, Long> byTag = new HashMap<>();
        private final List<CourtOrder> orders;
        private final long[] duringOrder;
        private final long fromUtc;
        private final long toUtc;
        private long incidents;
        private long messages;
        private long calls;
        private long firstUtc = Long.MAX_VALUE;
        private long lastUtc = Long.MIN_VALUE;
        private boolean firstApproximate;
        private boolean lastApproximate;
        private long firstHalf;
        private long secondHalf;
        private long severeFirstHalf;
        private long severeSecondHalf;
        /** The most serious kind each tagged item's tags give, by item id. */
        private final Map<Long, ConductLevel> tagLevels = new HashMap<>();
        private final Severity severity;

        Pass(Connection c, long caseId, ZoneId zone, LocalDate from, LocalDate to, UnaryOperator<String> redaction,
             LocalDate askedFrom, LocalDate askedTo) throws SQLException {
            this.redaction = redaction;
            this.askedFrom = askedFrom;
            this.askedTo = askedTo;
            this.c = c;
            this.caseId = caseId;
            this.zone = zone;
            this.from = from;
            this.to = to;
            this.days = (int) ChronoUnit.DAYS.between(from, to) + 1;
            this.firstHalfDays = days / 2;
            this.firstMonday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            LocalDate lastMonday = to.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            int weeks = (int) (ChronoUnit.DAYS.between(firstMonday, lastMonday) / 7) + 1;
            this.weekCounts = new long[weeks];
            this.weekSevere = new long[weeks];
            this.firstMonth = java.time.YearMonth.from(from);
            int months = (int) ChronoUnit.MONTHS.between(firstMonth, java.time.YearMonth.from(to)) + 1;
            this.monthCounts = new long[months];
            this.monthSevere = new long[months];
            this.contactDays = new BitSet(days);
            this.fromUtc = from.atStartOfDay(zone).toInstant().toEpochMilli();
            this.toUtc = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
            List<CourtOrder> list = OrderService.list(c, caseId);
            this.orders = list;
            this.duringOrder = new long[list.size()];
            this.severity = new Severity(from, to, firstMonday, weeks, firstMonth, months);
        }

        ConductSummary run() throws SQLException {
            countTagsAndSevereItems();
            Contacts.scan(c, caseId, fromUtc, toUtc, null, this::count);
            boolean perpetrator = Contacts.hasPerpetrator(c, caseId);
            List<ConductSummary.WeekCount> perWeek = new ArrayList<>();
            for (int w = 0; w < weekCounts.length; w++) {
                LocalDate monday = firstMonday.plusWeeks(w);
                perWeek.add(new ConductSummary.WeekCount(isoWeek(monday), monday, weekCounts[w], weekSevere[w]));
            }
            List<ConductSummary.MonthCount> perMonth = new ArrayList<>();
            for (int m = 0; m < monthCounts.length; m++) {
                perMonth.add(new ConductSummary.MonthCount(firstMonth.plusMonths(m), monthCounts[m], monthSevere[m]));
            }
            ConductSummary.Gap gap = longestGap();
            ConductSummary.Escalation escalation = escalation(perpetrator);
            List<ConductSummary.OrderFigures> orderFigures = orderFigures();
            List<ConductSummary.ReportFigures> reports = reports();
            List<ConductSummary.ImpactFigures> impacts = impacts();
            Instant first = incidents + messages + calls == 0 ? null : Instant.ofEpochMilli(firstUtc);
            Instant last = incidents + messages + calls == 0 ? null : Instant.ofEpochMilli(lastUtc);
            ConductSummary partial = new ConductSummary(from, to, zone, incidents, messages, calls, first, last,
                    firstApproximate, lastApproximate,
                    sorted(byChannel), sorted(byType), sorted(byTag), List.copyOf(perWeek), List.copyOf(perMonth), byHour, byHourLeftOut, byDayOfWeek,
                    gap.days(), gap, escalation, orderFigures, reports, impacts, List.of(),
                    severity.view(milestones(), firstHalf, secondHalf));
            return withNarrative(partial, Narrative.of(partial), partial.escalationView());
        }

        /** The case's orders made and served, reports and moves, oldest first, whatever the period. */
        private List<ConductSummary.Milestone> milestones() throws SQLException {
            List<ConductSummary.Milestone> out = new ArrayList<>();
            for (CourtOrder o : orders) {
                String name = o.kind().label() + (o.reference() == null ? "" : " (ref. " + o.reference() + ")");
                out.add(new ConductSummary.Milestone(o.made(), "order-made", name + " made"));
                if (o.served() != null) {
                    out.add(new ConductSummary.Milestone(o.served(), "order-served", name + " served"
                            + (o.servedHow() == null ? "" : " (" + o.servedHow() + ")")));
                }
            }
            for (Report r : ReportService.list(c, caseId)) {
                out.add(new ConductSummary.Milestone(r.at().withZoneSameInstant(zone).toLocalDate(), "report",
                        "Reported to " + org.casebook.model.ReportRecipient.describe(r.recipientKind().code(),
                                r.recipient()) + (r.reference() == null ? "" : " (ref. " + r.reference() + ")")));
            }
            for (ImpactEntry e : ImpactService.list(c, caseId)) {
                if (e.kind() == org.casebook.model.ImpactKind.MOVED_HOME
                        || e.kind() == org.casebook.model.ImpactKind.CHANGED_NUMBER) {
                    out.add(new ConductSummary.Milestone(e.date(), e.kind().code(), e.kind().label()));
                }
            }
            out.sort(Comparator.comparing(ConductSummary.Milestone::date));
            return out;
        }

        private void count(Contacts.Contact contact) {
            switch (contact.kind()) {
                case INCIDENT -> {
                    incidents++;
                    byType.merge(contact.type(), 1L, Long::sum);
                }
                case CALL -> calls++;
                default -> messages++;
            }
            byChannel.merge(contact.channel(), 1L, Long::sum);
            if (contact.atUtc() < firstUtc) {
                firstUtc = contact.atUtc();
                firstApproximate = contact.approximate();
            }
            if (contact.atUtc() >= lastUtc) {
                lastUtc = contact.atUtc();
                lastApproximate = contact.approximate();
            }
            ZonedDateTime local = Instant.ofEpochMilli(contact.atUtc()).atZone(zone);
            LocalDate day = local.toLocalDate();
            int offset = (int) ChronoUnit.DAYS.between(from, day);
            contactDays.set(offset);
            // an approximate time (a day with no time is kept at midday) would pile up at a false hour
            if (contact.approximate()) {
                byHourLeftOut++;
            } else {
                byHour[local.getHour()]++;
            }
            byDayOfWeek[local.getDayOfWeek().getValue() - 1]++;
            ConductLevel level = contact.kind() == ItemKind.INCIDENT && contact.type() != null
                    ? ConductLevel.of(IncidentType.fromCode(contact.type())) : ConductLevel.CONTACT;
            ConductLevel tagged = tagLevels.get(contact.id());
            severity.count(contact.id(), day, tagged != null && tagged.compareTo(level) > 0 ? tagged : level);
            weekCounts[weekIndex(day)]++;
            monthCounts[monthIndex(day)]++;
            if (offset < firstHalfDays) {
                firstHalf++;
            } else {
                secondHalf++;
            }
            for (int i = 0; i < orders.size(); i++) {
                if (orders.get(i).bindingOn(day)) {
                    duringOrder[i]++;
                }
            }
        }

        /**
         * Counts every tag on the period's items (any kind: the user chose to tag them) and the severe items,
         * tagged or incidents of a severe type, into the weeks and halves.
         */
        private void countTagsAndSevereItems() throws SQLException {
            Map<Long, Long> severeAt = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT t.item_id, t.tag, i.at_utc FROM item_tag t JOIN item i ON i.id = t.item_id
                    WHERE i.case_id = ? AND i.at_utc >= ? AND i.at_utc < ?""")) {
                bindPeriod(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String code = rs.getString(2);
                        byTag.merge(code, 1L, Long::sum);
                        tagLevels.merge(rs.getLong(1), ConductLevel.of(BehaviourTag.fromCode(code)),
                                (a, b) -> a.compareTo(b) >= 0 ? a : b);
                        if (BehaviourTag.fromCode(code).severe()) {
                            severeAt.put(rs.getLong(1), rs.getLong(3));
                        }
                    }
                }
            }
            List<String> types = SEVERE_TYPES.stream().map(IncidentType::code).toList();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, at_utc FROM item WHERE case_id = ?"
                    + " AND at_utc >= ? AND at_utc < ? AND kind = 'incident' AND type IN ("
                    + String.join(",", types.stream().map(t -> "'" + t + "'").toList()) + ")")) {
                bindPeriod(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        severeAt.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
            for (Map.Entry<Long, Long> e : severeAt.entrySet()) {
                LocalDate day = day(e.getValue(), zone);
                weekSevere[weekIndex(day)]++;
                monthSevere[monthIndex(day)]++;
                if (ChronoUnit.DAYS.between(from, day) < firstHalfDays) {
                    severeFirstHalf++;
                } else {
                    severeSecondHalf++;
                }
            }
        }

        private void bindPeriod(PreparedStatement ps) throws SQLException {
            ps.setLong(1, caseId);
            ps.setLong(2, fromUtc);
            ps.setLong(3, toUtc);
        }

        private int monthIndex(LocalDate day) {
            return (int) ChronoUnit.MONTHS.between(firstMonth, java.time.YearMonth.from(day));
        }

        private int weekIndex(LocalDate day) {
            return (int) (ChronoUnit.DAYS.between(firstMonday, day) / 7);
        }

        /** The longest run of days with no contact; the edges of the period count as its ends. */
        private ConductSummary.Gap longestGap() {
            int bestStart = -1;
            int bestLength = 0;
            int offset = 0;
            while (offset < days) {
                int nextContact = contactDays.nextSetBit(offset);
                int runEnd = nextContact < 0 || nextContact > days ? days : nextContact;
                if (runEnd - offset > bestLength) {
                    bestLength = runEnd - offset;
                    bestStart = offset;
                }
                offset = runEnd + 1;
            }
            if (bestLength == 0) {
                return new ConductSummary.Gap(null, null, 0);
            }
            LocalDate after = bestStart == 0 ? null : from.plusDays(bestStart - 1L);
            LocalDate before = bestStart + bestLength >= days ? null : from.plusDays(bestStart + (long) bestLength);
            return new ConductSummary.Gap(after, before, bestLength);
        }

        private ConductSummary.Escalation escalation(boolean perpetrator) {
            int n = weekCounts.length;
            double slope = 0;
            if (n >= 2) {
                double meanX = (n - 1) / 2.0;
                double meanY = 0;
                for (long y : weekCounts) {
                    meanY += y;
                }
                meanY /= n;
                double num = 0;
                double den = 0;
                for (int x = 0; x < n; x++) {
                    num += (x - meanX) * (weekCounts[x] - meanY);
                    den += (x - meanX) * (x - meanX);
                }
                slope = num / den;
            }
            long total = incidents + messages + calls;
            String direction;
            if (total < MIN_CONTACTS_FOR_TREND || n < MIN_WEEKS_FOR_TREND) {
                direction = "too little data";
            } else if (slope > 0 && secondHalf > firstHalf) {
                direction = "rising";
            } else if (slope < 0 && secondHalf < firstHalf) {
                direction = "falling";
            } else {
                direction = "steady";
            }
            String severeTags = String.join(", ", EnumSet.allOf(BehaviourTag.class).stream()
                    .filter(BehaviourTag::severe).map(BehaviourTag::code).toList());
            String severeTypes = String.join(", ", SEVERE_TYPES.stream().map(IncidentType::code).toList());
            String method = Contacts.definition(perpetrator)
                    + " Days, hours and weeks are in the case's time zone (" + zone.getId() + "); a contact whose"
                    + " time is approximate (a day written without a time) counts in its day and week but not in"
                    + " the hours of the day."
                    + " The trend is the slope of a least-squares straight line through the contacts of each of the "
                    + n + " ISO weeks the period touches (the first and last week may be partial), in contacts per"
                    + " week, per week. The first half is the first " + firstHalfDays + " of the period's " + days
                    + " days, the second half the other " + (days - firstHalfDays) + "."
                    + " The direction is \"rising\" when the slope is above zero and the second half has more"
                    + " contacts than the first, \"falling\" when the slope is below zero and the second half has"
                    + " fewer, \"steady\" otherwise, and \"too little data\" with fewer than " + MIN_CONTACTS_FOR_TREND
                    + " contacts or " + MIN_WEEKS_FOR_TREND + " weeks."
                    + " Severe items are those tagged " + severeTags + ", and incidents recorded as " + severeTypes
                    + "; they are counted by half the same way. These are counts, not a risk assessment.";
            return new ConductSummary.Escalation(direction, slope, firstHalf, secondHalf, severeFirstHalf,
                    severeSecondHalf, method);
        }

        private List<ConductSummary.OrderFigures> orderFigures() throws SQLException {
            List<ConductSummary.OrderFigures> out = new ArrayList<>();
            for (int i = 0; i < orders.size(); i++) {
                CourtOrder o = orders.get(i);
                Map<Long, OrderCondition> conditions = new HashMap<>();
                o.conditions().forEach(k -> conditions.put(k.id(), k));
                List<ConductSummary.Breach> breaches = new ArrayList<>();
                List<ConductSummary.Breach> beforeService = new ArrayList<>();
                for (BreachDecision d : OrderService.breaches(c, o.id())) {
                    if (d.status() != BreachStatus.CONFIRMED) {
                        continue;
                    }
                    long[] at = itemTime(d.itemId());
                    if (at[0] >= fromUtc && at[0] < toUtc) {
                        ConductSummary.Breach breach = new ConductSummary.Breach(d.itemId(), Instant.ofEpochMilli(at[0]),
                                d.condition(), describe(d.itemId()));
                        (day(at[0], zone).isBefore(o.bindsFrom()) ? beforeService : breaches).add(breach);
                    }
                }
                out.add(new ConductSummary.OrderFigures(o.id(), o.kind().code(), o.issuer(), o.reference(),
                        o.made(), o.expires(), o.conditions().stream().map(OrderCondition::text).toList(),
                        duringOrder[i], breaches, o.served(), o.servedHow(), o.bindsFrom(), o.documentItemId(),
                        beforeService));
            }
            return List.copyOf(out);
        }

        private long[] itemTime(long itemId) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT at_utc FROM item WHERE id = ?")) {
                ps.setLong(1, itemId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new long[] {rs.getLong(1)};
                }
            }
        }

        /** What a breach was, in words that carry no evidence content: "whatsapp message", "incident: threat". */
        /** "Text (SMS) message: “I know you moved…”": what the item is, and its first words so a reader can place it. */
        private String describe(long itemId) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT i.kind, i.type, cv.channel, i.text FROM item i
                    LEFT JOIN conversation cv ON cv.id = i.conversation_id WHERE i.id = ?""")) {
                ps.setLong(1, itemId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    ItemKind kind = ItemKind.fromCode(rs.getString(1));
                    String what;
                    if (kind == ItemKind.INCIDENT) {
                        what = "Diary: " + IncidentType.fromCode(rs.getString(2)).label().toLowerCase(java.util.Locale.ROOT);
                    } else {
                        String channel = rs.getString(3) != null ? rs.getString(3) : rs.getString(2);
                        what = (channel == null ? "" : Channels.label(channel) + " ") + kind.code();
                    }
                    String words = firstWords(rs.getString(4) == null ? null : redaction.apply(rs.getString(4)));
                    return words.isEmpty() ? what : what + ": \u201c" + words + "\u201d";
                }
            }
        }

        private static String firstWords(String text) {
            if (text == null) {
                return "";
            }
            String line = text.strip().replaceAll("\\s+", " ");
            if (line.length() <= QUOTE_CHARS) {
                return line;
            }
            int cut = line.lastIndexOf(' ', QUOTE_CHARS);
            return line.substring(0, cut > QUOTE_CHARS / 2 ? cut : QUOTE_CHARS) + "\u2026";
        }

        private List<ConductSummary.ReportFigures> reports() throws SQLException {
            List<ConductSummary.ReportFigures> out = new ArrayList<>();
            for (Report r : ReportService.list(c, caseId)) {
                LocalDate day = r.at().withZoneSameInstant(zone).toLocalDate();
                if (asked(day)) {
                    out.add(new ConductSummary.ReportFigures(r.id(), day, r.recipientKind().code(), r.recipient(),
                            r.reference(), r.contact(), r.outcome(), r.incidentIds().size(), r.collar()));
                }
            }
            return List.copyOf(out);
        }

        private boolean asked(LocalDate day) {
            return (askedFrom == null || !day.isBefore(askedFrom)) && (askedTo == null || !day.isAfter(askedTo));
        }

        private List<ConductSummary.ImpactFigures> impacts() throws SQLException {
            List<ConductSummary.ImpactFigures> out = new ArrayList<>();
            for (ImpactEntry e : ImpactService.list(c, caseId)) {
                if (asked(e.date())) {
                    out.add(new ConductSummary.ImpactFigures(e.id(), e.date(), e.kind().code(), e.text()));
                }
            }
            return List.copyOf(out);
        }
    }

    /** {@code 2024-W01}: the ISO week-based year and week of a Monday. */
    static String isoWeek(LocalDate monday) {
        return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Largest first, then by name, so the order is the same on every run. */
    private static Map<String, Long> sorted(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return java.util.Collections.unmodifiableMap(out);
    }

    private static ConductSummary withNarrative(ConductSummary s, List<String> narrative,
                                                ConductSummary.EscalationView view) {
        return new ConductSummary(s.from(), s.to(), s.zone(), s.incidents(), s.messages(), s.calls(), s.first(),
                s.last(), s.firstApproximate(), s.lastApproximate(), s.byChannel(), s.byType(), s.byTag(), s.perWeek(), s.perMonth(), s.byHour(), s.byHourLeftOut(),
                s.byDayOfWeek(), s.longestGapDays(), s.longestGap(), s.escalation(), s.orders(), s.reports(), s.impacts(),
                List.copyOf(narrative), view);
    }
}
