package org.casebook.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casebook.model.PersonRole;

/**
 * The senders of a file read for the import wizard: how many records each sent, which of them the export marks
 * as sent by its owner, and which conversations each appears in; from these, who in the file is most likely the
 * user herself.
 */
final class SenderTally {
    private final Map<String, Entry> senders = new LinkedHashMap<>();
    private final Set<String> conversations = new HashSet<>();

    private static final class Entry {
        final String name;
        final String address;
        long count;
        long outgoing;
        final Set<String> conversations = new HashSet<>();

        Entry(String name, String address) {
            this.name = name;
            this.address = address;
        }
    }

    void count(ImportedMessage m) {
        if (m.kind() == ImportedMessage.Kind.SYSTEM || m.senderName() == null && m.senderAddress() == null) {
            return;
        }
        String key = (m.senderName() == null ? "" : m.senderName()) + "\u0000"
                + (m.senderAddress() == null ? "" : m.senderAddress());
        Entry e = senders.computeIfAbsent(key, k -> new Entry(m.senderName(), m.senderAddress()));
        e.count++;
        if (m.direction() == ImportedMessage.Direction.OUTGOING) {
            e.outgoing++;
        }
        String conversation = m.channel() + "\u0000" + m.conversation();
        e.conversations.add(conversation);
        conversations.add(conversation);
    }

    /** Each sender with its count and the role the case already gives them, most records first. */
    List<ImportSurvey.SenderCount> counts(SenderDirectory directory) {
        List<ImportSurvey.SenderCount> out = new ArrayList<>();
        senders.values().stream().sorted((a, b) -> Long.compare(b.count, a.count)).forEach(e -> out.add(
                new ImportSurvey.SenderCount(e.name, e.address, e.count, directory.knownRole(e.name, e.address))));
        return out;
    }

    /**
     * The best guess at which sender is the user, with why, or null when nothing in the file or the case tells:
     * the sender the case already knows as the witness; else the one whose messages the export marks as sent by
     * its owner (an SMS backup, a Telegram export); else the only sender in every one of several conversations.
     */
    ImportSurvey.Guess guessMe(List<ImportSurvey.SenderCount> counted) {
        for (ImportSurvey.SenderCount s : counted) {
            if (s.known() == PersonRole.WITNESS) {
                return new ImportSurvey.Guess(s, "the case already knows this sender as you");
            }
        }
        Entry owner = senders.values().stream().filter(e -> e.outgoing > 0)
                .max((a, b) -> Long.compare(a.outgoing, b.outgoing)).orElse(null);
        if (owner != null) {
            return new ImportSurvey.Guess(find(counted, owner), "the export marks what this sender wrote as sent");
        }
        if (conversations.size() >= 2) {
            List<Entry> everywhere = senders.values().stream()
                    .filter(e -> e.conversations.size() == conversations.size()).toList();
            if (everywhere.size() == 1) {
                return new ImportSurvey.Guess(find(counted, everywhere.get(0)),
                        "this sender writes in every conversation of the export");
            }
        }
        return null;
    }

    private static ImportSurvey.SenderCount find(List<ImportSurvey.SenderCount> counted, Entry e) {
        return counted.stream().filter(s -> java.util.Objects.equals(s.name(), e.name)
                && java.util.Objects.equals(s.address(), e.address)).findFirst().orElseThrow();
    }
}
