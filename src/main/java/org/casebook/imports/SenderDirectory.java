package org.casebook.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casebook.evidence.PersonService;
import org.casebook.evidence.SenderMatch;
import org.casebook.model.Identifier;
import org.casebook.model.IdentifierKind;
import org.casebook.model.Person;
import org.casebook.model.PersonRole;

/**
 * Matches each sender in an export to a person of the case, by {@link SenderMatch}'s rule: by phone number
 * (in E.164 form, read in the case's country), e-mail address or handle first, else by name. A sender no one
 * matches becomes a new person, so every message has a sender and the person filter works. The values the user
 * gave ({@code --me}, {@code --perpetrator}) say who is who: the witness's own senders take the witness role,
 * which the case keeps, so her later exports are read the same way without being told again.
 */
final class SenderDirectory {
    private final PersonService people;
    private final long caseId;
    private final SenderMatch match;
    private final SenderOptions options;
    /** Whether people may be added and roles set (not for a dry run). */
    private final boolean writing;
    private final Map<String, Long> byKey = new HashMap<>();
    private final Map<Long, Person> persons = new HashMap<>();
    private final List<Long> withNationalNumbers = new ArrayList<>();
    private final Map<String, Long> cache = new HashMap<>();
    private int created;

    SenderDirectory(PersonService people, long caseId, SenderMatch match, SenderOptions options, boolean writing) {
        this.people = people;
        this.caseId = caseId;
        this.match = match;
        this.options = options;
        this.writing = writing;
        for (Person p : people.list(caseId)) {
            remember(p);
        }
        // A merged person's identifiers moved to the person kept; their name still leads there too.
        for (Map.Entry<Long, Long> merged : people.mergedInto(caseId).entrySet()) {
            byKey.putIfAbsent("name:" + SenderMatch.nameKey(people.get(merged.getKey()).name()), merged.getValue());
        }
    }

    /**
     * The person id for a sender, creating the person when needed; null for a system line, and always null on a
     * dry run (which only checks what the user said of the senders).
     */
    Long personFor(String name, String address) {
        if ((name == null || name.isBlank()) && (address == null || address.isBlank())) {
            return null;
        }
        String cacheKey = (name == null ? "" : name) + "\u0000" + (address == null ? "" : address);
        if (cache.containsKey(cacheKey)) {
            return cache.get(cacheKey);
        }
        options.saw(name, address);
        Long id = find(name, address);
        Person known = id == null ? null : persons.get(id);
        Set<String> keys = match.senderKeys(name, address);
        if (known != null) {
            keys.addAll(match.personKeys(known));
        }
        SenderOptions.Said said = options.said(keys);
        String shown = SenderOptions.shown(name, address);
        if (said.me() && said.perpetrator()) {
            throw new ImportException("--me and --perpetrator both name the sender " + shown + ".");
        }
        PersonRole role = said.me() ? PersonRole.WITNESS : said.perpetrator() ? PersonRole.PERPETRATOR : null;
        if (known != null && role != null && known.role() != role
                && (known.role() == PersonRole.WITNESS || known.role() == PersonRole.PERPETRATOR)) {
            throw new ImportException((said.me() ? "--me" : "--perpetrator") + " names the sender " + shown
                    + ", who the case records as " + (known.role() == PersonRole.WITNESS ? "the witness (you)"
                    : "the perpetrator") + " (person " + known.id() + ", " + known.name() + ").");
        }
        if (!writing) {
            cache.put(cacheKey, null);
            return null;
        }
        if (id == null) {
            List<Identifier> identifiers = new ArrayList<>();
            if (address != null && !address.isBlank()) {
                identifiers.add(Identifier.of(SenderMatch.kindOf(address), address.strip()));
            }
            String displayName = name != null && !name.isBlank() ? DisplayText.of(name).strip() : address.strip();
            Person p = people.add(caseId, displayName, role == null ? PersonRole.OTHER : role, identifiers);
            remember(p);
            created++;
            id = p.id();
        } else if (role != null && known.role() != role) {
            remember(people.setRole(id, role));
        }
        cache.put(cacheKey, id);
        return id;
    }

    /** The role of the case person a sender already is, or null for a sender the case does not know. */
    PersonRole knownRole(String name, String address) {
        Long id = find(name, address);
        return id == null ? null : persons.get(id).role();
    }

    int created() {
        return created;
    }

    /** Refuses the file when a value the user gave named none of its senders. */
    void requireEachOptionMatched(String file) {
        options.requireEachMatched(file);
    }

    private Long find(String name, String address) {
        Set<String> byAddress = match.keys(address);
        for (String k : byAddress) {
            Long id = byKey.get(k);
            if (id != null) {
                return id;
            }
        }
        Set<String> byName = match.keys(name);
        for (String k : byName) {
            Long id = byKey.get(k);
            if (id != null) {
                return id;
            }
        }
        // a number written without its country, in a case whose zone has none, against the people's numbers
        if (match.region() == null && !withNationalNumbers.isEmpty()) {
            byAddress.addAll(byName);
            for (long id : withNationalNumbers) {
                if (match.same(match.personKeys(persons.get(id)), byAddress)) {
                    return id;
                }
            }
        }
        return null;
    }

    private void remember(Person p) {
        persons.put(p.id(), p);
        byKey.putIfAbsent("name:" + SenderMatch.nameKey(p.name()), p.id());
        boolean phone = false;
        for (Identifier i : p.identifiers()) {
            String key = match.identifierKey(i.kind(), i.raw());
            if (key != null) {
                byKey.putIfAbsent(key, p.id());
            }
            phone |= i.kind() == IdentifierKind.PHONE;
        }
        if (phone && !withNationalNumbers.contains(p.id())) {
            withNationalNumbers.add(p.id());
        }
    }
}
