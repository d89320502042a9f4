package org.casebook.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.casebook.evidence.PersonService;
import org.casebook.model.Identifier;
import org.casebook.model.IdentifierKind;
import org.casebook.model.Person;
import org.casebook.model.PersonRole;

/**
 * Matches each sender in an export to a person of the case: by phone number, e-mail address or handle
 * (normalised; the raw form is kept), else by name. A sender no one matches becomes a new person, so every
 * message has a sender and the person filter works; {@code --perpetrator} values mark who is who.
 */
final class SenderDirectory {
    private final PersonService people;
    private final long caseId;
    private final List<String> perpetrators;
    private final Map<String, Long> byIdentifier = new HashMap<>();
    private final Map<String, Long> byName = new HashMap<>();
    private final Map<Long, Person> persons = new HashMap<>();
    private final Map<String, Long> cache = new HashMap<>();
    private int created;

    SenderDirectory(PersonService people, long caseId, List<String> perpetrators) {
        this.people = people;
        this.caseId = caseId;
        this.perpetrators = perpetrators;
        for (Person p : people.list(caseId)) {
            remember(p);
        }
        // A merged person's identifiers moved to the person kept; their name still leads there too.
        for (Map.Entry<Long, Long> merged : people.mergedInto(caseId).entrySet()) {
            byName.putIfAbsent(nameKey(people.get(merged.getKey()).name()), merged.getValue());
        }
    }

    /** The person id for a sender, creating the person when needed; null for a system line. */
    Long personFor(String name, String address) {
        if ((name == null || name.isBlank()) && (address == null || address.isBlank())) {
            return null;
        }
        String key = (name == null ? "" : name) + "\u0000" + (address == null ? "" : address);
        Long cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Long id = find(name, address);
        boolean perpetrator = isPerpetrator(name, address);
        if (id == null) {
            List<Identifier> identifiers = new ArrayList<>();
            if (address != null && !address.isBlank()) {
                identifiers.add(Identifier.of(kindOf(address), address.strip()));
            }
            String displayName = name != null && !name.isBlank() ? DisplayText.of(name).strip() : address.strip();
            Person p = people.add(caseId, displayName, perpetrator ? PersonRole.PERPETRATOR : PersonRole.OTHER,
                    identifiers);
            remember(p);
            created++;
            id = p.id();
        } else if (perpetrator && persons.get(id).role() != PersonRole.PERPETRATOR) {
            remember(people.setRole(id, PersonRole.PERPETRATOR));
        }
        cache.put(key, id);
        return id;
    }

    int created() {
        return created;
    }

    private Long find(String name, String address) {
        if (address != null && !address.isBlank()) {
            Long id = byIdentifier.get(normalized(address));
            if (id != null) {
                return id;
            }
        }
        if (name != null && !name.isBlank()) {
            return byName.get(nameKey(name));
        }
        return null;
    }

    private boolean isPerpetrator(String name, String address) {
        for (String p : perpetrators) {
            if (name != null && nameKey(name).equals(nameKey(p))) {
                return true;
            }
            if (address != null && normalized(address).equals(normalized(p))) {
                return true;
            }
        }
        return false;
    }

    private void remember(Person p) {
        persons.put(p.id(), p);
        byName.putIfAbsent(nameKey(p.name()), p.id());
        for (Identifier i : p.identifiers()) {
            byIdentifier.putIfAbsent(i.kind().code() + ":" + i.normalized(), p.id());
        }
    }

    private static String normalized(String address) {
        IdentifierKind kind = kindOf(address);
        return kind.code() + ":" + Identifier.normalize(kind, address);
    }

    static IdentifierKind kindOf(String address) {
        String a = DisplayText.of(address).strip();
        if (a.contains("@") && a.indexOf('@') > 0) {
            return IdentifierKind.EMAIL;
        }
        return a.matches("[+(]?[0-9][0-9 ()./-]{3,}") ? IdentifierKind.PHONE : IdentifierKind.HANDLE;
    }

    private static String nameKey(String name) {
        return DisplayText.of(name).strip().toLowerCase(Locale.ROOT);
    }
}
