package org.casebook.statement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.casebook.conduct.ConductFigures;
import org.casebook.conduct.ConductSummary;
import org.casebook.conduct.OrderService;
import org.casebook.conduct.ReportService;
import org.casebook.evidence.Attributions;
import org.casebook.evidence.CaseCovers;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.IncidentService;
import org.casebook.evidence.PersonService;
import org.casebook.evidence.Plural;
import org.casebook.evidence.TimeWords;
import org.casebook.evidence.TimelineService;
import org.casebook.model.Case;
import org.casebook.model.CourtOrder;
import org.casebook.model.Identifier;
import org.casebook.model.Incident;
import org.casebook.model.ItemKind;
import org.casebook.model.OrderCondition;
import org.casebook.model.Person;
import org.casebook.model.PersonRole;
import org.casebook.model.Report;
import org.casebook.vault.Vault;

/**
 * Drafts a witness statement from the case: who the witness is and who the statement is about, how they know each
 * other, then what happened in time order, in the first person, producing each exhibit by its mark where it belongs.
 * What the case cannot know (the witness's name, how they met) is left in square brackets for the witness to fill
 * in: a draft never invents a fact.
 */
public final class StatementDrafter {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.UK);
    static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private final Vault vault;

    public StatementDrafter(Vault vault) {
        this.vault = vault;
    }

    /** A draft's wording and the marks it produces, each with the item its exhibit is made from. */
    public record Draft(String text, Map<String, Long> exhibits) {
    }

    /** One thing that happened, placed in time, with the paragraph that tells it. */
    private record Event(Instant at, int order, String paragraph) {
    }

    /**
     * What a draft covers: the days (in the case's zone, both ends inclusive, null for open) and, when not null,
     * only these diary entries. A bundle of part of the case drafts over its own part.
     */
    public record Scope(LocalDate from, LocalDate to, java.util.Set<Long> incidentIds) {
        public static final Scope WHOLE_CASE = new Scope(null, null, null);

        boolean covers(LocalDate day) {
            return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
        }
    }

    public Draft draft(long caseId, StatementProfile profile, StatementDetails details, List<ExhibitRef> exhibits) {
        return draft(caseId, profile, details, exhibits, Scope.WHOLE_CASE);
    }

    public Draft draft(long caseId, StatementProfile profile, StatementDetails details, List<ExhibitRef> exhibits,
                       Scope scope) {
        Case aCase = new CaseService(vault).get(caseId);
        ZoneId zone = aCase.zone();
        List<Person> people = new PersonService(vault).list(caseId);
        Person subject = people.stream().filter(p -> p.role() == PersonRole.PERPETRATOR).findFirst().orElse(null);
        String them = subject == null ? "[the name of the person this statement is about]" : subject.name();
        String named = details.witness() != null ? details.witness() : new CaseCovers(vault).get(caseId).witness();
        String me = named == null ? "[your full name]" : named;

        List<String> out = new ArrayList<>();
        Map<String, Long> produced = new LinkedHashMap<>();
        StringBuilder intro = new StringBuilder("I am ").append(me);
        if (profile != StatementProfile.POLICE && details.occupation() != null) {
            intro.append(", ").append(details.occupation());
        }
        intro.append(".");
        if (profile != StatementProfile.POLICE && details.party() != null) {
            intro.append(" I am the ").append(details.party().toLowerCase(Locale.UK)).append(" in these proceedings.");
        }
        intro.append(" I make this statement about the behaviour of ").append(them).append(" towards me.");
        if (profile != StatementProfile.POLICE) {
            // CPR PD32 18.2 / FPR PD22A: say what is the witness's own knowledge and where the rest came from
            intro.append(" The facts in it are within my own knowledge unless I say otherwise; where I say what I"
                    + " was told, I say who told me.");
        }
        out.add(intro.toString());
        out.add(details.relationship() != null ? details.relationship()
                : "[Say how you know " + them + ", since when, and whether you were in a relationship and when it ended.]");
        if (subject != null && !subject.identifiers().isEmpty()) {
            // how the witness knows each is theirs, as she recorded it (person attribute / "Why theirs…")
            Map<String, String> bases = new HashMap<>();
            new Attributions(vault).forCase(caseId).stream().filter(p -> p.personId() == subject.id())
                    .flatMap(p -> p.identifiers().stream()).filter(a -> a.basis() != null)
                    .forEach(a -> bases.put(a.kind() + ":" + a.value(), a.basis().strip()));
            List<String> ids = new ArrayList<>();
            boolean everyBasis = true;
            for (Identifier id : subject.identifiers()) {
                String basis = bases.get(id.kind() + ":" + id.raw());
                everyBasis &= basis != null;
                ids.add(switch (id.kind()) {
                    case PHONE -> "the phone number " + id.raw();
                    case EMAIL -> "the e-mail address " + id.raw();
                    case HANDLE -> "the account " + id.raw();
                    case ADDRESS -> "the address " + id.raw();
                    case VEHICLE -> "the vehicle " + id.raw();
                } + (basis == null ? "" : " (" + basis + ")"));
            }
            out.add(them + " uses " + list(ids) + "." + (everyBasis ? ""
                    : " [Say how you know each of these is " + them + "'s.]"));
        }

        ExhibitRef diary = exhibits.stream().filter(e -> "diary".equals(e.kind())).findFirst().orElse(null);
        if (diary != null) {
            out.add("I kept a diary of what " + them + " did, writing each entry down at the time or soon after. I"
                    + " produce my diary entries as exhibit " + diary.mark() + ".");
            produced.put(diary.mark(), diary.itemId());
        }

        ConductSummary summary = new ConductFigures(vault).summarise(caseId, scope.from(), scope.to());
        Map<Long, List<String>> breachesByItem = new HashMap<>();
        for (ConductSummary.OrderFigures o : summary.orders()) {
            for (ConductSummary.Breach b : o.breaches()) {
                breachesByItem.computeIfAbsent(b.itemId(), k -> new ArrayList<>()).add(b.condition());
            }
        }

        List<Event> events = new ArrayList<>();
        for (CourtOrder o : new OrderService(vault).list(caseId)) {
            if (!scope.covers(o.made())) {
                continue;
            }
            events.add(new Event(o.made().atStartOfDay(zone).toInstant(), 0, order(o, them)));
        }
        Map<Long, List<ExhibitRef>> byIncident = new HashMap<>();
        List<ExhibitRef> standalone = new ArrayList<>();
        for (ExhibitRef e : exhibits) {
            if ("diary".equals(e.kind())) {
                continue;
            }
            if (e.incidentIds().isEmpty()) {
                standalone.add(e);
            } else {
                byIncident.computeIfAbsent(e.incidentIds().get(0), k -> new ArrayList<>()).add(e);
            }
        }
        IncidentService incidentService = new IncidentService(vault);
        List<Long> incidentIds = new ArrayList<>();
        new TimelineService(vault).forEach(caseId, item -> {
            if (item.kind() == ItemKind.INCIDENT && (scope.incidentIds() == null
                    ? scope.covers(TimeWords.day(item.when(), zone)) : scope.incidentIds().contains(item.id()))) {
                incidentIds.add(item.id());
            }
        });
        for (long id : incidentIds) {
            Incident i = incidentService.get(id);
            List<ExhibitRef> with = byIncident.getOrDefault(id, List.of());
            with.forEach(e -> produced.put(e.mark(), e.itemId()));
            events.add(new Event(i.when().at().toInstant(), 1, incident(i, zone, with,
                    breachesByItem.getOrDefault(id, List.of()))));
        }
        for (List<ExhibitRef> group : groups(standalone, zone)) {
            group.forEach(e -> produced.put(e.mark(), e.itemId()));
            events.add(new Event(group.get(0).at().toInstant(), 2, exhibits(group, zone, them)));
        }
        for (Report r : new ReportService(vault).list(caseId)) {
            if (!scope.covers(r.at().withZoneSameInstant(zone).toLocalDate())) {
                continue;
            }
            events.add(new Event(r.at().toInstant(), 3, report(r, zone)));
        }
        events.sort(Comparator.comparing(Event::at).thenComparingInt(Event::order));
        events.forEach(e -> out.add(e.paragraph()));

        long total = summary.incidents() + summary.messages() + summary.calls();
        if (total > 0 && summary.first() != null) {
            StringBuilder s = new StringBuilder("Between ").append(SHORT_DAY.format(summary.first().atZone(zone)))
                    .append(" and ").append(SHORT_DAY.format(summary.last().atZone(zone)))
                    .append(" my records hold ").append(Plural.of(summary.incidents(), "diary entry", "diary entries"))
                    .append(", ").append(Plural.of(summary.messages(), "message")).append(" and ")
                    .append(Plural.of(summary.calls(), "call")).append(".");
            for (ConductSummary.OrderFigures o : summary.orders()) {
                if (o.contactsDuringOrder() > 0) {
                    long n = o.contactsDuringOrder();
                    s.append(" ").append(n == 1 ? "One of them" : n + " of them").append(" came while the ")
                            .append(kindLabel(o.kind())).append(o.reference() == null ? "" : " " + o.reference())
                            .append(" was in force.");
                }
            }
            out.add(s.toString());
        }
        if (!summary.impacts().isEmpty()) {
            StringBuilder s = new StringBuilder("This has changed my life.");
            for (ConductSummary.ImpactFigures f : summary.impacts()) {
                s.append(" On ").append(SHORT_DAY.format(f.date())).append(": ").append(sentence(f.text()));
            }
            out.add(s.toString());
        }
        out.add("I prepared this statement from my own diary and the records I produce above, with the help of a"
                + " program (Casebook) that set them out in order. [Read every paragraph, correct anything that is"
                + " not exactly right, and put it into your own words before you sign.]");
        return new Draft(StatementText.join(out), produced);
    }

    private static String order(CourtOrder o, String them) {
        StringBuilder s = new StringBuilder("On ").append(DAY.format(o.made())).append(" ")
                .append(o.issuer() == null ? "a court" : "the " + o.issuer()).append(" made a ")
                .append(o.kind().label().toLowerCase(Locale.UK)).append(" against ").append(them)
                .append(o.reference() == null ? "" : " (reference " + o.reference() + ")").append(".");
        List<OrderCondition> conditions = o.conditions();
        if (!conditions.isEmpty()) {
            s.append(" It says:");
            for (int n = 0; n < conditions.size(); n++) {
                s.append(" (").append(n + 1).append(") ").append(sentence(conditions.get(n).text()));
            }
        }
        if (o.served() != null) {
            // knowing of the order is part of a breach: say when and how they were told of it
            s.append(" It was served on ").append(them).append(" on ").append(DAY.format(o.served()))
                    .append(o.servedHow() == null ? "" : ", " + o.servedHow().strip()).append(".");
        } else {
            s.append(" [Say when and how ").append(them).append(" was served with it or told of it.]");
        }
        s.append(o.expires() == null ? " It is in force until further order." : " It is in force until "
                + DAY.format(o.expires()) + ".");
        return s.toString();
    }

    private static String incident(Incident i, ZoneId zone, List<ExhibitRef> with, List<String> breached) {
        LocalDate day = TimeWords.day(i.when(), zone);
        StringBuilder s = new StringBuilder("On ").append(DAY.format(day)).append(" at ")
                .append(TimeWords.clockInWords(i.when(), zone));
        if (i.location() != null && !i.location().isBlank()) {
            String where = i.location().strip();
            // "outside my home", "near the school" already say where; only a bare place takes "at"
            boolean placed = where.toLowerCase(Locale.UK).matches("(at|in|on|outside|inside|near|by|behind|opposite"
                    + "|outside of|next to|close to|along|across|around)\\b.*");
            s.append(placed ? ", " : ", at ").append(where);
        }
        s.append(": ").append(sentence(i.description()));
        if (!i.witnesses().isEmpty()) {
            s.append(" ").append(list(i.witnesses())).append(i.witnesses().size() == 1 ? " was" : " were")
                    .append(" there.");
        }
        if (i.impact() != null && !i.impact().isBlank()) {
            s.append(" ").append(sentence(i.impact()));
        }
        for (String condition : breached) {
            s.append(" This was in breach of the order's condition \u201C").append(unquoted(condition)).append("\u201D.");
        }
        if (i.policeRef() != null && !i.policeRef().isBlank()) {
            s.append(" I reported it to the police (reference ").append(i.policeRef().strip()).append(").");
        }
        for (ExhibitRef e : with) {
            s.append(" I produce ").append(what(e)).append(" as exhibit ").append(e.mark()).append(".");
        }
        LocalDate written = i.added().atZone(zone).toLocalDate();
        if (!written.equals(day)) {
            s.append(" I wrote this down on ").append(SHORT_DAY.format(written)).append(".");
        }
        return s.toString();
    }

    /** Exhibits not attached to a diary entry, kept together when they are files of one kind from one day. */
    private static List<List<ExhibitRef>> groups(List<ExhibitRef> exhibits, ZoneId zone) {
        List<List<ExhibitRef>> out = new ArrayList<>();
        for (ExhibitRef e : exhibits) {
            List<ExhibitRef> last = out.isEmpty() ? null : out.get(out.size() - 1);
            boolean file = e.parts().isEmpty() && !"conversation".equals(e.kind()) && !"capture".equals(e.kind());
            if (last != null && file && last.get(0).parts().isEmpty() && last.get(0).kind().equals(e.kind())
                    && last.get(0).label().equals(e.label())
                    && last.get(0).at().withZoneSameInstant(zone).toLocalDate()
                    .equals(e.at().withZoneSameInstant(zone).toLocalDate())) {
                last.add(e);
            } else {
                out.add(new ArrayList<>(List.of(e)));
            }
        }
        return out;
    }

    private static String exhibits(List<ExhibitRef> group, ZoneId zone, String them) {
        ExhibitRef e = group.get(0);
        ZonedDateTime at = e.at().withZoneSameInstant(zone);
        if ("conversation".equals(e.kind())) {
            ZonedDateTime until = e.until() == null ? at : e.until().withZoneSameInstant(zone);
            StringBuilder s = new StringBuilder();
            if (until.toLocalDate().equals(at.toLocalDate())) {
                s.append("On ").append(DAY.format(at));
            } else {
                s.append("Between ").append(DAY.format(at)).append(" and ").append(DAY.format(until));
            }
            s.append(" I received or sent the ").append(e.description()).append(".");
            s.append(" I produce a copy of ").append(e.count() == 1 ? "it" : "them")
                    .append(e.fileName() == null ? "" : ", from my export file \u201C" + e.fileName() + "\u201D")
                    .append(", as exhibit ").append(e.mark()).append(".");
            s.append(parts(e, "The files sent in them are shown with their messages as"));
            return s.toString();
        }
        if ("capture".equals(e.kind())) {
            return "On " + DAY.format(at) + " at " + CLOCK.format(at) + " I saved a copy of the web page "
                    + e.description() + ". I produce it as exhibit " + e.mark() + "."
                    + parts(e, "I saved it again later; those copies are");
        }
        if (group.size() == 1) {
            return "On " + DAY.format(at) + " I kept " + what(e) + ". I produce it as exhibit " + e.mark() + ".";
        }
        List<String> names = new ArrayList<>();
        group.forEach(g -> names.add(g.mark() + " (\u201C" + g.description() + "\u201D)"));
        return "On " + DAY.format(at) + " I kept " + group.size() + " " + plural(e.label()) + ". I produce them as"
                + " exhibits " + list(names) + ".";
    }

    private static String parts(ExhibitRef e, String lead) {
        if (e.parts().isEmpty()) {
            return "";
        }
        String first = e.parts().get(0).mark();
        String last = e.parts().get(e.parts().size() - 1).mark();
        return " " + lead + " " + (first.equals(last) ? first : first + " to " + last) + ", within exhibit "
                + e.mark() + ".";
    }

    private static String report(Report r, ZoneId zone) {
        StringBuilder s = new StringBuilder("On ").append(DAY.format(r.at().withZoneSameInstant(zone)))
                .append(" I reported what was happening to ")
                .append(r.recipient() != null ? r.recipient() : "the " + r.recipientKind().label().toLowerCase(Locale.UK));
        if (r.reference() != null) {
            s.append(" (reference ").append(r.reference()).append(")");
        }
        s.append(".");
        if (r.contact() != null) {
            s.append(" I dealt with ").append(r.contact()).append(".");
        }
        if (r.outcome() != null) {
            s.append(" ").append(sentence(r.outcome()));
        }
        return s.toString();
    }

    /** "a copy of the photograph “IMG_2041.jpg”". */
    private static String what(ExhibitRef e) {
        String label = e.label() == null ? "file" : e.label().toLowerCase(Locale.UK);
        return "a copy of the " + label + " \u201C" + e.description() + "\u201D";
    }

    private static String plural(String label) {
        String l = label.toLowerCase(Locale.UK);
        return l.endsWith("s") ? l : l + "s";
    }

    private static String kindLabel(String code) {
        return code.replace('-', ' ');
    }

    private static String unquoted(String condition) {
        String c = condition.strip();
        return c.endsWith(".") ? c.substring(0, c.length() - 1) : c;
    }

    /** The text as a sentence: stripped, ending in a full stop unless it already ends a sentence. */
    static String sentence(String text) {
        String t = text == null ? "" : text.strip().replaceAll("\\s*\\n\\s*", " ");
        if (t.isEmpty()) {
            return t;
        }
        char last = t.charAt(t.length() - 1);
        return ".!?\u201D\"')".indexOf(last) >= 0 ? t : t + ".";
    }

    static String list(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
