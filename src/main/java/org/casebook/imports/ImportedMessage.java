package org.casebook.imports;

import java.util.List;
import java.util.Set;

/**
 * One record read from an export, before it is matched to people and written to the vault.
 *
 * @param kind         an authored message, a call, or a service/system line
 * @param conversation a key for the conversation within this export (chat name, thread path, phone number)
 * @param conversationTitle how the export names the conversation, or null
 * @param channel      "WhatsApp", "SMS", "MMS", "Call", "Messenger", "Instagram", "Telegram", "E-mail", ...
 * @param senderName   the sender as written (a name, or a number for SMS), null for a system line
 * @param senderAddress a phone number, e-mail address, handle or platform id when the export gives one
 * @param raw          the message text exactly as in the source (control characters and all); may be empty
 * @param durationSeconds a call's length, else null
 * @param source       where it is in the export: "line 12", "offset 3456", "messages[3]"
 * @param recordId     what identifies the record within its conversation when the export gives it an identity
 *                     (a Discord or Telegram message id, a phone log's millisecond time), else null. Two records
 *                     with the same identity and the same content are one record the export wrote twice, and are
 *                     imported once; without an identity, two equal records (two "ok" in the same minute) stay two.
 */
public record ImportedMessage(Kind kind, String conversation, String conversationTitle, String channel,
                              String senderName, String senderAddress, Direction direction, MessageTime time,
                              String raw, List<AttachmentRef> attachments, Set<MessageFlag> flags,
                              Long durationSeconds, String source, String recordId) {

    public enum Kind { MESSAGE, CALL, SYSTEM }

    public enum Direction { INCOMING, OUTGOING, UNKNOWN }

    public ImportedMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        flags = flags == null ? Set.of() : Set.copyOf(flags);
    }

    /** A record without an identity of its own in the export. */
    public ImportedMessage(Kind kind, String conversation, String conversationTitle, String channel,
                           String senderName, String senderAddress, Direction direction, MessageTime time,
                           String raw, List<AttachmentRef> attachments, Set<MessageFlag> flags,
                           Long durationSeconds, String source) {
        this(kind, conversation, conversationTitle, channel, senderName, senderAddress, direction, time, raw,
                attachments, flags, durationSeconds, source, null);
    }
}
