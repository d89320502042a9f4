package org.casebook.imports;

import org.casebook.vault.Sha256Writer;

/**
 * Passes each record on, except one that repeats a record already read from the same file: the same identity
 * in the export ({@link ImportedMessage#recordId()}: a Discord message id, a call log's millisecond time) and the
 * same content. Such a repeat is the export writing one record twice (a backup app run twice over the same
 * log, a partitioned export overlapping), not a second message, and would inflate the course-of-conduct
 * figures; it is counted in the summary instead. Records without an identity are never collapsed here: two
 * "ok" in the same minute of a WhatsApp chat are two messages.
 */
final class RepeatedRecords implements MessageSink {
    private final ImportContext context;
    private final MessageSink next;
    private final LongHashSet seen = new LongHashSet();
    private final Sha256Writer digest = new Sha256Writer();

    RepeatedRecords(ImportContext context, MessageSink next) {
        this.context = context;
        this.next = next;
    }

    @Override
    public void accept(ImportedMessage m) {
        if (m.recordId() != null && !seen.add(key(m))) {
            context.repeatedRecord();
            return;
        }
        next.accept(m);
    }

    /** The record's identity and everything Casebook keeps of it, as 64 bits of SHA-256. */
    private long key(ImportedMessage m) {
        Sha256Writer d = digest;
        d.utf8(m.recordId()).put(0).utf8(m.channel()).put(0).utf8(nz(m.conversation())).put(0)
                .utf8(nz(m.senderName())).put(0).utf8(nz(m.senderAddress())).put(0).ascii(m.kind().name()).put(0)
                .utf8(m.time().isLocal() ? m.time().local().toString() : m.time().instant().toString()).put(0)
                .utf8(nz(m.raw())).put(0).decimal(m.durationSeconds() == null ? -1 : m.durationSeconds()).put(0);
        for (AttachmentRef a : m.attachments()) {
            d.utf8(nz(a.name())).put(0);
        }
        for (MessageFlag f : MessageFlag.values()) {
            d.put(m.flags().contains(f) ? 1 : 0);
        }
        return Sha256Writer.leadingLong(d.digest());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
