package org.casebook.conduct;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.TimelineService;
import org.casebook.model.ItemKind;
import org.casebook.vault.Vault;

/**
 * The course-of-conduct figures. Temporary stand-in (counts, first/last, per week, per hour from the
 * timeline only); the conduct package's real implementation replaces it at merge.
 */
public final class ConductFigures {
    private final Vault vault;

    public ConductFigures(Vault vault) {
        this.vault = vault;
    }

    public ConductSummary summarise(long caseId, LocalDate from, LocalDate to) {
        ZoneId zone = new CaseService(vault).get(caseId).zone();
        long[] counts = new long[3];
        Instant[] firstLast = new Instant[2];
        Map<LocalDate, Long> weeks = new LinkedHashMap<>();
        Map<String, Long> byType = new LinkedHashMap<>();
        long[] byHour = new long[24];
        long[] byDay = new long[7];
        LocalDate[] range = {from, to};
        new TimelineService(vault).timeline(caseId).forEach(item -> {
            LocalDate day = item.when().at().withZoneSameInstant(zone).toLocalDate();
            if (from != null && day.isBefore(from) || to != null && day.isAfter(to)
                    || item.kind() == ItemKind.ATTACHMENT || item.kind() == ItemKind.CAPTURE) {
                return;
            }
            switch (item.kind()) {
                case INCIDENT -> {
                    counts[0]++;
                    byType.merge(item.type(), 1L, Long::sum);
                }
                case MESSAGE -> counts[1]++;
                default -> counts[2]++;
            }
            Instant at = item.when().at().toInstant();
            firstLast[0] = firstLast[0] == null || at.isBefore(firstLast[0]) ? at : firstLast[0];
            firstLast[1] = firstLast[1] == null || at.isAfter(firstLast[1]) ? at : firstLast[1];
            weeks.merge(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), 1L, Long::sum);
            byHour[item.when().at().withZoneSameInstant(zone).getHour()]++;
            byDay[day.getDayOfWeek().getValue() - 1]++;
            range[0] = range[0] == null || day.isBefore(range[0]) ? day : range[0];
            range[1] = range[1] == null || day.isAfter(range[1]) ? day : range[1];
        });
        List<ConductSummary.WeekCount> perWeek = new ArrayList<>();
        if (range[0] != null && range[1] != null) {
            for (LocalDate monday = range[0].with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                 !monday.isAfter(range[1]); monday = monday.plusWeeks(1)) {
                String week = monday.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                        + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                perWeek.add(new ConductSummary.WeekCount(week, monday, weeks.getOrDefault(monday, 0L), 0));
            }
        }
        Map<String, Long> byChannel = new LinkedHashMap<>();
        byChannel.put("diary", counts[0]);
        byChannel.put("messages", counts[1]);
        byChannel.put("calls", counts[2]);
        return new ConductSummary(range[0], range[1], zone, counts[0], counts[1], counts[2], firstLast[0],
                firstLast[1], byChannel, byType, Map.of(), perWeek, byHour, byDay, 0, null, null, List.of(),
                List.of(), List.of(), List.of());
    }
}
