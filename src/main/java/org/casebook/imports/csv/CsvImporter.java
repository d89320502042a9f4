package org.casebook.imports.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.casebook.imports.AmbiguousDateOrderException;
import org.casebook.imports.DateOrder;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportException;
import org.casebook.imports.ImportFormat;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.Importer;
import org.casebook.imports.MessageSink;
import org.casebook.imports.MessageTime;

/**
 * A spreadsheet of messages, for everything without its own importer. Columns are found from the header
 * names (time or date + time, sender, text, …) unless the user maps them. Times may be ISO-8601 (with or
 * without an offset), epoch seconds or milliseconds, or numeric dates; when numeric dates fit both day-first
 * and month-first readings the importer refuses to guess.
 */
public final class CsvImporter implements Importer {
    /** The roles a column can play, with the header names that suggest each. */
    static final Map<String, List<String>> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("time", List.of("timestamp", "datetime", "date_time", "date/time", "date time", "sent at",
                "sent", "received at", "time sent"));
        ROLES.put("date", List.of("date", "day"));
        ROLES.put("clock", List.of("time", "hour"));
        ROLES.put("text", List.of("text", "message", "body", "content", "msg", "message text"));
        ROLES.put("sender", List.of("sender", "from", "author", "name", "contact", "sender name"));
        ROLES.put("address", List.of("number", "phone", "phone number", "address", "email", "e-mail", "handle"));
        ROLES.put("direction", List.of("direction", "type", "in/out"));
        ROLES.put("conversation", List.of("conversation", "chat", "thread", "group"));
        ROLES.put("channel", List.of("channel", "app", "platform", "service"));
    }

    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "(\\d{1,4})[./-](\\d{1,2})[./-](\\d{1,4})(?:[ ,T]+(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?\\s*([AaPp]\\.?\\s?[Mm]\\.?)?)?");

    @Override
    public ImportFormat format() {
        return ImportFormat.CSV;
    }

    @Override
    public boolean recognises(ExportFile file) throws IOException {
        String name = file.name().toLowerCase(Locale.ROOT);
        if (file.isZip() || !(name.endsWith(".csv") || name.endsWith(".tsv"))) {
            return false;
        }
        try (CSVParser parser = parser(file, name)) {
            Map<String, Integer> columns = mapColumns(parser.getHeaderNames(), Map.of(), file.name());
            return columns.containsKey("text") && (columns.containsKey("time") || columns.containsKey("date"));
        } catch (ImportException | IllegalArgumentException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    @Override
    public void read(ExportFile file, ImportContext context, MessageSink sink) throws IOException {
        if (file.isZip()) {
            throw new ImportException(file.name() + ": a zip is not a CSV file.");
        }
        String lowerName = file.name().toLowerCase(Locale.ROOT);
        Map<String, Integer> columns;
        try (CSVParser parser = parser(file, lowerName)) {
            columns = mapColumns(parser.getHeaderNames(), context.columns(), file.name());
        }
        DateOrder order = context.dateOrder() != null ? context.dateOrder() : inferDateOrder(file, lowerName, columns);
        BoundedCsvReader[] bounded = new BoundedCsvReader[1];
        try (CSVParser parser = parser(file, lowerName, bounded)) {
            long row = 1;
            for (CSVRecord record : parser) {
                row++;
                context.progress().checkCancelled();
                if (isBlank(record)) {
                    continue;
                }
                long line = parser.getCurrentLineNumber();
                MessageTime time = time(record, columns, order, file.name(), line);
                String text = value(record, columns, "text");
                String sender = value(record, columns, "sender");
                String address = value(record, columns, "address");
                String conversation = value(record, columns, "conversation");
                String channel = value(record, columns, "channel");
                sink.accept(new ImportedMessage(ImportedMessage.Kind.MESSAGE,
                        // Without a conversation column every row is one conversation, whatever the file is
                        // called, so a newer export of the same messages is recognised.
                        conversation == null ? "" : conversation, conversation,
                        channel == null ? "CSV" : channel, sender, address, direction(value(record, columns, "direction")),
                        time, text == null ? "" : text, List.of(), Set.of(), null, "row " + row));
            }
            if (bounded[0].cutRecords() > 0) {
                context.warn(file.name() + ": " + bounded[0].cutRecords() + " row(s) have more than "
                        + BoundedCsvReader.MAX_FIELDS + " columns; the columns after that were not read.");
            }
        } catch (java.io.UncheckedIOException e) {
            throw unreadable(file, e.getCause());
        } catch (IllegalStateException e) {
            throw new ImportException(file.name() + ": is not well-formed CSV (" + e.getMessage() + ")", e);
        }
    }

    private static CSVParser parser(ExportFile file, String lowerName) throws IOException {
        return parser(file, lowerName, new BoundedCsvReader[1]);
    }

    /** The parser over the file's text, which {@link BoundedCsvReader} (handed back in {@code bounded}) limits. */
    private static CSVParser parser(ExportFile file, String lowerName, BoundedCsvReader[] bounded) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(file.open(), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        try {
            reader.mark(1);
            int first = reader.read();
            if (first != '\uFEFF' && first != -1) {
                reader.reset();
            }
            char delimiter = lowerName.endsWith(".tsv") ? '\t' : ',';
            bounded[0] = new BoundedCsvReader(reader, delimiter);
            CSVFormat format = CSVFormat.DEFAULT.builder()
                    .setDelimiter(delimiter)
                    .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(false)
                    .setAllowMissingColumnNames(true).setIgnoreHeaderCase(true).get();
            return CSVParser.builder().setReader(bounded[0]).setFormat(format).get();
        } catch (java.io.UncheckedIOException | IOException e) {
            reader.close();
            throw unreadable(file, e instanceof java.io.UncheckedIOException u ? u.getCause() : e);
        } catch (IllegalArgumentException e) {
            reader.close(); // commons-csv refusing the header line
            throw unreadable(file, e);
        }
    }

    private static ImportException unreadable(ExportFile file, Throwable cause) {
        if (cause instanceof CharacterCodingException) {
            return new ImportException(file.name() + ": is not UTF-8 text (is it a spreadsheet saved as .xlsx?).");
        }
        return new ImportException(file.name() + ": could not be read as CSV (" + cause.getMessage() + ")");
    }

    /** Finds each role's column: the user's mapping first, then the header names. */
    static Map<String, Integer> mapColumns(List<String> headers, Map<String, String> chosen, String fileName) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : chosen.entrySet()) {
            String role = e.getKey().strip().toLowerCase(Locale.ROOT);
            if (!ROLES.containsKey(role)) {
                throw new ImportException(fileName + ": unknown column role '" + e.getKey() + "'. Roles: "
                        + String.join(", ", ROLES.keySet()) + ".");
            }
            int index = indexOf(headers, e.getValue());
            if (index < 0) {
                throw new ImportException(fileName + ": has no column called '" + e.getValue() + "'. Columns: "
                        + String.join(", ", headers) + ".");
            }
            columns.put(role, index);
        }
        for (Map.Entry<String, List<String>> role : ROLES.entrySet()) {
            if (columns.containsKey(role.getKey())) {
                continue;
            }
            for (String candidate : role.getValue()) {
                int index = indexOf(headers, candidate);
                if (index >= 0 && !columns.containsValue(index)) {
                    columns.put(role.getKey(), index);
                    break;
                }
            }
        }
        if (!columns.containsKey("time") && columns.containsKey("date") && !columns.containsKey("clock")) {
            columns.put("time", columns.remove("date"));
        }
        if (!columns.containsKey("time") && !columns.containsKey("date") && columns.containsKey("clock")) {
            columns.put("time", columns.remove("clock"));
        }
        if (!columns.containsKey("text")) {
            throw new ImportException(fileName + ": no column holds the message text. Columns: "
                    + String.join(", ", headers) + ". Map one with --columns text=NAME.");
        }
        if (!columns.containsKey("time") && !columns.containsKey("date")) {
            throw new ImportException(fileName + ": no column holds the date or time. Columns: "
                    + String.join(", ", headers) + ". Map one with --columns time=NAME.");
        }
        return columns;
    }

    private static int indexOf(List<String> headers, String name) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i) != null && headers.get(i).strip().equalsIgnoreCase(name.strip())) {
                return i;
            }
        }
        return -1;
    }

    /** Reads the whole time column once, when dates are numeric, to learn their order or refuse. */
    private DateOrder inferDateOrder(ExportFile file, String lowerName, Map<String, Integer> columns)
            throws IOException {
        boolean dayFirst = false;
        boolean monthFirst = false;
        boolean yearFirst = false;
        boolean numeric = false;
        List<String> samples = new ArrayList<>();
        try (CSVParser parser = parser(file, lowerName)) {
            for (CSVRecord record : parser) {
                String text = dateText(record, columns);
                if (text == null) {
                    continue;
                }
                Matcher m = NUMERIC_DATE.matcher(text.strip());
                if (!m.matches()) {
                    continue;
                }
                numeric = true;
                if (m.group(1).length() == 4) {
                    yearFirst = true;
                    continue;
                }
                int a = Integer.parseInt(m.group(1));
                int b = Integer.parseInt(m.group(2));
                if (a > 12) {
                    dayFirst = true;
                } else if (b > 12) {
                    monthFirst = true;
                } else if (samples.size() < 5) {
                    samples.add(text.strip());
                }
            }
        }
        if (!numeric || yearFirst && !dayFirst && !monthFirst) {
            return DateOrder.YMD;
        }
        if (dayFirst && monthFirst) {
            throw new ImportException(file.name() + ": some dates can only be day-first and others only"
                    + " month-first; the column mixes formats. Say which with --date-order.");
        }
        if (dayFirst) {
            return DateOrder.DMY;
        }
        if (monthFirst) {
            return DateOrder.MDY;
        }
        throw new AmbiguousDateOrderException(file.name(), samples);
    }

    private static String dateText(CSVRecord record, Map<String, Integer> columns) {
        if (columns.containsKey("time")) {
            return cell(record, columns.get("time"));
        }
        return cell(record, columns.get("date"));
    }

    static MessageTime time(CSVRecord record, Map<String, Integer> columns, DateOrder order, String file, long line) {
        String text;
        if (columns.containsKey("time")) {
            text = cell(record, columns.get("time"));
        } else {
            String date = cell(record, columns.get("date"));
            String clock = columns.containsKey("clock") ? cell(record, columns.get("clock")) : null;
            text = date == null ? null : clock == null ? date : date.strip() + " " + clock.strip();
        }
        if (text == null || text.isBlank()) {
            throw ImportException.at(file, line, "the date/time is empty.");
        }
        MessageTime parsed = parseTime(text.strip(), order);
        if (parsed == null) {
            throw ImportException.at(file, line, "'" + text.strip() + "' is not a date and time Casebook can read"
                    + " (ISO-8601 such as 2024-03-01 21:15, epoch seconds, or 01/03/2024 21:15).");
        }
        return parsed;
    }

    static MessageTime parseTime(String text, DateOrder order) {
        if (text.matches("\\d{9,13}")) {
            long value = Long.parseLong(text);
            return MessageTime.instant(text.length() >= 12 ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value));
        }
        String iso = text.replace(' ', 'T');
        try {
            OffsetDateTime odt = OffsetDateTime.parse(iso);
            return MessageTime.withOffset(odt.toInstant(), odt.getOffset());
        } catch (DateTimeParseException ignored) {
            // not ISO with an offset
        }
        try {
            return MessageTime.local(LocalDateTime.parse(iso));
        } catch (DateTimeParseException ignored) {
            // not ISO local
        }
        Matcher m = NUMERIC_DATE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            int c = Integer.parseInt(m.group(3));
            LocalDate date;
            if (m.group(1).length() == 4) {
                date = LocalDate.of(a, b, c);
            } else {
                int year = m.group(3).length() <= 2 ? 2000 + c : c;
                date = order == DateOrder.MDY ? LocalDate.of(year, a, b) : LocalDate.of(year, b, a);
            }
            LocalTime time = LocalTime.MIDNIGHT;
            if (m.group(4) != null) {
                int hour = Integer.parseInt(m.group(4));
                String ampm = m.group(7);
                if (ampm != null) {
                    boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
                    if (hour < 1 || hour > 12) {
                        return null;
                    }
                    hour = hour % 12 + (pm ? 12 : 0);
                }
                time = LocalTime.of(hour, Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            }
            return MessageTime.local(LocalDateTime.of(date, time));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static ImportedMessage.Direction direction(String value) {
        if (value == null) {
            return ImportedMessage.Direction.UNKNOWN;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("in") || v.startsWith("received") || v.equals("1")) {
            return ImportedMessage.Direction.INCOMING;
        }
        if (v.startsWith("out") || v.startsWith("sent") || v.equals("2")) {
            return ImportedMessage.Direction.OUTGOING;
        }
        return ImportedMessage.Direction.UNKNOWN;
    }

    private static String value(CSVRecord record, Map<String, Integer> columns, String role) {
        Integer index = columns.get(role);
        return index == null ? null : cell(record, index);
    }

    private static String cell(CSVRecord record, Integer index) {
        if (index == null || index >= record.size()) {
            return null;
        }
        String v = record.get(index);
        return v == null || v.isEmpty() ? null : v;
    }

    private static boolean isBlank(CSVRecord record) {
        for (String v : record) {
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
