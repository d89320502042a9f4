package org.casebook.bundle;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The days a bundle covers, for its cover: the period asked for, and where none was asked, the first and last day
 * of anything it includes (diary entries, every exhibit and every file sent in one, messages, contacts), not only
 * of the contacts the conduct summary counts.
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
        p.add(content.summary().first() == null ? null : content.summary().first().atZone(p.zone));
        p.add(content.summary().last() == null ? null : content.summary().last().atZone(p.zone));
        BundleOptions o = content.options();
        LocalDate from = o.from() != null ? o.from() : p.first;
        LocalDate to = o.to() != null ? o.to() : p.last;
        if (from == null && to == null) {
            return "nothing is recorded yet";
        }
        return Dates.period(from, to);
    }

    private void add(ZonedDateTime at) {
        if (at == null) {
            return;
        }
        LocalDate day = at.withZoneSameInstant(zone).toLocalDate();
        first = first == null || day.isBefore(first) ? day : first;
        last = last == null || day.isAfter(last) ? day : last;
    }
}
