package org.casebook.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.casebook.evidence.Inputs;
import org.casebook.evidence.PersonService;
import org.casebook.model.Case;
import org.casebook.model.Coded;
import org.casebook.model.Identifier;
import org.casebook.model.IdentifierKind;
import org.casebook.model.Person;
import org.casebook.model.PersonRole;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code casebook person add|list}: the people in a case and their numbers, addresses and handles. */
@Command(name = "person", mixinStandardHelpOptions = true, description = "Add, list or merge the people in a case.",
        subcommands = {PersonCommand.Add.class, PersonCommand.ListPeople.class, PersonCommand.Merge.class,
            PersonCommand.Attribute.class})
final class PersonCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a person to a case. Prints the new person's id.")
    static final class Add extends VaultCommand {
        @Option(names = "--case", required = true, paramLabel = "ID", description = "The case's id or exact title.")
        String caseKey;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The person's name.")
        String name;

        @Option(names = "--role", paramLabel = "ROLE", defaultValue = "other",
                description = "perpetrator, witness, third-party or other (default: ${DEFAULT-VALUE}).")
        String role;

        @Option(names = "--phone", paramLabel = "NUMBER", description = "A phone number they use (repeatable).")
        List<String> phones = new ArrayList<>();

        @Option(names = "--email", paramLabel = "ADDRESS", description = "An e-mail address they use (repeatable).")
        List<String> emails = new ArrayList<>();

        @Option(names = "--handle", paramLabel = "HANDLE", description = "A social media handle they use (repeatable).")
        List<String> handles = new ArrayList<>();

        @Option(names = "--address", paramLabel = "TEXT", description = "A postal address, e.g. the witness's own"
                + " (repeatable): `bundle --redact-known` hides it, and a family bundle warns while it is shown.")
        List<String> addresses = new ArrayList<>();

        @Option(names = "--vehicle", paramLabel = "REGISTRATION", description = "A vehicle they drive (repeatable).")
        List<String> vehicles = new ArrayList<>();

        @Override
        int run(Vault vault, CliContext ctx) {
            PersonRole personRole = role(role);
            List<Identifier> identifiers = new ArrayList<>();
            add(identifiers, IdentifierKind.PHONE, "phone", phones);
            add(identifiers, IdentifierKind.EMAIL, "email", emails);
            add(identifiers, IdentifierKind.HANDLE, "handle", handles);
            add(identifiers, IdentifierKind.ADDRESS, "address", addresses);
            add(identifiers, IdentifierKind.VEHICLE, "vehicle", vehicles);
            Case aCase = findCase(vault, caseKey);
            Person person = new PersonService(vault).add(aCase.id(), name, personRole, identifiers);
            ctx.out().println(person.id());
            return ExitCodes.OK;
        }

        private static void add(List<Identifier> out, IdentifierKind kind, String field, List<String> values) {
            for (String value : values) {
                Identifier identifier = Identifier.of(kind, Inputs.required(field, value));
                if (identifier.normalized().isEmpty() || "+".equals(identifier.normalized())) {
                    throw CliException.badInput(field + ": '" + value + "' has nothing to match on.");
                }
                out.add(identifier);
            }
        }

        static PersonRole role(String value) {
            return Coded.find(PersonRole.class, value).orElseThrow(() -> CliException.badInput("role: '" + value
                    + "' is not a role. Use one of: " + Coded.codes(PersonRole.class)));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the people in a case.")
    static final class ListPeople extends CaseListCommand<Person> {
        ListPeople() {
            super("people");
        }

        @Override
        List<Person> list(Vault vault, long caseId) {
            return new PersonService(vault).list(caseId);
        }

        @Override
        Map<String, Object> json(Person p) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", p.id());
            row.put("case_id", p.caseId());
            row.put("name", p.name());
            row.put("role", p.role().code());
            List<Map<String, Object>> ids = new ArrayList<>();
            for (Identifier i : p.identifiers()) {
                Map<String, Object> id = new LinkedHashMap<>();
                id.put("kind", i.kind().code());
                id.put("value", i.raw());
                id.put("normalized", i.normalized());
                ids.add(id);
            }
            row.put("identifiers", ids);
            return row;
        }

        @Override
        void print(PrintStream out, Person p) {
            String identifiers = p.identifiers().stream().map(i -> i.kind().code() + " " + i.raw())
                    .collect(Collectors.joining(", "));
            out.printf("%-6d %-12s %s%s%n", p.id(), p.role().code(), p.name(),
                    identifiers.isEmpty() ? "" : "  (" + identifiers + ")");
        }
    }

    @Command(name = "attribute", mixinStandardHelpOptions = true,
            description = "Say why a number, e-mail address, account, address or vehicle is this person's (added to"
                    + " them if new). The bundle's who-is-who page prints it, marked as your belief unless the export"
                    + " itself shows it.")
    static final class Attribute extends VaultCommand {
        @Option(names = "--person", required = true, paramLabel = "ID", description = "The person's id (see: casebook person list).")
        long person;

        /** Exactly one identifier. */
        @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        static final class Which {
            @Option(names = "--phone", paramLabel = "NUMBER", description = "A phone number.")
            String phone;

            @Option(names = "--email", paramLabel = "ADDRESS", description = "An e-mail address.")
            String email;

            @Option(names = "--handle", paramLabel = "HANDLE", description = "A social media handle or account.")
            String handle;

            @Option(names = "--address", paramLabel = "TEXT", description = "A postal address.")
            String address;

            @Option(names = "--vehicle", paramLabel = "REGISTRATION", description = "A vehicle's registration.")
            String vehicle;
        }

        @Option(names = "--basis", required = true, paramLabel = "TEXT",
                description = "Why you say it is theirs, e.g. \"his number since 2019; he called me from it\".")
        String basis;

        @Option(names = "--shown-in-export", description = "The export itself shows it is theirs (e.g. their name"
                + " in an e-mail's From line). Leave out when it is your own knowledge or belief.")
        boolean shownInExport;

        @Override
        int run(Vault vault, CliContext ctx) {
            Identifier identifier;
            if (which.phone != null) {
                identifier = Identifier.of(IdentifierKind.PHONE, Inputs.required("phone", which.phone));
            } else if (which.email != null) {
                identifier = Identifier.of(IdentifierKind.EMAIL, Inputs.required("email", which.email));
            } else if (which.handle != null) {
                identifier = Identifier.of(IdentifierKind.HANDLE, Inputs.required("handle", which.handle));
            } else if (which.address != null) {
                identifier = Identifier.of(IdentifierKind.ADDRESS, Inputs.required("address", which.address));
            } else {
                identifier = Identifier.of(IdentifierKind.VEHICLE, Inputs.required("vehicle", which.vehicle));
            }
            Person p = new org.casebook.evidence.Attributions(vault).attribute(person, identifier,
                    Inputs.required("basis", basis), shownInExport);
            ctx.out().println(identifier.kind().code() + " " + identifier.raw().strip() + " attributed to " + p.name()
                    + (shownInExport ? " (shown in the export)." : " (the witness's belief)."));
            return ExitCodes.OK;
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Merge a person into another: the same human behind another number or account. Their "
                    + "numbers and addresses move to the person kept, and their messages count as that person's.")
    static final class Merge extends VaultCommand {
        @Option(names = "--into", required = true, paramLabel = "ID", description = "The person to keep.")
        long into;

        @picocli.CommandLine.Parameters(index = "0", paramLabel = "ID", description = "The person merged into them.")
        long from;

        @Override
        int run(Vault vault, CliContext ctx) {
            Person kept = new PersonService(vault).merge(into, from);
            ctx.out().println("Merged person " + from + " into " + kept.id() + " (" + kept.name() + ").");
            return ExitCodes.OK;
        }
    }
}
