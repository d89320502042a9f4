package org.casebook.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casebook.conduct.BreachSuggestions;
import org.casebook.conduct.OrderService;
import org.casebook.evidence.Plural;
import org.casebook.model.BreachDecision;
import org.casebook.model.BreachStatus;
import org.casebook.model.Case;
import org.casebook.model.CourtOrder;
import org.casebook.model.OrderCondition;
import org.casebook.model.OrderDraft;
import org.casebook.model.OrderKind;
import org.casebook.vault.Vault;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code casebook order add|edit|list|breach}: orders, their service, conditions and breaches. */
@Command(name = "order", mixinStandardHelpOptions = true, description = "Record orders and their breaches.",
        subcommands = {OrderCommand.Add.class, OrderCommand.Edit.class, OrderCommand.ListOrders.class,
            OrderCommand.Breach.class})
final class OrderCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Record an order. Prints the new order's id.")
    static final class Add extends VaultCommand {
        @Option(names = "--case", required = true, paramLabel = "ID", description = "The case's id or exact title.")
        String caseKey;

        @Option(names = "--kind", required = true, paramLabel = "KIND", description = "One of: restraining-order, "
                + "non-molestation-order, stalking-protection-order, bail-conditions, injunction, other.")
        String kind;

        @Option(names = "--made", required = true, paramLabel = "DATE", description = "The day it was made.")
        String made;

        @Option(names = "--expires", paramLabel = "DATE", description = "Its last day (leave out: until further order).")
        String expires;

        @Option(names = "--issuer", paramLabel = "TEXT", description = "The court or police force.")
        String issuer;

        @Option(names = "--reference", paramLabel = "TEXT", description = "The case or order number.")
        String reference;

        @Option(names = "--against", paramLabel = "PERSON", description = "The id of the person it is against.")
        Long against;

        @Option(names = "--notes", paramLabel = "TEXT", description = "Notes.")
        String notes;

        @Option(names = "--condition", required = true, paramLabel = "TEXT",
                description = "A condition, e.g. \"No contact directly or indirectly\" (repeatable, in order).")
        List<String> conditions = new ArrayList<>();

        @picocli.CommandLine.Mixin
        Service service = new Service();

        @Override
        int run(Vault vault, CliContext ctx) {
            OrderKind orderKind = ConductOptions.code("--kind", OrderKind::fromCode, kind);
            var madeDate = ConductOptions.date("--made", made);
            var expiresDate = ConductOptions.date("--expires", expires);
            var servedDate = ConductOptions.date("--served", service.served);
            Case aCase = findCase(vault, caseKey);
            CourtOrder order = new OrderService(vault).add(aCase.id(), new OrderDraft(orderKind, issuer, reference,
                    madeDate, expiresDate, against, notes, conditions, servedDate, service.servedHow, service.document));
            ctx.out().println(order.id());
            return ExitCodes.OK;
        }
    }

    /** When and how the order was served, and the attached file that is the order itself. */
    static final class Service {
        @Option(names = "--served", paramLabel = "DATE", description = "The day it was served on (or explained to)"
                + " the person it is against. Breaches are counted from this day.")
        String served;

        @Option(names = "--served-how", paramLabel = "TEXT",
                description = "How it was served, e.g. \"personally by PC 1234 Smith\" or \"read out in court\".")
        String servedHow;

        @Option(names = "--document", paramLabel = "ITEM", description = "The id of the attached file that is the"
                + " order itself (see: casebook attach); the bundle produces it as an exhibit.")
        Long document;
    }

    @Command(name = "edit", mixinStandardHelpOptions = true,
            description = "Change an order: only the options given change; the earlier values stay in the audit log.")
    static final class Edit extends VaultCommand {
        @Option(names = "--order", required = true, paramLabel = "ID", description = "The order's id (see: casebook order list).")
        long orderId;

        @Option(names = "--kind", paramLabel = "KIND", description = "One of: restraining-order, "
                + "non-molestation-order, stalking-protection-order, bail-conditions, injunction, other.")
        String kind;

        @Option(names = "--made", paramLabel = "DATE", description = "The day it was made.")
        String made;

        @Option(names = "--expires", paramLabel = "DATE", description = "Its last day.")
        String expires;

        @Option(names = "--issuer", paramLabel = "TEXT", description = "The court or police force.")
        String issuer;

        @Option(names = "--reference", paramLabel = "TEXT", description = "The case or order number.")
        String reference;

        @Option(names = "--notes", paramLabel = "TEXT", description = "Notes.")
        String notes;

        @picocli.CommandLine.Mixin
        Service service = new Service();

        @Override
        int run(Vault vault, CliContext ctx) {
            OrderService orders = new OrderService(vault);
            OrderDraft before = orders.get(orderId).draft();
            OrderDraft after = new OrderDraft(
                    kind == null ? before.kind() : ConductOptions.code("--kind", OrderKind::fromCode, kind),
                    issuer == null ? before.issuer() : issuer,
                    reference == null ? before.reference() : reference,
                    made == null ? before.made() : ConductOptions.date("--made", made),
                    expires == null ? before.expires() : ConductOptions.date("--expires", expires),
                    before.againstPersonId(),
                    notes == null ? before.notes() : notes,
                    before.conditions(),
                    service.served == null ? before.served() : ConductOptions.date("--served", service.served),
                    service.servedHow == null ? before.servedHow() : service.servedHow,
                    service.document == null ? before.documentItemId() : service.document);
            CourtOrder order = orders.edit(orderId, after);
            ctx.out().println("Order " + order.id() + " saved" + (order.served() == null ? ""
                    : "; served " + order.served() + (order.servedHow() == null ? "" : " (" + order.servedHow() + ")")
                    + ", breaches counted from " + order.bindsFrom()) + ".");
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List a case's orders with their conditions, breaches and suggested breaches.")
    static final class ListOrders extends CaseListCommand<ListOrders.Line> {
        /** An order with the decisions on it and the items suggested as possible breaches. */
        record Line(CourtOrder order, List<BreachDecision> decisions, List<Long> suggested) {
        }

        ListOrders() {
            super("orders");
        }

        @Override
        List<Line> list(Vault vault, long caseId) {
            OrderService orders = new OrderService(vault);
            BreachSuggestions suggestions = new BreachSuggestions(vault);
            List<Line> lines = new ArrayList<>();
            for (CourtOrder o : orders.list(caseId)) {
                lines.add(new Line(o, orders.breaches(o.id()), suggestions.forOrder(o.id()).stream()
                        .map(BreachSuggestions.Suggestion::itemId).toList()));
            }
            return lines;
        }

        @Override
        Map<String, Object> json(Line line) {
            CourtOrder o = line.order();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", o.id());
            row.put("kind", o.kind().code());
            row.put("issuer", o.issuer());
            row.put("reference", o.reference());
            row.put("made", o.made().toString());
            row.put("expires", o.expires() == null ? null : o.expires().toString());
            row.put("against", o.againstPersonId());
            row.put("served", o.served() == null ? null : o.served().toString());
            row.put("served_how", o.servedHow());
            row.put("binds_from", o.bindsFrom().toString());
            row.put("document", o.documentItemId());
            List<Map<String, Object>> conditions = new ArrayList<>();
            for (OrderCondition k : o.conditions()) {
                conditions.add(Map.of("id", k.id(), "position", k.position(), "text", k.text()));
            }
            row.put("conditions", conditions);
            List<Map<String, Object>> breaches = new ArrayList<>();
            for (BreachDecision d : line.decisions()) {
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("item", d.itemId());
                b.put("condition", d.conditionId());
                b.put("status", d.status().code());
                b.put("note", d.note());
                breaches.add(b);
            }
            row.put("breaches", breaches);
            row.put("suggested", line.suggested());
            return row;
        }

        @Override
        void print(PrintStream out, Line line) {
            CourtOrder o = line.order();
            out.printf("%-6d %s %s, %s to %s%s%n", o.id(), o.kind().code(), o.reference() == null ? "" : o.reference(),
                    o.made(), o.expires() == null ? "further order" : o.expires(), o.served() == null
                            ? ", service not recorded" : ", served " + o.served()
                            + (o.servedHow() == null ? "" : " (" + o.servedHow() + ")"));
            for (OrderCondition k : o.conditions()) {
                out.printf("       condition %d (id %d): %s%n", k.position(), k.id(), k.text());
            }
            long confirmed = line.decisions().stream().filter(d -> d.status() == BreachStatus.CONFIRMED).count();
            out.println("       " + Plural.of(confirmed, "confirmed breach") + ", " + (line.decisions().size() - confirmed)
                    + " dismissed, " + line.suggested().size() + " suggested to check");
        }
    }

    @Command(name = "breach", mixinStandardHelpOptions = true,
            description = "Confirm (or dismiss) that an item breached a condition of an order.")
    static final class Breach extends VaultCommand {
        @Option(names = "--item", required = true, paramLabel = "ID", description = "The incident or message.")
        long item;

        /** Exactly one of the two: a single condition, or (only with --dismiss) the whole order. */
        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        static final class Target {
            @Option(names = "--condition", paramLabel = "ID",
                    description = "The condition's id (see: casebook order list).")
            Long condition;

            @Option(names = "--order", paramLabel = "ID",
                    description = "With --dismiss: not a breach of any of this order's conditions.")
            Long order;
        }

        @Option(names = "--dismiss", description = "Record that it was not a breach.")
        boolean dismiss;

        @Option(names = "--note", paramLabel = "TEXT", description = "Why.")
        String note;

        @Override
        int run(Vault vault, CliContext ctx) {
            OrderService orders = new OrderService(vault);
            if (target.order != null) {
                if (!dismiss) {
                    throw CliException.usage("--order: a breach is confirmed against one condition;"
                            + " use --condition ID (see: casebook order list), or add --dismiss.");
                }
                List<BreachDecision> all = orders.dismissForOrder(item, target.order, note);
                ctx.out().println("Item " + item + " dismissed as a breach of order " + target.order + " ("
                        + all.size() + (all.size() == 1 ? " condition)" : " conditions)"));
                return ExitCodes.OK;
            }
            BreachDecision d = orders.decide(item, target.condition,
                    dismiss ? BreachStatus.DISMISSED : BreachStatus.CONFIRMED, note);
            ctx.out().println("Item " + d.itemId() + " " + (dismiss ? "dismissed as a breach of" : "confirmed as a breach of")
                    + " order " + d.orderId() + ": " + d.condition());
            return ExitCodes.OK;
        }
    }
}
