package org.casebook.bundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.casebook.conduct.ConductSummary;
import org.casebook.model.TimelineItem;

/**
 * The exhibits divided into the sections they are printed in, in order. Without a plan from the user, one section,
 * "Exhibits", in date order; in a family bundle the orders' own documents come first, in the section FPR PD27A
 * calls "Applications and orders". With a plan, its sections in its order, and what it does not name after them.
 * The same exhibits always give the same groups, so the order chosen when the exhibits are numbered is the order
 * they are laid out in.
 */
final class ExhibitGroups {
    static final String ORDERS_KEY = "section:orders";
    static final String ORDERS_TITLE = "Applications and orders";
    static final String EXHIBITS_TITLE = "Exhibits";

    /** What a group is for: where it sits among a family bundle's PD27A sections. */
    enum Kind {
        /** The orders' documents: PD27A's "Applications and orders". */
        ORDERS,
        /** The witness statement's exhibits in date order: printed with the statement. */
        EXHIBITS,
        /** A section the user named. */
        NAMED
    }

    record Group(String key, String title, Kind kind, List<ExhibitItem> exhibits) {
        Group {
            exhibits = List.copyOf(exhibits);
        }
    }

    private ExhibitGroups() {
    }

    /** The groups of a loaded bundle's (numbered) exhibits. */
    static List<Group> of(BundleContent content) {
        return of(content.exhibits(), content.options(), orderDocuments(content.summary()));
    }

    /** The item ids of the orders' own documents. */
    static Set<Long> orderDocuments(ConductSummary summary) {
        if (summary == null || summary.orders() == null) {
            return Set.of();
        }
        return summary.orders().stream().map(ConductSummary.OrderFigures::documentItemId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }

    /** The exhibits in group order, ready to be numbered. */
    static List<ExhibitItem> ordered(List<ExhibitItem> exhibits, BundleOptions options, Set<Long> orderDocuments) {
        return of(exhibits, options, orderDocuments).stream().flatMap(g -> g.exhibits().stream()).toList();
    }

    static List<Group> of(List<ExhibitItem> exhibits, BundleOptions options, Set<Long> orderDocuments) {
        boolean family = options.profile() == BundleProfile.FAMILY;
        SectionPlan plan = options.sections();
        Map<Long, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < plan.rows().size(); i++) {
            rowOf.put(plan.rows().get(i).itemId(), i);
        }
        List<ExhibitItem> orders = new ArrayList<>();
        List<ExhibitItem> rest = new ArrayList<>();
        Map<Integer, ExhibitItem> placed = new java.util.TreeMap<>();
        for (ExhibitItem e : exhibits) {
            Integer row = planned(e, rowOf);
            if (row != null) {
                placed.put(row, e);
            } else if (family && orderDocuments.contains(e.itemId())) {
                orders.add(e);
            } else {
                rest.add(e);
            }
        }
        Map<String, List<ExhibitItem>> named = new LinkedHashMap<>();
        plan.sections().forEach(name -> named.put(name, new ArrayList<>()));
        placed.forEach((row, e) -> named.get(plan.rows().get(row).section()).add(e));
        // a section the user calls "Applications and orders" is PD27A's (family), one called "Exhibits" goes with
        // the statement: so an exported index given back unchanged gives the same bundle
        List<ExhibitItem> ordersFirst = new ArrayList<>();
        List<ExhibitItem> withStatement = null;
        List<Group> namedGroups = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, List<ExhibitItem>> s : named.entrySet()) {
            n++;
            if (family && s.getKey().equalsIgnoreCase(ORDERS_TITLE)) {
                ordersFirst.addAll(s.getValue());
            } else if (s.getKey().equalsIgnoreCase(EXHIBITS_TITLE)) {
                withStatement = s.getValue();
            } else if (!s.getValue().isEmpty()) {
                namedGroups.add(new Group("section:" + n, s.getKey(), Kind.NAMED, s.getValue()));
            }
        }
        ordersFirst.addAll(orders);
        List<Group> out = new ArrayList<>();
        if (!ordersFirst.isEmpty()) {
            out.add(new Group(ORDERS_KEY, ORDERS_TITLE, Kind.ORDERS, ordersFirst));
        }
        if (plan.isEmpty()) {
            if (!rest.isEmpty() || out.isEmpty()) {
                out.add(new Group(IndexEntry.EXHIBITS, EXHIBITS_TITLE, Kind.EXHIBITS, rest));
            }
            return out;
        }
        if (withStatement != null && !withStatement.isEmpty()) {
            out.add(new Group(IndexEntry.EXHIBITS, EXHIBITS_TITLE, Kind.EXHIBITS, withStatement));
        }
        out.addAll(namedGroups);
        if (!rest.isEmpty()) {
            out.add(new Group("section:other", SectionPlan.UNLISTED, Kind.NAMED, rest));
        }
        if (out.isEmpty()) {
            out.add(new Group(IndexEntry.EXHIBITS, EXHIBITS_TITLE, Kind.EXHIBITS, List.of()));
        }
        return out;
    }

    /**
     * The plan's row that names this exhibit: by its item, or (a conversation) by any of its messages, or by a
     * file shown in it; the earliest row wins.
     */
    private static Integer planned(ExhibitItem e, Map<Long, Integer> rowOf) {
        Integer best = rowOf.get(e.itemId());
        for (TimelineItem m : e.messages()) {
            best = earlier(best, rowOf.get(m.id()));
        }
        for (ExhibitItem f : e.files()) {
            best = earlier(best, rowOf.get(f.itemId()));
        }
        return best;
    }

    private static Integer earlier(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return Math.min(a, b); // (a ternary here would unbox a null)
    }

    /**
     * Refuses a plan naming an item that is not an exhibit of this bundle (a mistyped number, or an item the
     * selection leaves out): the user would otherwise not see that it is missing.
     */
    static void requireKnown(List<ExhibitItem> exhibits, SectionPlan plan) {
        Set<Long> missing = new java.util.HashSet<>(unmatched(exhibits, plan));
        for (SectionPlan.Row r : plan.rows()) {
            if (missing.contains(r.itemId())) {
                throw org.casebook.vault.VaultException.badInput(r.where(plan) + ": item " + r.itemId()
                        + " is not an exhibit of this bundle (check the number, or widen the selection).");
            }
        }
    }

    /** The plan's item ids that name no exhibit of this bundle. */
    static List<Long> unmatched(List<ExhibitItem> exhibits, SectionPlan plan) {
        Set<Long> known = new java.util.HashSet<>();
        for (ExhibitItem e : exhibits) {
            known.add(e.itemId());
            e.messages().forEach(m -> known.add(m.id()));
            e.files().forEach(f -> known.add(f.itemId()));
        }
        return plan.rows().stream().map(SectionPlan.Row::itemId).filter(id -> !known.contains(id)).toList();
    }
}
