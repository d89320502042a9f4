package org.casebook.conduct;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casebook.evidence.CaseService;
import org.casebook.model.CourtOrder;
import org.casebook.model.ItemKind;
import org.casebook.vault.Vault;

/**
 * Possible breaches for the user to confirm or dismiss: contacts (see {@link Contacts}) dated inside an
 * order's period, from the day it bound the person (served, else made: {@link CourtOrder#bindsFrom()}) to its
 * expiry day, both inclusive, in the case's time zone, that
 * have no decision yet on any of the order's conditions. If the order names the person it is against, only
 * that person's messages and calls (and those of people merged into them) are suggested. Nothing outside the
 * period is ever suggested. Computed on demand, never stored.
 */
public final class BreachSuggestions {
    private final Vault vault;

    public BreachSuggestions(Vault vault) {
        this.vault = vault;
    }

    /** One item that may have breached an order. */
    public record Suggestion(long orderId, long itemId, ItemKind kind, String channel, Instant at) {
    }

    /** The suggestions for one order, in time order. */
    public List<Suggestion> forOrder(long orderId) {
        return vault.read(c -> {
            CourtOrder order = OrderService.get(c, orderId);
            ZoneId zone = CaseService.get(c, order.caseId()).zone();
            Set<Long> decided = new HashSet<>(ConductRows.ids(c, """
                    SELECT b.item_id FROM breach b JOIN order_condition oc ON oc.id = b.condition_id
                    WHERE oc.order_id = ?""", orderId));
            long from = order.bindsFrom().atStartOfDay(zone).toInstant().toEpochMilli();
            long to = order.expires() == null ? Long.MAX_VALUE
                    : order.expires().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
            List<Suggestion> out = new ArrayList<>();
            Contacts.scan(c, order.caseId(), from, to, order.againstPersonId(), contact -> {
                if (!decided.contains(contact.id())) {
                    out.add(new Suggestion(orderId, contact.id(), contact.kind(), contact.channel(),
                            Instant.ofEpochMilli(contact.atUtc())));
                }
            });
            return out;
        });
    }

    /** The suggestions for every order of the case, by order id. */
    public Map<Long, List<Suggestion>> forCase(long caseId) {
        Map<Long, List<Suggestion>> out = new LinkedHashMap<>();
        for (CourtOrder order : new OrderService(vault).list(caseId)) {
            out.put(order.id(), forOrder(order.id()));
        }
        return out;
    }
}
