package org.casebook.bundle;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.casebook.vault.VaultException;

/**
 * The user's order of the exhibits and the named sections they go in: one row per exhibit, in the order wanted,
 * each naming its section. An exhibit is named by its item id (what {@code bundle --index-out} writes in its
 * {@code item} column), which stays the same from one bundle to the next, unlike a mark. Exhibits the plan does
 * not name follow in date order in a last section, "Other exhibits".
 *
 * <p>As a file: a CSV with a header row holding at least {@code section} and {@code item} (any other columns, as
 * in an exported index, are ignored), so an exported index can be reordered in a spreadsheet and given back.
 */
public record SectionPlan(List<Row> rows, String source) {
    /** No plan: the bundle's own sections and date order. */
    public static final SectionPlan NONE = new SectionPlan(List.of());
    /** Where exhibits the plan does not name go. */
    public static final String UNLISTED = "Other exhibits";
    static final int MAX_BYTES = 4 << 20;
    static final int MAX_SECTION_CHARS = 120;

    /** One exhibit, by item id, in its section; {@code line} is where a file gave it (0 when not from a file). */
    public record Row(String section, long itemId, int line) {
        public Row {
            section = section == null ? "" : section.strip();
            if (section.isEmpty()) {
                throw new IllegalArgumentException("A section needs a name.");
            }
        }

        public Row(String section, long itemId) {
            this(section, itemId, 0);
        }

        /** Where this row came from, for a message: "FILE, line N", or "the sections" when not from a file. */
        String where(SectionPlan plan) {
            return plan.source() == null ? "the sections" : plan.source() + (line > 0 ? ", line " + line : "");
        }
    }

    /** A plan made in the app (not read from a file). */
    public SectionPlan(List<Row> rows) {
        this(rows, null);
    }

    public SectionPlan {
        rows = List.copyOf(rows);
        Set<Long> seen = new HashSet<>();
        for (Row r : rows) {
            if (!seen.add(r.itemId())) {
                throw new IllegalArgumentException("Item " + r.itemId() + " is placed twice.");
            }
        }
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The section names in the order they first appear. */
    public List<String> sections() {
        Map<String, Boolean> names = new LinkedHashMap<>();
        rows.forEach(r -> names.put(r.section(), true));
        return List.copyOf(names.keySet());
    }

    /**
     * Reads a plan from a CSV file. Bad input (no such column, an item that is not a number, a blank section, an
     * item twice, text that is not UTF-8) is a {@link VaultException#badInput} naming the file and line.
     */
    public static SectionPlan read(Path csv) {
        String name = csv.toString();
        try {
            if (!Files.isRegularFile(csv)) {
                throw VaultException.badInput(name + ": no such file.");
            }
            if (Files.size(csv) > MAX_BYTES) {
                throw VaultException.badInput(name + ": too large for a list of sections (over 4 MB).");
            }
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            String text = decoder.decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(csv))).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1); // a spreadsheet's byte order mark
            }
            return parse(new java.io.StringReader(text), name);
        } catch (CharacterCodingException e) {
            throw VaultException.badInput(name + ": not UTF-8 text. Save the CSV as UTF-8.");
        } catch (IOException e) {
            throw VaultException.badInput(name + ": cannot be read (" + e.getMessage() + ").");
        }
    }

    static SectionPlan parse(Reader in, String name) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).build();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            Map<String, Integer> header = new LinkedHashMap<>();
            parser.getHeaderMap().forEach((k, v) -> header.put(k.strip().toLowerCase(Locale.ROOT), v));
            for (String needed : List.of("section", "item")) {
                if (!header.containsKey(needed)) {
                    throw VaultException.badInput(name + ", line 1: no '" + needed + "' column (the header must"
                            + " name the columns section and item; bundle --index-out writes both).");
                }
            }
            List<Row> rows = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (CSVRecord r : parser) {
                String where = name + ", line " + parser.getCurrentLineNumber();
                String section = Spreadsheet.plain(field(r, header.get("section")));
                String item = field(r, header.get("item"));
                if (item.isBlank()) {
                    continue; // a line for one of the bundle's own parts (an exported index's cover, chronology, ...)
                }
                if (section.isBlank()) {
                    throw VaultException.badInput(where + ": the section is empty.");
                }
                if (section.length() > MAX_SECTION_CHARS) {
                    throw VaultException.badInput(where + ": the section name is longer than " + MAX_SECTION_CHARS
                            + " characters.");
                }
                long id;
                try {
                    id = Long.parseLong(item);
                } catch (NumberFormatException e) {
                    throw VaultException.badInput(where + ": the item '" + brief(item) + "' is not an item number.");
                }
                if (!seen.add(id)) {
                    throw VaultException.badInput(where + ": item " + id + " is already placed on an earlier line.");
                }
                rows.add(new Row(section, id, (int) parser.getCurrentLineNumber()));
            }
            if (rows.isEmpty()) {
                throw VaultException.badInput(name + ": no line names an exhibit's item.");
            }
            return new SectionPlan(rows, name);
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw VaultException.badInput(name + ": not a readable CSV file (" + e.getMessage() + ").");
        }
    }

    private static String field(CSVRecord r, int column) {
        return column < r.size() ? r.get(column) : "";
    }

    private static String brief(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }
}
