package org.casebook.conduct;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.casebook.evidence.Plural;
import org.casebook.model.BehaviourTag;
import org.casebook.model.ImpactEntry;
import org.casebook.model.ImpactKind;
import org.casebook.model.IncidentType;
import org.casebook.model.Screening;
import org.casebook.model.SignAnswer;
import org.casebook.model.WarningSign;
import org.casebook.model.WarningSignAnswer;
import org.casebook.vault.Vault;

/**
 * The warning signs of a case for one period: for each, the items that show it (tagged with one of its behaviour
 * tags, or diary entries of one of its types), counted, with visits and loitering per week; the escalation view's
 * changes in kind; fear from the impact log; and the witness's own answer. With the screenings recorded.
 */
public final class WarningSigns {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK);

    private final Vault vault;

    public WarningSigns(Vault vault) {
        this.vault = vault;
    }

    /**
     * One sign as the case shows it.
     *
     * @param count    how many items (or changes in kind, or impact entries for fear) show it in the period
     * @param evidence what the evidence shows, in words, or null when it cannot show this sign
     * @param itemIds  the items that show it, oldest first
     * @param answer   the witness's answer, or null when she has not answered
     */
    public record Finding(WarningSign sign, long count, String evidence, List<Long> itemIds, WarningSignAnswer answer) {
        public Finding {
            itemIds = List.copyOf(itemIds);
        }

        /** Shown by the evidence or answered yes by the witness. */
        public boolean shown() {
            return count > 0 || answer != null && answer.answer() == SignAnswer.YES;
        }
    }

    /** Every sign, in {@link WarningSign} order, and the screenings run with other tools. */
    public record Assessment(LocalDate from, LocalDate to, List<Finding> findings, List<Screening> screenings) {
        public Assessment {
            findings = List.copyOf(findings);
            screenings = List.copyOf(screenings);
        }

        public long shownCount() {
            return findings.stream().filter(Finding::shown).count();
        }
    }

    /** The signs over the period of {@code summary} (which gives the escalation view and the case's zone). */
    public Assessment assess(long caseId, ConductSummary summary) {
        return vault.read(c -> assess(c, caseId, summary));
    }

    static Assessment assess(Connection c, long caseId, ConductSummary s) throws SQLException {
        Map<WarningSign, WarningSignAnswer> answers = new EnumMap<>(WarningSign.class);
        for (WarningSignAnswer a : ScreeningService.answers(c, caseId)) {
            answers.put(a.sign(), a);
        }
        List<Finding> out = new ArrayList<>();
        for (WarningSign sign : WarningSign.values()) {
            WarningSignAnswer answer = answers.get(sign);
            out.add(switch (sign) {
                case ESCALATION -> escalation(s, answer);
                case FEAR -> fear(c, caseId, s, answer);
                case PREVIOUS_STALKING -> new Finding(sign, 0, null, List.of(), answer);
                default -> counted(c, caseId, s, sign, answer);
            });
        }
        return new Assessment(s.from(), s.to(), out, ScreeningService.list(c, caseId));
    }

    private static Finding escalation(ConductSummary s, WarningSignAnswer answer) {
        ConductSummary.EscalationView v = s.escalationView();
        List<Long> items = v.changes().stream().map(ConductSummary.KindChange::firstItemId).toList();
        List<String> words = new ArrayList<>(v.changes().stream().map(ConductSummary.KindChange::sentence).toList());
        ConductSummary.Escalation e = s.escalation();
        boolean severeRose = e != null && e.severeSecondHalf() > e.severeFirstHalf();
        if (severeRose) {
            words.add("Items with a serious tag or type went from " + e.severeFirstHalf() + " in the first half of the"
                    + " period to " + e.severeSecondHalf() + " in the second.");
        }
        if (words.isEmpty()) {
            words.add("No more serious kind of conduct began in the period, and serious items did not increase.");
        }
        return new Finding(WarningSign.ESCALATION, v.changes().size() + (severeRose ? 1 : 0), String.join(" ", words),
                items, answer);
    }

    private static Finding fear(Connection c, long caseId, ConductSummary s, WarningSignAnswer answer)
            throws SQLException {
        List<Long> items = new ArrayList<>();
        long entries = 0;
        for (ImpactEntry e : ImpactService.list(c, caseId)) {
            if (e.kind() == ImpactKind.FEAR_OF_VIOLENCE && !e.date().isBefore(s.from()) && !e.date().isAfter(s.to())) {
                entries++;
                e.itemIds().stream().filter(id -> !items.contains(id)).forEach(items::add);
            }
        }
        String evidence = entries == 0 ? "No impact entry records fear of violence in the period."
                : Plural.of(entries, "impact entry", "impact entries") + " in the period record fear of violence"
                + (items.isEmpty() ? "." : ", linked to " + Plural.of(items.size(), "item") + ".");
        return new Finding(WarningSign.FEAR, entries, evidence, items, answer);
    }

    /** Items tagged with one of the sign's tags, or diary entries of one of its types, in the period. */
    private static Finding counted(Connection c, long caseId, ConductSummary s, WarningSign sign,
                                   WarningSignAnswer answer) throws SQLException {
        ZoneId zone = s.zone();
        long fromUtc = s.from().atStartOfDay(zone).toInstant().toEpochMilli();
        long toUtc = s.to().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        String tags = sign.tags().stream().map(BehaviourTag::code).map(t -> "'" + t + "'").reduce((a, b) -> a + "," + b)
                .orElse("''");
        String types = sign.types().stream().map(IncidentType::code).map(t -> "'" + t + "'")
                .reduce((a, b) -> a + "," + b).orElse("''");
        Map<Long, LocalDate> items = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT i.id, i.at_utc FROM item i WHERE i.case_id = ?"
                + " AND i.at_utc >= ? AND i.at_utc < ? AND ((i.kind = 'incident' AND i.type IN (" + types + "))"
                + " OR EXISTS (SELECT 1 FROM item_tag t WHERE t.item_id = i.id AND t.tag IN (" + tags + ")))"
                + " ORDER BY i.at_utc, i.id")) {
            ps.setLong(1, caseId);
            ps.setLong(2, fromUtc);
            ps.setLong(3, toUtc);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.put(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)).atZone(zone).toLocalDate());
                }
            }
        }
        if (items.isEmpty()) {
            return new Finding(sign, 0, "Nothing in the period is tagged or recorded as this.", List.of(), answer);
        }
        List<LocalDate> days = List.copyOf(items.values());
        String evidence = Plural.of(days.size(), "item") + ", the first on " + DAY.format(days.get(0))
                + (days.size() == 1 ? "" : ", the most recent on " + DAY.format(days.get(days.size() - 1))) + ".";
        if (sign == WarningSign.VISITS || sign == WarningSign.LOITERING) {
            evidence += " " + perWeek(days, s.from(), s.to());
        }
        return new Finding(sign, days.size(), evidence, List.copyOf(items.keySet()), answer);
    }

    /** "In 3 of the 9 weeks; at most 2 in one week (the week of 6 May 2024); 0.4 a week over the period." */
    static String perWeek(List<LocalDate> days, LocalDate from, LocalDate to) {
        TreeMap<LocalDate, Integer> weeks = new TreeMap<>();
        for (LocalDate d : days) {
            weeks.merge(d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), 1, Integer::sum);
        }
        LocalDate firstMonday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        long periodWeeks = ChronoUnit.DAYS.between(firstMonday, to) / 7 + 1;
        Map.Entry<LocalDate, Integer> busiest = weeks.entrySet().stream()
                .max(Map.Entry.<LocalDate, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .orElseThrow();
        return String.format(Locale.UK, "In %d of the %d weeks; at most %d in one week (the week of %s); %.1f a week"
                + " over the period.", weeks.size(), periodWeeks, busiest.getValue(), DAY.format(busiest.getKey()),
                days.size() / (double) periodWeeks);
    }
}
