package org.casebook.imports.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.casebook.imports.DateOrder;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportException;
import org.casebook.vault.Progress;
import org.junit.jupiter.api.Test;

/** Random and cut-off input never breaks the scanner: it either parses or fails with an ImportException. */
class WhatsAppRobustnessTest {
    private static final String[] PIECES = {
        "1", "12", "2023", "/", ".", "-", ", ", " ", "\u00A0", "\u202F", ":", "21", "05", "09", "AM", "p.", "m.", "a",
        "klo ", "] ", "[", " - ", "Alice", ": ", "\u200E", "\u202A", "\uD83D\uDE00", "\n", "\r\n", "<Media omitted>",
        "<attached: x.jpg>", " (file attached)", "오후 ", "午後", ".", "\u00E9",
    };

    @Test
    void everyPrefixOfAHeaderIsSafe() {
        String[] headers = {"\u200E[13. 6. 2018. 9:25:15\u202FPM] Alice: hi", "13.6.2018 klo 21.25.15 - a: m",
            "31/12/2023, 9:05\u00A0p.\u00A0m. - Bob: x", "2023. 12. 31. 오후 9:05 - 이름: 메시지"};
        Header h = new Header();
        for (String header : headers) {
            byte[] b = header.getBytes(StandardCharsets.UTF_8);
            for (int end = 0; end <= b.length; end++) {
                h.parse(b, 0, end); // must not throw
            }
            assertTrue(h.parse(b, 0, b.length), header);
        }
    }

    @Test
    void randomLinesNeverThrowAnythingButImportException() throws IOException {
        Random random = new Random(99);
        Header h = new Header();
        int parsed = 0;
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder("13/01/2023, 10:00 - Alice: start\n");
            int n = 1 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            h.parse(bytes, 0, bytes.length);
            List<Object> out = new ArrayList<>();
            for (DateOrder order : new DateOrder[] {null, DateOrder.DMY, DateOrder.MDY, DateOrder.YMD}) {
                ChatReader reader = new ChatReader("r.txt", "line ", "r", WhatsAppTestSupport.NO_MEDIA);
                try {
                    DateOrder use = order;
                    if (use == null) {
                        use = reader.inferDateOrder(new LineReader(new ByteArrayInputStream(bytes), "r.txt", -1, null, 16));
                    }
                    reader.read(new LineReader(new ByteArrayInputStream(bytes), "r.txt", -1, Progress.NONE, 16), use,
                            "test", new ImportContext(order, null), out::add);
                    parsed++;
                } catch (ImportException expected) {
                    assertTrue(expected.getMessage().startsWith("r.txt"), expected.getMessage());
                }
            }
        }
        assertTrue(parsed > 1000, "most random texts parse: " + parsed);
    }

    @Test
    void progressIsReportedInBytes() throws IOException {
        byte[] bytes = "13/01/2023, 10:00 - Alice: hi\n".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        long[] last = {0, 0};
        Progress progress = new Progress() {
            @Override
            public void update(long done, long total) {
                last[0] = done;
                last[1] = total;
            }
        };
        long[] count = {0};
        new ChatReader("p.txt", "line ", "p", WhatsAppTestSupport.NO_MEDIA).read(new LineReader(new ByteArrayInputStream(bytes), "p.txt",
                bytes.length, progress), DateOrder.DMY, "test", new ImportContext(null, progress), m -> count[0]++);
        assertEquals(100_000, count[0]);
        assertEquals(bytes.length, last[0]);
        assertEquals(bytes.length, last[1]);
    }
}
