package org.casebook.bundle;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.casebook.conduct.ConductSummary;

/**
 * The days a bundle covers, for its cover: the period asked for, and where none was asked, the first and last day
 * of anything it includes (diary entries, every exhibit and every file sent in one, messages, contacts, the days
 * orders were made and served and reports made), not only of the contacts the conduct summary counts.
 */
final class CoveredPeriod {
    private LocalDate first;
    private LocalDate last;
    private final ZoneId zone;

    private CoveredPeriod(ZoneId zone) {
        this.zone = zone;
    }

    static String of(BundleContent content) {
        CoveredPeriod p = new CoveredPeriod(content.aCase().zone());
        content.incidents().forEach(i -> p.add(i.when().at()));
        for (ExhibitItem e : content.originals()) {
            p.add(e.at());
            p.add(e.until());
            e.messages().forEach(m -> p.add(m.when().at()));
        }
        ConductSummary summary = content.summary();
        p.add(summary.first() == null ? null : summary.first().atZone(p.zone));
        p.add(summary.last() == null ? null : summary.last().atZone(p.zone));
        // the orders and reports the summary and chronology show, with the days they were made, served or sent
        for (ConductSummary.OrderFigures order : summary.orders() == null ? List.<ConductSummary.OrderFigures>of()
                : summary.orders()) {
            p.add(order.made());
            p.add(order.served());
        }
        BundleOptions o = content.options();
        for (LocalDate report : content.legal().reportDays()) {
            // the statement tells of every report in the bundle's period
            if ((o.from() == null || !report.isBefore(o.from())) && (o.to() == null || !report.isAfter(o.to()))) {
                p.add(report);
            }
        }
        LocalDate from = o.from() != null ? o.from() : p.first;
        LocalDate to = o.to() != null ? o.to() : p.last;
        if (from == null && to == null) {
            return "nothing is recorded yet";
        }
        return Dates.period(from, to);
    }

    private void add(ZonedDateTime at) {
        if (at != null) {
            add(at.withZoneSameInstant(zone).toLocalDate());
        }
    }

    private void add(LocalDate day) {
        if (day == null) {
            return;
        }
        first = first == null || day.isBefore(first) ? day : first;
        last = last == null || day.isAfter(last) ? day : last;
    }
}
