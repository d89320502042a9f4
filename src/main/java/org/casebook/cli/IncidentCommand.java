package org.casebook.cli;

import java.util.ArrayList;
import java.util.List;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.IncidentService;
import org.casebook.evidence.Inputs;
import org.casebook.model.Case;
import org.casebook.model.Incident;
import org.casebook.model.IncidentDraft;
import org.casebook.model.IncidentType;
import org.casebook.model.When;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code casebook incident add|edit}: diary entries. */
@Command(name = "incident", mixinStandardHelpOptions = true, description = "Add or edit diary entries (incidents).",
        subcommands = {IncidentCommand.Add.class, IncidentCommand.Edit.class})
final class IncidentCommand {
    static final String TYPES = "message, call, email, social-media, following, loitering, in-person,"
            + " property-damage, third-party, gift, threat, other";

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Write down an incident. Prints the new item's id.")
    static final class Add extends VaultCommand {
        @Option(names = "--case", required = true, paramLabel = "ID", description = "The case's id or exact title.")
        String caseKey;

        @Option(names = "--at", required = true, paramLabel = "WHEN",
                description = "When it happened in the case's time zone, like 2024-03-01T21:15; or with an "
                        + "offset, like 2024-03-01T21:15+01:00; or a day alone, 2024-03-01, recorded as approximate.")
        String at;

        @Option(names = "--type", required = true, paramLabel = "TYPE", description = "One of: " + TYPES + ".")
        String type;

        @Option(names = "--description", required = true, paramLabel = "TEXT", description = "What happened.")
        String description;

        @Option(names = "--location", paramLabel = "TEXT", description = "Where it happened.")
        String location;

        @Option(names = "--witness", paramLabel = "TEXT", description = "Someone who saw it (repeatable).")
        List<String> witnesses = new ArrayList<>();

        @Option(names = "--impact", paramLabel = "TEXT", description = "How it affected you.")
        String impact;

        @Option(names = "--police-ref", paramLabel = "TEXT", description = "A police reference number.")
        String policeRef;

        @Override
        int run(Vault vault, CliContext ctx) {
            IncidentType incidentType = type(type);
            Case aCase = findCase(vault, caseKey);
            When when = Inputs.when("at", at, aCase.zone());
            Incident incident = new IncidentService(vault).add(aCase.id(),
                    new IncidentDraft(incidentType, when, description, location, witnesses, impact, policeRef));
            ctx.out().println(incident.id());
            return ExitCodes.OK;
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true,
            description = "Change an incident. Fields not given stay as they are; an empty value clears an optional "
                    + "field. The audit log keeps every previous value (see: casebook history).")
    static final class Edit extends VaultCommand {
        @Option(names = "--item", required = true, paramLabel = "ID", description = "The incident's id.")
        long item;

        @Option(names = "--at", paramLabel = "WHEN", description = "When it happened (as for incident add).")
        String at;

        @Option(names = "--type", paramLabel = "TYPE", description = "One of: " + TYPES + ".")
        String type;

        @Option(names = "--description", paramLabel = "TEXT", description = "What happened.")
        String description;

        @Option(names = "--location", paramLabel = "TEXT", description = "Where it happened.")
        String location;

        @Option(names = "--witness", paramLabel = "TEXT",
                description = "Someone who saw it (repeatable; replaces the list; --witness \"\" clears it).")
        List<String> witnesses;

        @Option(names = "--impact", paramLabel = "TEXT", description = "How it affected you.")
        String impact;

        @Option(names = "--police-ref", paramLabel = "TEXT", description = "A police reference number.")
        String policeRef;

        @Override
        int run(Vault vault, CliContext ctx) {
            IncidentType newType = type == null ? null : type(type);
            IncidentService incidents = new IncidentService(vault);
            Incident before = incidents.get(item);
            When when = before.when();
            if (at != null) {
                Case aCase = new CaseService(vault).get(before.caseId());
                when = Inputs.when("at", at, aCase.zone());
            }
            IncidentDraft draft = new IncidentDraft(
                    newType == null ? before.type() : newType,
                    when,
                    description == null ? before.description() : description,
                    location == null ? before.location() : location,
                    witnesses == null ? before.witnesses() : witnesses,
                    impact == null ? before.impact() : impact,
                    policeRef == null ? before.policeRef() : policeRef);
            Incident after = incidents.edit(item, draft);
            List<String> changed = changedFields(before, after);
            ctx.out().println(changed.isEmpty() ? "Incident " + item + " unchanged."
                    : "Incident " + item + " updated: " + String.join(", ", changed) + ".");
            return ExitCodes.OK;
        }

        private static List<String> changedFields(Incident a, Incident b) {
            List<String> out = new ArrayList<>();
            note(out, "at", a.when(), b.when());
            note(out, "type", a.type(), b.type());
            note(out, "description", a.description(), b.description());
            note(out, "location", a.location(), b.location());
            note(out, "witnesses", a.witnesses(), b.witnesses());
            note(out, "impact", a.impact(), b.impact());
            note(out, "police-ref", a.policeRef(), b.policeRef());
            return out;
        }

        private static void note(List<String> out, String field, Object a, Object b) {
            if (!java.util.Objects.equals(a, b)) {
                out.add(field);
            }
        }
    }

    /** Reads {@code --type}; an unknown type is bad input (exit 2) naming the field and the choices. */
    static IncidentType type(String value) {
        try {
            return IncidentType.fromCode(value);
        } catch (IllegalArgumentException e) {
            throw CliException.badInput("type: " + e.getMessage());
        }
    }
}
