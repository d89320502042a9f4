package org.casebook.imports;

/** Markers an export puts on a message, kept because they matter as evidence. */
public enum MessageFlag {
    /** The media was left out of the export ("<Media omitted>", "image omitted"). */
    OMITTED,
    /** The sender deleted it ("This message was deleted"). */
    DELETED,
    /** It was edited after sending. */
    EDITED,
    /** Retracted (Messenger "is_unsent"). */
    UNSENT,
    FORWARDED,
    /** A call that was not answered. */
    MISSED,
    /** A draft, an outbox or a failed message that was never delivered. */
    NOT_SENT,
    /**
     * The text was longer than one message keeps ({@link MessageText#MAX_CHARS}): its start is kept, and the
     * whole of it is in the original export file stored with the import.
     */
    SHORTENED
}
