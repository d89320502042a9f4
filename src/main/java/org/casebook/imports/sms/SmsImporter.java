package org.casebook.imports.sms;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamReader;
import org.casebook.evidence.Plural;
import org.casebook.imports.AttachmentRef;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportException;
import org.casebook.imports.ImportFormat;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.ImportedMessage.Direction;
import org.casebook.imports.ImportedMessage.Kind;
import org.casebook.imports.MessageFlag;
import org.casebook.imports.MessageSink;
import org.casebook.imports.MessageTime;

/**
 * SMS Backup &amp; Restore's messages file ({@code sms-<timestamp>.xml}, root {@code <smses>}): every
 * {@code <sms>} and {@code <mms>} in file order, streamed.
 *
 * <ul>
 * <li><b>SMS</b>: the conversation is the normalised {@code address} ({@link PhoneNumbers}), titled with
 * {@code contact_name} or the address as written. {@code type} 1 is received (sender: the contact name, else
 * the number as written; address: the raw {@code address}), 2 sent; 3 draft, 4 outbox, 5 failed and 6 queued
 * are outgoing and {@link MessageFlag#NOT_SENT}.</li>
 * <li><b>MMS</b>: a received one ({@code msg_box} 1) is from the {@code <addr>} of type 137, not from
 * {@code mms/@address}, which joins every participant with {@code ~}; the conversation is those participants,
 * normalised and sorted. The text is the {@code text/plain} parts (base64 ones decoded in their
 * {@code chset}); the SMIL layout is skipped; every other part is an attachment whose bytes are decoded from
 * {@code data} only when read, and only while the message is being imported.</li>
 * <li>What the phone sent has {@link #OWNER} as its sender, and the owner's number as its address when the
 * file shows it (an MMS's type 137 {@code <addr>}); an SMS file never names its owner.</li>
 * <li>{@code "null"} is the app's word for absent, everywhere. The only attributes required are {@code date}
 * and the address; the root's {@code count} is checked against the records actually read.</li>
 * </ul>
 */
public final class SmsImporter extends BackupXml {
    /** The sender of what this phone sent: the user maps it to a person in the import step. */
    public static final String OWNER = "Me";
    /** The key of a conversation whose messages have no address. */
    public static final String NO_ADDRESS = "(no address)";

    private static final Pattern FILE_NAME = Pattern.compile("(?i)sms[-_].*\\.xml");
    /** What Android puts in an MMS address for "this phone" before it knows its own number. */
    private static final String ADDRESS_TOKEN = "insert-address-token";
    private static final int FROM = 137;

    @Override
    public ImportFormat format() {
        return ImportFormat.SMS;
    }

    @Override
    String rootElement() {
        return "smses";
    }

    @Override
    Pattern fileName() {
        return FILE_NAME;
    }

    @Override
    Handler handler(String file, String source, ImportContext context, MessageSink sink) {
        return new SmsHandler(file, source, context, sink);
    }

    private static final class SmsHandler implements Handler {
        private final String file;
        private final String source;
        private final ImportContext context;
        private final MessageSink sink;
        private String declaredCount;
        private long sms;
        private long mms;
        private long unknownElements;
        private final Set<String> unknownNames = new TreeSet<>();
        private long noAddress;
        private long unknownType;
        private long subjects;
        private long unknownCharset;
        private long secondsLike;
        private Mms open;
        private int openDepth;

        SmsHandler(String file, String source, ImportContext context, MessageSink sink) {
            this.file = file;
            this.source = source;
            this.context = context;
            this.sink = sink;
        }

        @Override
        public void root(XMLStreamReader xml) {
            declaredCount = attr(xml, "count");
        }

        @Override
        public void start(XMLStreamReader xml, int depth, long line, CharSequence data) {
            String name = xml.getLocalName();
            if (open != null) {
                if (name.equals("part")) {
                    open.part(xml, line, data);
                } else if (name.equals("addr")) {
                    open.addr(xml);
                }
                return;
            }
            if (depth != 2) {
                return;
            }
            switch (name) {
                case "sms" -> sms(xml, line);
                case "mms" -> {
                    open = new Mms(xml, line);
                    openDepth = depth;
                }
                default -> {
                    unknownElements++;
                    if (unknownNames.size() < 5) {
                        unknownNames.add(name);
                    }
                }
            }
        }

        @Override
        public void end(XMLStreamReader xml, int depth) {
            if (open != null && depth == openDepth) {
                Mms done = open;
                open = null;
                done.emit();
            }
        }

        @Override
        public long records() {
            return sms + mms;
        }

        private void sms(XMLStreamReader xml, long line) {
            long date = date(xml, file, line);
            if (date > 0 && date < SECONDS_LOOKALIKE) {
                secondsLike++;
            }
            String address = attr(xml, "address");
            int type = intAttr(xml, "type", -1);
            String body = attr(xml, "body");
            String contact = contactName(attr(xml, "contact_name"));
            String subject = attr(xml, "subject");
            if (subject != null && !subject.isBlank()) {
                subjects++;
            }
            String key = PhoneNumbers.normalise(address);
            if (key.isEmpty()) {
                noAddress++;
                key = NO_ADDRESS;
            }
            Set<MessageFlag> flags = EnumSet.noneOf(MessageFlag.class);
            Direction direction;
            switch (type) {
                case 1 -> direction = Direction.INCOMING;
                case 2 -> direction = Direction.OUTGOING;
                case 3, 4, 5, 6 -> {
                    direction = Direction.OUTGOING;
                    flags.add(MessageFlag.NOT_SENT);
                }
                default -> {
                    direction = Direction.UNKNOWN;
                    unknownType++;
                }
            }
            String senderName = null;
            String senderAddress = null;
            if (direction == Direction.INCOMING) {
                senderName = contact != null ? contact : address;
                senderAddress = address;
            } else if (direction == Direction.OUTGOING) {
                senderName = OWNER;
            }
            String title = contact != null ? contact : address;
            sms++;
            sink.accept(new ImportedMessage(Kind.MESSAGE, key, title, "SMS", senderName, senderAddress, direction,
                    MessageTime.instant(Instant.ofEpochMilli(date)), body == null ? "" : body, List.of(), flags, null,
                    source + "line " + line, String.valueOf(date))); // a phone's record is identified by its millisecond
        }

        @Override
        public void finish() {
            long read = sms + mms;
            if (declaredCount != null) {
                long declared;
                try {
                    declared = Long.parseLong(declaredCount.strip());
                } catch (NumberFormatException e) {
                    declared = -1;
                }
                if (declared != read) {
                    context.warn(file + ": the file says it holds " + Plural.noun(declared, declaredCount + " message")
                            + " (count=\""
                            + declaredCount + "\") but holds " + read + " (" + sms + " SMS, " + mms + " MMS); all "
                            + read + " were read. It may be an incomplete copy or have been edited.");
                }
            }
            if (unknownElements > 0) {
                context.warn(file + ": skipped " + count(unknownElements, "element") + " other than <sms> and <mms> ("
                        + String.join(", ", unknownNames) + ").");
            }
            if (noAddress > 0) {
                context.warn(file + ": " + count(noAddress, "message") + " without an address (phone number),"
                        + " grouped as \"" + NO_ADDRESS + "\".");
            }
            if (unknownType > 0) {
                context.warn(file + ": " + count(unknownType, "message") + " without a known type (received, sent,"
                        + " draft…), imported without a direction or sender.");
            }
            if (subjects > 0) {
                context.warn(file + ": " + count(subjects, "message") + " with a subject line: it stays in the"
                        + " original file but is not part of the imported text.");
            }
            warnSeconds(context, file, secondsLike, "message");
            if (unknownCharset > 0) {
                context.warn(file + ": " + count(unknownCharset, "MMS text part") + " in a character set Casebook"
                        + " does not know, read as UTF-8.");
            }
        }

        /** One {@code <mms>} while its parts and addresses are read. */
        private final class Mms {
            private final long line;
            private final long date;
            private final int box;
            private final String address;
            private final String contact;
            private final List<String> texts = new ArrayList<>();
            private final List<AttachmentRef> attachments = new ArrayList<>();
            private final List<Base64Data> embedded = new ArrayList<>();
            private final List<Addr> addrs = new ArrayList<>();
            private int parts;

            Mms(XMLStreamReader xml, long line) {
                this.line = line;
                this.date = date(xml, file, line);
                if (date > 0 && date < SECONDS_LOOKALIKE) {
                    secondsLike++;
                }
                this.box = intAttr(xml, "msg_box", -1);
                this.address = attr(xml, "address");
                this.contact = contactName(attr(xml, "contact_name"));
                String subject = attr(xml, "sub");
                if (subject != null && !subject.isBlank()) {
                    subjects++;
                }
            }

            void part(XMLStreamReader xml, long partLine, CharSequence data) {
                parts++;
                String ct = lower(attr(xml, "ct"));
                String type = ct == null ? "" : ct.strip();
                if (type.startsWith("application/smil")) {
                    return;
                }
                String text = attr(xml, "text");
                String chset = attr(xml, "chset");
                if (type.startsWith("text/plain")) {
                    String decoded = text != null ? text : data != null ? decodeText(data, chset, partLine) : null;
                    if (decoded != null || data == null) {
                        if (decoded != null) {
                            texts.add(decoded);
                        }
                        return;
                    }
                    // undecodable: kept below as an attachment, which the import records as unreadable
                }
                String name = firstOf(attr(xml, "name"), attr(xml, "cl"), attr(xml, "fn"));
                if (name == null) {
                    String seq = attr(xml, "seq");
                    name = "part-" + (seq == null ? String.valueOf(parts) : seq.strip());
                }
                String mediaType = attr(xml, "ct");
                if (data != null) {
                    Base64Data bytes = new Base64Data(data, file + ", line " + partLine + ", part " + name);
                    embedded.add(bytes);
                    attachments.add(new AttachmentRef(name, null, mediaType, bytes));
                } else if (text != null) {
                    Charset cs = MmsCharsets.forChset(chset);
                    byte[] b = text.getBytes(cs == null ? StandardCharsets.UTF_8 : cs);
                    attachments.add(new AttachmentRef(name, null, mediaType, () -> new ByteArrayInputStream(b)));
                } else {
                    attachments.add(new AttachmentRef(name, null, mediaType, null));
                }
            }

            private String decodeText(CharSequence data, String chset, long partLine) {
                Charset cs = MmsCharsets.forChset(chset);
                if (cs == null) {
                    unknownCharset++;
                    cs = StandardCharsets.UTF_8;
                }
                try {
                    return new String(Base64Data.decodeAll(data, file + ", line " + partLine), cs);
                } catch (IOException e) {
                    return null;
                }
            }

            void addr(XMLStreamReader xml) {
                String a = attr(xml, "address");
                if (a != null && !a.isBlank() && !a.strip().equalsIgnoreCase(ADDRESS_TOKEN)) {
                    addrs.add(new Addr(a, intAttr(xml, "type", 0)));
                }
            }

            private String from() {
                for (Addr a : addrs) {
                    if (a.type() == FROM) {
                        return a.address();
                    }
                }
                return null;
            }

            void emit() {
                Set<MessageFlag> flags = EnumSet.noneOf(MessageFlag.class);
                Direction direction;
                switch (box) {
                    case 1 -> direction = Direction.INCOMING;
                    case 2 -> direction = Direction.OUTGOING;
                    case 3, 4, 5 -> {
                        direction = Direction.OUTGOING;
                        flags.add(MessageFlag.NOT_SENT);
                    }
                    default -> {
                        direction = Direction.UNKNOWN;
                        unknownType++;
                    }
                }
                String from = from();
                List<String> participants = new ArrayList<>();
                if (address != null) {
                    for (String p : address.split("~")) {
                        if (!p.isBlank() && !p.strip().equalsIgnoreCase(ADDRESS_TOKEN)) {
                            participants.add(p.strip());
                        }
                    }
                }
                if (participants.isEmpty()) {
                    for (Addr a : addrs) {
                        boolean owner = direction == Direction.OUTGOING && a.type() == FROM;
                        if (!owner) {
                            participants.add(a.address());
                        }
                    }
                }
                TreeSet<String> keys = new TreeSet<>();
                for (String p : participants) {
                    String k = PhoneNumbers.normalise(p);
                    if (!k.isEmpty()) {
                        keys.add(k);
                    }
                }
                String conversation = keys.isEmpty() ? NO_ADDRESS : String.join(", ", keys);
                if (keys.isEmpty()) {
                    noAddress++;
                }
                String title = contact != null ? contact : participants.isEmpty() ? null : String.join(", ",
                        participants);
                String senderName = null;
                String senderAddress = null;
                if (direction == Direction.INCOMING) {
                    senderAddress = from != null ? from : participants.size() == 1 ? participants.get(0) : null;
                    boolean contactIsSender = contact != null && participants.size() == 1 && (senderAddress == null
                            || PhoneNumbers.normalise(senderAddress).equals(PhoneNumbers.normalise(participants.get(0))));
                    senderName = contactIsSender ? contact : senderAddress;
                } else if (direction == Direction.OUTGOING) {
                    senderName = OWNER;
                    senderAddress = from;
                }
                mms++;
                try {
                    sink.accept(new ImportedMessage(Kind.MESSAGE, conversation, title, "MMS", senderName,
                            senderAddress, direction, MessageTime.instant(Instant.ofEpochMilli(date)),
                            String.join("\n", texts), attachments, flags, null, source + "line " + line,
                            String.valueOf(date)));
                } finally {
                    for (Base64Data d : embedded) {
                        d.release();
                    }
                }
            }
        }
    }

    /** An MMS {@code <addr>}: a number and its role (137 from, 151 to, 130 cc, 129 bcc). */
    private record Addr(String address, int type) {
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
