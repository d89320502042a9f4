package org.casebook.bundle;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.casebook.model.TimelineItem;

/**
 * One exhibit before layout: an attached file, or one conversation's messages from one export file.
 *
 * @param reference   e.g. "JS/12"; null until the exhibits are numbered
 * @param typeLabel   a short name of its kind for the chronology ("Photograph", "WhatsApp messages")
 * @param itemId      the attached file's item, or the conversation's first selected message
 * @param source      where it came from: the export file and line, or the attached file's name
 * @param fileName    the original's file name (the export file for messages)
 * @param at          when it happened (the first message for a conversation)
 * @param until       the last message of a conversation, or null
 * @param timeSource  where the time came from: the attachment's code ("exif", "incident", "file modified") or
 *                    {@link TimeSources#EXPORT}; see {@link TimeSources}
 * @param messages    the conversation's messages in order (empty for a file)
 */
record ExhibitItem(String reference, Kind kind, long itemId, String typeLabel, String description, String source, String fileName,
                   String mediaType, long size, ZonedDateTime at, ZonedDateTime until, boolean approximate,
                   Instant added, String sha256, String timeSource, String camera, List<TimelineItem> messages,
                   List<Long> incidentIds) {
    enum Kind { PHOTO, PDF, FILE, CONVERSATION }

    ExhibitItem {
        messages = List.copyOf(messages);
        incidentIds = List.copyOf(incidentIds);
    }

    ExhibitItem numbered(String ref) {
        return new ExhibitItem(ref, kind, itemId, typeLabel, description, source, fileName, mediaType, size, at, until,
                approximate, added, sha256, timeSource, camera, messages, incidentIds);
    }

    /** The key a link or bookmark uses for this exhibit's first page. */
    String key() {
        return "exhibit:" + reference;
    }
}
