package org.casebook.statement;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * An exhibit as the statement produces it: its mark (as the bundle numbers it) and what it holds.
 *
 * @param mark        e.g. "SM/3"
 * @param itemId      the item the exhibit is made from (a file, a conversation's first message, a capture)
 * @param kind        what it is: {@code photo}, {@code pdf}, {@code file}, {@code conversation}, {@code capture}, {@code diary}
 * @param label       a short name of its kind ("WhatsApp messages", "Photograph")
 * @param description what the witness knows it as
 * @param fileName    the original's file name, or null
 * @param at          when it happened (the first message of a conversation)
 * @param until       the last message of a conversation, or null
 * @param count       how many messages a conversation holds (else 0)
 * @param incidentIds the diary entries it was attached to
 * @param parts       for a multi-document exhibit, each document it holds, in order (files sent in a conversation,
 *                    re-captures of an address)
 */
public record ExhibitRef(String mark, long itemId, String kind, String label, String description, String fileName,
                         ZonedDateTime at, ZonedDateTime until, int count, List<Long> incidentIds,
                         List<ExhibitRef> parts) {
    public ExhibitRef {
        incidentIds = List.copyOf(incidentIds);
        parts = List.copyOf(parts);
    }
}
