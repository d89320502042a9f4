package org.casebook.cli;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casebook.conduct.Channels;
import org.casebook.conduct.ConductFigures;
import org.casebook.conduct.ConductLevel;
import org.casebook.conduct.ConductSummary;
import org.casebook.evidence.Plural;
import org.casebook.model.Case;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code casebook summary}: the course-of-conduct figures for a case and period. */
@Command(name = "summary", mixinStandardHelpOptions = true, header = "The course-of-conduct figures of a case.",
        description = "Counts of contacts and incidents by channel, type, tag, week, hour and day; the longest quiet "
                + "period; the trend; orders and confirmed breaches; reports and impact. Days are the case's time zone's.")
final class SummaryCommand extends VaultCommand {
    @Option(names = "--case", required = true, paramLabel = "ID", description = "The case's id or exact title.")
    String caseKey;

    @Mixin
    ContactPeriodOptions period;

    @Option(names = "--json", description = "One JSON object.")
    boolean json;

    @Override
    int run(Vault vault, CliContext ctx) {
        ConductOptions.Period days = period.period();
        Case aCase = findCase(vault, caseKey);
        ConductSummary s = new ConductFigures(vault).summarise(aCase.id(), days.from(), days.to());
        if (json) {
            JsonLines.write(ctx.out(), toJson(s));
        } else {
            print(s, ctx);
        }
        return ExitCodes.OK;
    }

    static Map<String, Object> toJson(ConductSummary s) {
        ZoneId zone = s.zone();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("from", s.from().toString());
        o.put("to", s.to().toString());
        o.put("zone", zone.getId());
        o.put("incidents", s.incidents());
        o.put("messages", s.messages());
        o.put("calls", s.calls());
        o.put("first", Formats.iso(s.first(), zone));
        o.put("last", Formats.iso(s.last(), zone));
        o.put("first_approximate", s.firstApproximate());
        o.put("last_approximate", s.lastApproximate());
        o.put("by_channel", s.byChannel());
        o.put("by_type", s.byType());
        o.put("by_tag", s.byTag());
        List<Map<String, Object>> weeks = new ArrayList<>();
        for (ConductSummary.WeekCount w : s.perWeek()) {
            Map<String, Object> week = new LinkedHashMap<>();
            week.put("week", w.week());
            week.put("monday", w.monday().toString());
            week.put("count", w.count());
            week.put("severe", w.severe());
            weeks.add(week);
        }
        o.put("per_week", weeks);
        List<Map<String, Object>> months = new ArrayList<>();
        for (ConductSummary.MonthCount m : s.perMonth()) {
            Map<String, Object> month = new LinkedHashMap<>();
            month.put("month", m.month().toString());
            month.put("count", m.count());
            month.put("severe", m.severe());
            months.add(month);
        }
        o.put("per_month", months);
        o.put("by_hour", s.byHour());
        o.put("by_hour_left_out", s.byHourLeftOut());
        o.put("by_day_of_week", s.byDayOfWeek());
        o.put("longest_gap_days", s.longestGapDays());
        Map<String, Object> gap = new LinkedHashMap<>();
        gap.put("after", s.longestGap().after() == null ? null : s.longestGap().after().toString());
        gap.put("before", s.longestGap().before() == null ? null : s.longestGap().before().toString());
        gap.put("days", s.longestGap().days());
        o.put("longest_gap", gap);
        ConductSummary.Escalation e = s.escalation();
        Map<String, Object> esc = new LinkedHashMap<>();
        esc.put("direction", e.direction());
        esc.put("per_week_slope", e.perWeekSlope());
        esc.put("first_half", e.firstHalf());
        esc.put("second_half", e.secondHalf());
        esc.put("severe_first_half", e.severeFirstHalf());
        esc.put("severe_second_half", e.severeSecondHalf());
        esc.put("method", e.method());
        o.put("escalation", esc);
        List<Map<String, Object>> orders = new ArrayList<>();
        for (ConductSummary.OrderFigures f : s.orders()) {
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("id", f.id());
            order.put("kind", f.kind());
            order.put("issuer", f.issuer());
            order.put("reference", f.reference());
            order.put("made", f.made().toString());
            order.put("expires", f.expires() == null ? null : f.expires().toString());
            order.put("served", f.served() == null ? null : f.served().toString());
            order.put("served_how", f.servedHow());
            order.put("binds_from", f.bindsFrom().toString());
            order.put("document", f.documentItemId());
            order.put("conditions", f.conditions());
            order.put("contacts_during_order", f.contactsDuringOrder());
            order.put("breaches", breachesJson(f.breaches(), zone));
            order.put("breaches_before_service", breachesJson(f.beforeService(), zone));
            orders.add(order);
        }
        o.put("orders", orders);
        o.put("reports", s.reports().size());
        List<Map<String, Object>> reports = new ArrayList<>();
        for (ConductSummary.ReportFigures r : s.reports()) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("id", r.id());
            report.put("date", r.date().toString());
            report.put("recipient_kind", r.recipientKind());
            report.put("recipient", r.recipient());
            report.put("reference", r.reference());
            report.put("contact", r.contact());
            report.put("collar", r.collar());
            report.put("outcome", r.outcome());
            report.put("linked_incidents", r.linkedIncidents());
            reports.add(report);
        }
        o.put("report_list", reports);
        List<Map<String, Object>> impacts = new ArrayList<>();
        for (ConductSummary.ImpactFigures i : s.impacts()) {
            Map<String, Object> impact = new LinkedHashMap<>();
            impact.put("id", i.id());
            impact.put("date", i.date().toString());
            impact.put("kind", i.kind());
            impact.put("text", i.text());
            impacts.add(impact);
        }
        o.put("impacts", impacts);
        o.put("narrative", s.narrative());
        o.put("escalation_view", escalationViewJson(s.escalationView()));
        return o;
    }

    /** Severity over time, the milestones and the changes in kind (see {@link ConductSummary.EscalationView}). */
    private static Map<String, Object> escalationViewJson(ConductSummary.EscalationView v) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("headline", v.headline());
        o.put("most_serious_lately", v.mostSeriousLately() == null ? null : v.mostSeriousLately().code());
        o.put("bucket", v.bucket());
        List<Map<String, Object>> buckets = new ArrayList<>();
        for (ConductSummary.SeverityBucket b : v.buckets()) {
            Map<String, Object> bucket = new LinkedHashMap<>();
            bucket.put("start", b.start().toString());
            bucket.put("end", b.end().toString());
            Map<String, Object> counts = new LinkedHashMap<>();
            for (ConductLevel level : ConductLevel.values()) {
                counts.put(level.code(), b.byLevel()[level.ordinal()]);
            }
            bucket.put("by_kind", counts);
            bucket.put("most_serious", b.mostSerious() == null ? null : b.mostSerious().code());
            buckets.add(bucket);
        }
        o.put("buckets", buckets);
        List<Map<String, Object>> levels = new ArrayList<>();
        for (ConductSummary.LevelFigures l : v.levels()) {
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("kind", l.level().code());
            level.put("label", l.level().label());
            level.put("count", l.count());
            level.put("first", l.first().toString());
            level.put("last", l.last().toString());
            level.put("first_item", l.firstItemId());
            levels.add(level);
        }
        o.put("kinds", levels);
        List<Map<String, Object>> milestones = new ArrayList<>();
        for (ConductSummary.Milestone m : v.milestones()) {
            milestones.add(milestoneJson(m));
        }
        o.put("milestones", milestones);
        List<Map<String, Object>> changes = new ArrayList<>();
        for (ConductSummary.KindChange c : v.changes()) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("kind", c.level().code());
            change.put("began", c.began().toString());
            change.put("first_item", c.firstItemId());
            change.put("count", c.count());
            change.put("after", c.after() == null ? null : milestoneJson(c.after()));
            change.put("sentence", c.sentence());
            changes.add(change);
        }
        o.put("changes_in_kind", changes);
        o.put("method", v.method());
        return o;
    }

    private static Map<String, Object> milestoneJson(ConductSummary.Milestone m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("date", m.date().toString());
        o.put("kind", m.kind());
        o.put("text", m.text());
        return o;
    }

    private static void print(ConductSummary s, CliContext ctx) {
        var out = ctx.out();
        for (String sentence : s.narrative()) {
            out.println(sentence);
        }
        out.println();
        out.printf("Period      %s to %s (%s)%n", s.from(), s.to(), s.zone().getId());
        out.println("Counts      " + Plural.of(s.incidents(), "incident") + ", " + Plural.of(s.messages(), "message")
                + ", " + Plural.of(s.calls(), "call"));
        out.println("Channels    " + counts(Channels.byLabel(s.byChannel())));
        out.println("Types       " + counts(s.byType()));
        out.println("Tags        " + counts(s.byTag()));
        out.println("Longest gap " + Plural.of(s.longestGapDays(), "day"));
        if (s.escalationView().headline() != null) {
            out.println("Kind        " + s.escalationView().headline());
        }
        out.println("Trend       " + s.escalation().direction() + String.format(" (slope %.2f per week; halves %d / %d)",
                s.escalation().perWeekSlope(), s.escalation().firstHalf(), s.escalation().secondHalf()));
        out.println("Per week");
        for (ConductSummary.WeekCount w : s.perWeek()) {
            out.printf("  %s %5d %s%n", w.week(), w.count(), "#".repeat((int) Math.min(60, w.count())));
        }
        StringBuilder hours = new StringBuilder();
        for (int h = 0; h < 24; h++) {
            hours.append(String.format("%02d:%d ", h, s.byHour()[h]));
        }
        out.println("By hour     " + hours.toString().strip() + (s.byHourLeftOut() == 0 ? ""
                : " (" + s.byHourLeftOut() + " with no exact time left out)"));
        for (ConductSummary.OrderFigures o : s.orders()) {
            out.printf("Order %d     %s %s, %s to %s: %s during it, %s%n", o.id(), o.kind(),
                    o.reference() == null ? "" : o.reference(), o.made(), o.expires() == null ? "further order" : o.expires(),
                    Plural.of(o.contactsDuringOrder(), "contact"), Plural.of(o.breaches().size(), "confirmed breach"));
        }
        out.println("Reports     " + s.reports().size() + ", impact entries " + s.impacts().size());
        out.println();
        out.println("Method: " + s.escalation().method());
    }

    private static String counts(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(k + " " + v));
        return String.join(", ", parts);
    }

    private static List<Map<String, Object>> breachesJson(List<ConductSummary.Breach> list, java.time.ZoneId zone) {
        List<Map<String, Object>> breaches = new ArrayList<>();
        for (ConductSummary.Breach b : list) {
            Map<String, Object> breach = new LinkedHashMap<>();
            breach.put("item", b.itemId());
            breach.put("at", Formats.iso(b.at(), zone));
            breach.put("condition", b.condition());
            breach.put("summary", b.summary());
            breaches.add(breach);
        }
        return breaches;
    }
}
