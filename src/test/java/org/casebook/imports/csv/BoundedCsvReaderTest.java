package org.casebook.imports.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** What the CSV parser sees through {@link BoundedCsvReader}: the file as it is, unless a field or record is too long. */
class BoundedCsvReaderTest {
    private static final String TRICKY = "time,sender,text\r\n"
            + "2024-03-01 21:15,Sam,\"quoted, with \"\"quotes\"\"\r\nand a line break\"\r\n"
            + "2024-03-01 21:16,\"\",plain \"not a quote\" inside\n"
            + "\"\"\"\",x,\"\"\r"
            + "a,b,\"ends at the end\"";

    private static String through(String text, int readSize, int maxField) throws IOException {
        Reader r = new BoundedCsvReader(new StringReader(text), ',', maxField);
        StringBuilder out = new StringBuilder();
        char[] buf = new char[readSize];
        for (int n; (n = r.read(buf, 0, buf.length)) >= 0; ) {
            out.append(buf, 0, n);
        }
        return out.toString();
    }

    private static List<List<String>> parse(Reader in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser p = CSVParser.builder().setReader(in).setFormat(CSVFormat.DEFAULT).get()) {
            for (CSVRecord r : p) {
                rows.add(r.toList());
            }
        }
        return rows;
    }

    @Test
    void fieldsWithinTheLimitsPassUnchangedWhateverTheReadSize() throws IOException {
        for (int size : new int[] {1, 2, 3, 7, 64, 8192}) {
            assertEquals(TRICKY, through(TRICKY, size, 1000), "read size " + size);
        }
    }

    @Test
    void longFieldsKeepTheirStartAndTheRecordsAfterThem() throws IOException {
        String text = "a,\"" + "q\"\"".repeat(100) + "\",b\n" + "x".repeat(500) + ",c\nlast,row\n";
        List<List<String>> rows = parse(new BoundedCsvReader(new StringReader(text), ',', 10));
        assertEquals(List.of(List.of("a", "q\"q\"q\"q", "b"), List.of("x".repeat(10), "c"), List.of("last", "row")), rows);
    }

    @Test
    void columnsPastTheLimitAreSkipped() throws IOException {
        String text = "h\n" + "v,".repeat(5000) + "\"quoted,\ncomma\"\nnext\n";
        BoundedCsvReader bounded = new BoundedCsvReader(new StringReader(text), ',', 100);
        List<List<String>> rows = parse(bounded);
        assertEquals(3, rows.size());
        assertEquals(BoundedCsvReader.MAX_FIELDS, rows.get(1).size());
        assertEquals(List.of("next"), rows.get(2));
        assertEquals(1, bounded.cutRecords());
    }
}
