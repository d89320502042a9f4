package org.casebook.bundle;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.casebook.model.TimelineItem;

/**
 * One exhibit before layout: an attached file, one conversation's messages from one export file, or the captures
 * of one web address. A file that came with a message is not an exhibit of its own: it is one of its
 * conversation's {@code files}, shown at its message and referenced under the conversation's reference
 * ("JS/12.1"); so is each re-capture of an address, under its first capture's.
 *
 * @param reference   e.g. "JS/12", or "JS/12.1" for a file sent in exhibit JS/12; null until numbered
 * @param typeLabel   a short name of its kind for the chronology ("Photograph", "WhatsApp messages")
 * @param itemId      the attached file's item, or the conversation's first selected message
 * @param source      where it came from: the export file and line, or the attached file's name
 * @param fileName    the original's file name (the export file for messages)
 * @param at          when it happened (the first message for a conversation)
 * @param until       the last message of a conversation, or null
 * @param timeSource  where the time came from: the attachment's code ("exif", "incident", "file modified",
 *                    "message") or {@link TimeSources#EXPORT}; see {@link TimeSources}
 * @param messages    the conversation's messages in order (empty for a file)
 * @param messageId   for a file sent with a message: that message's item id, else null
 * @param files       for a conversation: the files sent with its messages, in message order; for a capture: the
 *                    re-captures of its address, in time order (else empty)
 */
record ExhibitItem(String reference, Kind kind, long itemId, String typeLabel, String description, String source, String fileName,
                   String mediaType, long size, ZonedDateTime at, ZonedDateTime until, boolean approximate,
                   Instant added, String sha256, String timeSource, String camera, List<TimelineItem> messages,
                   List<Long> incidentIds, Long messageId, List<ExhibitItem> files) {
    enum Kind { PHOTO, PDF, FILE, CONVERSATION, CAPTURE }

    ExhibitItem {
        messages = List.copyOf(messages);
        incidentIds = List.copyOf(incidentIds);
        files = List.copyOf(files);
    }

    /** Gives this exhibit its reference, and each file sent in it the reference under it. */
    ExhibitItem numbered(String ref) {
        List<ExhibitItem> numberedFiles = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            numberedFiles.add(files.get(i).numbered(ref + "." + (i + 1)));
        }
        return new ExhibitItem(ref, kind, itemId, typeLabel, description, source, fileName, mediaType, size, at, until,
                approximate, added, sha256, timeSource, camera, messages, incidentIds, messageId, numberedFiles);
    }

    /** Whether this is a file sent with a message, shown within its conversation's exhibit. */
    boolean sentWithMessage() {
        return messageId != null;
    }

    /** This exhibit's original and then those of the files sent in it: every file it puts in the bundle. */
    List<ExhibitItem> originals() {
        List<ExhibitItem> out = new ArrayList<>(1 + files.size());
        out.add(this);
        out.addAll(files);
        return out;
    }

    /** The files sent with one message. */
    List<ExhibitItem> filesOf(long message) {
        return files.stream().filter(f -> f.messageId() == message).toList();
    }

    /** The key a link or bookmark uses for this exhibit's first page (for a file sent in a message, its page). */
    String key() {
        return "exhibit:" + reference;
    }
}
