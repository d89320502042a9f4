package org.casebook.imports.sms;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamReader;
import org.casebook.evidence.Plural;
import org.casebook.imports.CallText;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportFormat;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.ImportedMessage.Direction;
import org.casebook.imports.ImportedMessage.Kind;
import org.casebook.imports.MessageFlag;
import org.casebook.imports.MessageSink;
import org.casebook.imports.MessageTime;

/**
 * SMS Backup &amp; Restore's call log ({@code calls-<timestamp>.xml}, root {@code <calls>}): one
 * {@link Kind#CALL} per {@code <call>}, with its duration and a short text ("Missed call", "Outgoing call,
 * 2 min 5 s").
 *
 * <p>{@code type}: 1 incoming, 2 outgoing, 3 missed (incoming, {@link MessageFlag#MISSED}), 4 voicemail,
 * 5 rejected, 6 blocked, 7 answered on another device (all incoming). {@code presentation} 2, 3 and 4 mean
 * the caller's number was withheld, unknown or a payphone: such a call is from "Withheld number" and so on,
 * grouped under that name, since there is no number to group it by.
 */
public final class CallsImporter extends BackupXml {
    private static final Pattern FILE_NAME = Pattern.compile("(?i)calls[-_].*\\.xml");

    @Override
    public ImportFormat format() {
        return ImportFormat.CALLS;
    }

    @Override
    String rootElement() {
        return "calls";
    }

    @Override
    Pattern fileName() {
        return FILE_NAME;
    }

    @Override
    Handler handler(String file, String source, ImportContext context, MessageSink sink) {
        return new CallHandler(file, source, context, sink);
    }

    /** Who called when the number is not shown; null when it is. */
    private static String hiddenCaller(int presentation) {
        return switch (presentation) {
            case 2 -> "Withheld number";
            case 3 -> "Unknown number";
            case 4 -> "Payphone";
            default -> null;
        };
    }

    /** Numbers older Android versions write for a hidden caller ("-1" unknown, "-2" private, "-3" payphone). */
    private static int presentationOfNumber(String number) {
        return switch (number.strip()) {
            case "-2" -> 2;
            case "-1" -> 3;
            case "-3" -> 4;
            default -> 1;
        };
    }

    private static final class CallHandler implements Handler {
        private final String file;
        private final String source;
        private final ImportContext context;
        private final MessageSink sink;
        private String declaredCount;
        private long calls;
        private long unknownElements;
        private long unknownType;
        private long secondsLike;

        CallHandler(String file, String source, ImportContext context, MessageSink sink) {
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
            if (depth != 2) {
                return;
            }
            if (!xml.getLocalName().equals("call")) {
                unknownElements++;
                return;
            }
            long date = date(xml, file, line);
            if (date > 0 && date < SECONDS_LOOKALIKE) {
                secondsLike++;
            }
            String number = attr(xml, "number");
            int type = intAttr(xml, "type", -1);
            int presentation = intAttr(xml, "presentation", 1);
            String contact = contactName(attr(xml, "contact_name"));
            String durationText = attr(xml, "duration");
            Long seconds = null;
            if (durationText != null) {
                try {
                    seconds = Long.parseLong(durationText.strip());
                } catch (NumberFormatException e) {
                    seconds = null;
                }
            }
            String hidden = null;
            if (number == null || number.isBlank() || presentationOfNumber(number) != 1) {
                int shown = presentation >= 2 && presentation <= 4 ? presentation
                        : number == null || number.isBlank() ? 3 : presentationOfNumber(number);
                hidden = hiddenCaller(shown);
                number = null;
            }

            Set<MessageFlag> flags = EnumSet.noneOf(MessageFlag.class);
            Direction direction = Direction.INCOMING;
            String what;
            boolean withDuration = true;
            switch (type) {
                case 1 -> what = "Incoming call";
                case 2 -> {
                    direction = Direction.OUTGOING;
                    what = "Outgoing call";
                }
                case 3 -> {
                    flags.add(MessageFlag.MISSED);
                    what = "Missed call";
                    withDuration = false;
                }
                case 4 -> what = "Voicemail";
                case 5 -> {
                    what = "Rejected call";
                    withDuration = false;
                }
                case 6 -> {
                    what = "Blocked call";
                    withDuration = false;
                }
                case 7 -> what = "Incoming call answered on another device";
                default -> {
                    direction = Direction.UNKNOWN;
                    what = "Call (type " + (type < 0 ? "not given" : String.valueOf(type)) + ")";
                    unknownType++;
                }
            }
            String raw = CallText.of(what, withDuration ? seconds : null);
            String key = number != null ? PhoneNumbers.normalise(number) : hidden;
            String title = contact != null ? contact : number != null ? number : hidden;
            String senderName = null;
            String senderAddress = null;
            if (direction == Direction.INCOMING) {
                senderName = contact != null ? contact : number != null ? number : hidden;
                senderAddress = number;
            } else if (direction == Direction.OUTGOING) {
                senderName = SmsImporter.OWNER;
            }
            calls++;
            sink.accept(new ImportedMessage(Kind.CALL, key, title, "Call", senderName, senderAddress, direction,
                    MessageTime.instant(Instant.ofEpochMilli(date)), raw, List.of(), flags, seconds,
                    source + "line " + line, String.valueOf(date))); // a log entry is identified by its millisecond
        }

        @Override
        public void end(XMLStreamReader xml, int depth) {
        }

        @Override
        public long records() {
            return calls;
        }

        @Override
        public void finish() {
            if (declaredCount != null) {
                long declared;
                try {
                    declared = Long.parseLong(declaredCount.strip());
                } catch (NumberFormatException e) {
                    declared = -1;
                }
                if (declared != calls) {
                    context.warn(file + ": the file says it holds " + Plural.noun(declared, declaredCount + " call")
                            + " (count=\""
                            + declaredCount + "\") but holds " + calls + "; all " + calls + " were read. It may be"
                            + " an incomplete copy or have been edited.");
                }
            }
            if (unknownElements > 0) {
                context.warn(file + ": skipped " + count(unknownElements, "element") + " other than <call>.");
            }
            warnSeconds(context, file, secondsLike, "call");
            if (unknownType > 0) {
                context.warn(file + ": " + count(unknownType, "call") + " without a known type (incoming, outgoing,"
                        + " missed…), imported without a direction.");
            }
        }
    }
}
