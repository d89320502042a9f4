package org.casebook.conduct;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.casebook.evidence.Plural;
import org.casebook.evidence.TimeWords;
import org.casebook.model.When;

/** A few plain sentences describing the figures, for the summary page and the app. */
final class Narrative {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    private Narrative() {
    }

    static List<String> of(ConductSummary s) {
        List<String> out = new ArrayList<>();
        long total = s.incidents() + s.messages() + s.calls();
        String period = "Between " + DAY.format(s.from()) + " and " + DAY.format(s.to());
        if (total == 0) {
            out.add(period + " there were no contacts or incidents recorded.");
        } else {
            out.add(period + " there " + (total == 1 ? "was 1 contact or incident" : "were " + total
                    + " contacts and incidents") + " on " + Plural.of(Channels.byLabel(s.byChannel()).size(), "channel") + " ("
                    + channels(s.byChannel()) + "), that is " + Plural.of(s.incidents(), "diary incident") + ", "
                    + Plural.of(s.messages(), "message") + " and " + Plural.of(s.calls(), "call") + ".");
            When first = new When(s.first().atZone(s.zone()), null, s.firstApproximate());
            When last = new When(s.last().atZone(s.zone()), null, s.lastApproximate());
            out.add("The first was on " + DAY.format(first.at()) + " at " + TimeWords.clockInWords(first, s.zone())
                    + " and the most recent on " + DAY.format(last.at()) + " at "
                    + TimeWords.clockInWords(last, s.zone()) + ".");
            ConductSummary.WeekCount busiest = s.perWeek().stream()
                    .max((a, b) -> Long.compare(a.count(), b.count())).orElseThrow();
            out.add("The busiest week was the week of " + DAY.format(busiest.monday()) + ", with "
                    + busiest.count() + ".");
        }
        if (s.longestGap() != null && s.longestGapDays() > 0 && total > 0) {
            out.add("The longest quiet period was " + Plural.of(s.longestGapDays(), "day") + gapWords(s.longestGap()) + ".");
        }
        ConductSummary.Escalation e = s.escalation();
        ConductSummary.EscalationView view = s.escalationView();
        if (view != null && view.headline() != null) {
            // the change in kind, with what it came after, says more than a rising or falling count
            if (view.changes().isEmpty()) {
                out.add(view.headline());
            } else {
                view.changes().forEach(change -> out.add(change.sentence()));
                out.add("There were " + e.secondHalf() + " contacts and incidents in the second half of the period"
                        + " against " + e.firstHalf() + " in the first.");
            }
        } else if (!"too little data".equals(e.direction())) {
            out.add("There were " + e.secondHalf() + " in the second half of the period against " + e.firstHalf()
                    + " in the first (" + e.direction() + ")" + (e.severeFirstHalf() + e.severeSecondHalf() > 0
                    ? "; items marked as severe went from " + e.severeFirstHalf() + " to " + e.severeSecondHalf()
                    : "") + ".");
        }
        for (ConductSummary.OrderFigures o : s.orders()) {
            if (o.contactsDuringOrder() > 0 || !o.breaches().isEmpty()) {
                out.add(Plural.of(o.contactsDuringOrder(), "contact") + " came while the " + o.kind().replace('-', ' ')
                        + (o.reference() == null ? "" : " " + o.reference()) + " was in force"
                        + (o.served() == null ? "" : " after it was served") + "; "
                        + Plural.of(o.breaches().size(), "breach") + " confirmed.");
            }
        }
        if (!s.reports().isEmpty() || !s.impacts().isEmpty()) {
            out.add(Plural.of(s.reports().size(), "report") + " made and " + Plural.of(s.impacts().size(), "impact entry")
                    + " recorded in the period.");
        }
        return out;
    }

    private static String gapWords(ConductSummary.Gap gap) {
        if (gap.after() != null && gap.before() != null) {
            return ", between " + DAY.format(gap.after()) + " and " + DAY.format(gap.before());
        }
        if (gap.before() != null) {
            return ", from the start of the period to " + DAY.format(gap.before());
        }
        if (gap.after() != null) {
            return ", after " + DAY.format(gap.after()) + " to the end of the period";
        }
        return "";
    }

    private static String channels(Map<String, Long> byChannel) {
        List<String> parts = new ArrayList<>();
        Channels.byLabel(byChannel).forEach((k, v) -> parts.add(k + ": " + v));
        return String.join(", ", parts);
    }

    static String day(LocalDate d) {
        return DAY.format(d);
    }
}
