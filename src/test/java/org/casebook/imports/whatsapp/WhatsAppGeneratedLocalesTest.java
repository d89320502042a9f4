package org.casebook.imports.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.stream.Stream;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.ImportedMessage.Kind;
import org.casebook.imports.whatsapp.WhatsAppTestSupport.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writes WhatsApp exports in several locales from a known list of (author, time, body) and checks that every
 * author, timestamp and body comes back exactly; and that the results do not depend on the JVM's zone.
 */
class WhatsAppGeneratedLocalesTest {
    /** One message as it was sent: the truth the export is made from. */
    record Truth(String author, String expectedName, LocalDateTime time, String body) {
    }

    /**
     * How a locale writes a header and ends lines.
     *
     * @param seconds whether its headers have seconds (else the truth's seconds are dropped)
     */
    record Style(String name, Function<LocalDateTime, String> header, String separator, String newline,
                 boolean seconds) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static String pattern(String p, LocalDateTime t) {
        return DateTimeFormatter.ofPattern(p, Locale.ROOT).format(t);
    }

    private static String twelveHour(LocalDateTime t, String am, String pm) {
        return t.getHour() < 12 ? am : pm;
    }

    static Stream<Style> styles() {
        return Stream.of(
            new Style("Android en-GB", t -> pattern("dd/MM/yyyy, HH:mm", t) + " - ", ": ", "\n", false),
            new Style("Android en-US", t -> pattern("M/d/yy, h:mm", t) + "\u202F" + twelveHour(t, "AM", "PM") + " - ",
                    ": ", "\n", false),
            new Style("Android de", t -> pattern("dd.MM.yy, HH:mm", t) + " - ", ": ", "\n", false),
            new Style("Android es", t -> pattern("d/M/yyyy, h:mm", t) + "\u00A0"
                    + twelveHour(t, "a.\u00A0m.", "p.\u00A0m.") + " - ", ": ", "\n", false),
            new Style("Android fi", t -> pattern("d.M.yyyy 'klo' H.mm", t) + " - ", ": ", "\n", false),
            new Style("iOS en", t -> "[" + pattern("dd/MM/yyyy, HH:mm:ss", t) + "] ", ": ", "\r\n", true),
            new Style("iOS en-US", t -> "[" + pattern("M/d/yy, h:mm:ss", t) + "\u202F" + twelveHour(t, "AM", "PM") + "] ",
                    ": ", "\r\n", true),
            new Style("iOS de", t -> "\u200E[" + pattern("dd.MM.yy, HH:mm:ss", t) + "] ", ": ", "\r\n", true));
    }

    private static final String[][] AUTHORS = {
        {"Alice", "Alice"},
        {"Bob Smith", "Bob Smith"},
        {"John-John Doe", "John-John Doe"},
        {"Zo\u00EB \uD83C\uDF3B", "Zo\u00EB \uD83C\uDF3B"},
        {"\u202A+44 7700 900123\u202C", "+44 7700 900123"},
        {"\u2067\u0645\u062D\u0645\u062F\u2069", "\u0645\u062D\u0645\u062F"},
        {"Kai \uD83D\uDC68\u200D\uD83D\uDCBB", "Kai \uD83D\uDC68\u200D\uD83D\uDCBB"},
    };

    private static final String[] BODIES = {
        "Hello",
        "See you at 10:30: ok?",
        "line one\nline two\n\nline four",
        "I'll be there - promise",
        "31/12/2023 was a good day",
        "pasted:\n2016-04-29 10:30:00\nend",
        "emoji \uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD",
        "\u05E9\u05DC\u05D5\u05DD and text",
        "[ok] fine",
        "a: b: c",
        "   leading spaces and trailing   ",
        "12:00 - meeting",
        "tab\there",
    };

    /** A fixed, varied list: times over two years including midnight and noon, every author and body. */
    static List<Truth> truth() {
        Random random = new Random(4);
        List<Truth> out = new ArrayList<>();
        LocalDateTime t = LocalDateTime.of(2022, 11, 28, 23, 58, 7);
        for (int i = 0; i < 400; i++) {
            t = t.plusSeconds(random.nextInt(4 * 3600));
            if (i == 10) {
                t = t.withHour(0).withMinute(0).withSecond(1).plusDays(1); // 12:00 AM
            } else if (i == 11) {
                t = t.withHour(12).withMinute(0).withSecond(0); // 12:00 PM
            } else if (i == 12) {
                t = t.withHour(12).withMinute(59); // 12:59 PM
            }
            String[] author = AUTHORS[random.nextInt(AUTHORS.length)];
            out.add(new Truth(author[0], author[1], t, BODIES[i % BODIES.length]));
        }
        return out;
    }

    static String write(Style style, List<Truth> truth) {
        StringBuilder text = new StringBuilder();
        for (Truth m : truth) {
            text.append(style.header().apply(m.time())).append(m.author()).append(style.separator())
                    .append(m.body().replace("\n", style.newline())).append(style.newline());
        }
        return text.toString();
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("styles")
    void everyAuthorTimeAndBodyRoundTrips(Style style) throws IOException {
        List<Truth> truth = truth();
        Result r = WhatsAppTestSupport.parse(dir, "chat.txt", write(style, truth)); // no date order given
        assertEquals(truth.size(), r.size(), style.name());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        for (int i = 0; i < truth.size(); i++) {
            Truth want = truth.get(i);
            ImportedMessage got = r.get(i);
            String where = style.name() + ", message " + i;
            assertEquals(Kind.MESSAGE, got.kind(), where);
            assertEquals(want.expectedName(), got.senderName(), where);
            LocalDateTime time = style.seconds() ? want.time() : want.time().truncatedTo(ChronoUnit.MINUTES);
            assertEquals(time, got.time().local(), where);
            assertEquals(want.body(), got.raw(), where);
        }
    }

    /** What a parse gives, as text (times, names, bodies, sources), for comparing runs. */
    private List<String> digest() throws IOException {
        List<String> out = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String name : new String[] {"chat-miner_test_ddmmyy_24hrs.txt", "chat-miner_test_mmddyyyy_12hrs.txt",
            "whatsapp-chat-parser-example.zip"}) {
            files.add(WhatsAppTestSupport.fixture(name));
        }
        files.add(WhatsAppTestSupport.write(dir, "generated.txt", write(styles().toList().get(1), truth())));
        for (Path file : files) {
            for (ImportedMessage m : WhatsAppTestSupport.parse(file).messages()) {
                out.add(file.getFileName() + "|" + m.time() + "|" + m.senderName() + "|" + m.raw() + "|" + m.source());
            }
        }
        return out;
    }

    @Test
    void resultsDoNotDependOnTheDefaultTimeZone() throws IOException {
        TimeZone saved = TimeZone.getDefault();
        List<List<String>> runs = new ArrayList<>();
        try {
            for (String zone : List.of("Europe/London", "America/New_York", "Asia/Tokyo")) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                runs.add(digest());
            }
        } finally {
            TimeZone.setDefault(saved);
        }
        assertTrue(runs.get(0).size() > 400);
        assertEquals(runs.get(0), runs.get(1), "London and New York");
        assertEquals(runs.get(0), runs.get(2), "London and Tokyo");
        assertTrue(runs.get(0).get(0).contains("2019-01-01T11:25"), runs.get(0).get(0));
    }
}
