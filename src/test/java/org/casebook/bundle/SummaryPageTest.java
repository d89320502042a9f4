package org.casebook.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.casebook.bundle.text.FontSet;
import org.casebook.bundle.text.TextWarnings;
import org.casebook.bundle.text.Typesetter;
import org.casebook.conduct.ConductSummary;
import org.casebook.model.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary page with every part filled in: narrative, figures, chart, orders and breaches, reports, impact. */
class SummaryPageTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @TempDir
    Path dir;

    static ConductSummary summary() {
        List<ConductSummary.WeekCount> weeks = new ArrayList<>();
        LocalDate monday = LocalDate.of(2024, 1, 1);
        long[] counts = {2, 0, 3, 5, 4, 8, 6, 11, 9, 14, 12, 18, 21};
        for (int i = 0; i < counts.length; i++) {
            weeks.add(new ConductSummary.WeekCount("2024-W" + String.format("%02d", i + 1), monday.plusWeeks(i),
                    counts[i], counts[i] / 4));
        }
        long[] hours = new long[24];
        for (int h = 0; h < 24; h++) {
            hours[h] = h < 3 || h > 21 ? 9 : h % 5;
        }
        Map<String, Long> channels = new LinkedHashMap<>();
        channels.put("whatsapp", 61L);
        channels.put("sms", 29L);
        channels.put("diary", 17L);
        Map<String, Long> types = new LinkedHashMap<>();
        types.put("following", 6L);
        types.put("threat", 4L);
        types.put("property-damage", 2L);
        Map<String, Long> tags = new LinkedHashMap<>();
        tags.put("turning-up", 5L);
        tags.put("threat", 4L);
        return new ConductSummary(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31), LONDON, 17, 90, 6,
                Instant.parse("2024-01-02T08:10:00Z"), Instant.parse("2024-03-30T23:41:00Z"), false, false, channels,
                types, tags,
                weeks, List.of(), hours, 0, new long[] {20, 15, 14, 12, 16, 19, 17}, 9,
                new ConductSummary.Gap(LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 17), 9),
                new ConductSummary.Escalation("rising", 1.4, 31, 82, 4, 15, "Least-squares slope of weekly counts."),
                List.of(new ConductSummary.OrderFigures(1, "non-molestation-order", "Family Court at Leeds", "LS24F00123",
                        LocalDate.of(2024, 2, 1), LocalDate.of(2025, 2, 1), List.of("No contact by any means",
                        "Not to come within 100 m of 14 Example Street"), 38, List.of(new ConductSummary.Breach(
                        501, Instant.parse("2024-02-14T22:05:00Z"), "No contact by any means",
                        "WhatsApp: 'Happy Valentine's, you can't ignore me forever'")))),
                List.of(new ConductSummary.ReportFigures(1, LocalDate.of(2024, 2, 20), "police", "West Yorkshire Police",
                        "13/98765/24", "PC 1234 Example", "Crime recorded, suspect interviewed", 6)),
                List.of(new ConductSummary.ImpactFigures(1, LocalDate.of(2024, 3, 1), "sleep",
                        "I wake at every car that stops outside.")),
                List.of("Contact has risen from 2 a week in January to 21 a week by the end of March.",
                        "Most contact comes late at night; a non-molestation order was breached on 14 February."));
    }

    @Test
    void showsEveryPartOfTheCourseOfConduct() throws IOException {
        Path file = dir.resolve("summary.pdf");
        try (PDDocument d = new PDDocument()) {
            PageWriter w = new PageWriter(d, new Typesetter(FontSet.load(d, new TextWarnings())),
                    new Redactor(List.of()), new Links());
            BundleContent content = new BundleContent(new Case(1, "Jane Smith", "JS", LONDON, Instant.EPOCH),
                    BundleOptions.all(), List.of(), List.of(), summary(), "0".repeat(64), Map.of());
            new SummaryPage(content, w).write();
            assertTrue(d.getNumberOfPages() <= 2, "one or two pages, not " + d.getNumberOfPages());
            d.save(file.toFile());
        }
        if (System.getProperty("bundle.keep") != null) {
            Files.copy(file, Path.of(System.getProperty("bundle.keep")).resolve("summary.pdf"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try (PDDocument d = Loader.loadPDF(file.toFile())) {
            String text = BundleReader.text(d).replaceAll("\\s+", " "); // table cells wrap
            assertTrue(!text.contains("non-molestation-order"), "the order's name, not its code");
            assertTrue(!text.contains(".;"), "a report's outcome and its links are two sentences");
            for (String expected : List.of("Contact has risen from 2 a week", "rising", "Non-molestation order",
                    "LS24F00123", "No contact by any means", "Happy Valentine", "13/98765/24",
                    "Police: West Yorkshire", "I wake at every car", "Following", "Turning up", "WhatsApp",
                    "9 days", "Crime recorded, suspect interviewed. 6", "incidents linked.")) {
                assertTrue(text.contains(expected), expected + " in:\n" + text);
            }
        }
    }

    /**
     * Wherever the summary's small tables fall on the page, each stays whole with its heading: the narrative is
     * lengthened a line at a time so every table meets the page break at some point.
     */
    @Test
    void smallTablesAndTheirHeadingsAreNeverSplitAcrossPages() throws Exception {
        for (int extra = 0; extra <= 48; extra++) {
            List<String> narrative = new ArrayList<>();
            for (int i = 0; i < extra; i++) {
                narrative.add("Sentence " + i + " of a longer narrative.");
            }
            List<String> pages = pages(withNarrative(summary(), narrative));
            String context = extra + " extra lines:\n" + String.join("\n=== page break ===\n", pages);
            assertEquals(pageOf(pages, "Counts\n"), pageOf(pages, "Property damage"), context);
            assertEquals(pageOf(pages, "Incidents by type"), pageOf(pages, "Property damage"), context);
            assertEquals(pageOf(pages, "Reports made"), pageOf(pages, "13/98765/24"), context);
            assertEquals(pageOf(pages, "Impact on the witness"), pageOf(pages, "I wake at every car"), context);
            assertEquals(pageOf(pages, "Key figures"), pageOf(pages, "Longest quiet spell"), context);
            assertEquals(pageOf(pages, "Orders and their breaches"), pageOf(pages, "Happy Valentine"), context);
            assertEquals(pageOf(pages, "Contacts and incidents per week"), pageOf(pages, "Each bar is one week"),
                    context);
        }
    }

    private List<String> pages(ConductSummary summary) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (PDDocument d = new PDDocument()) {
            PageWriter w = new PageWriter(d, new Typesetter(FontSet.load(d, new TextWarnings())),
                    new Redactor(List.of()), new Links());
            BundleContent content = new BundleContent(new Case(1, "Jane Smith", "JS", LONDON, Instant.EPOCH),
                    BundleOptions.all(), List.of(), List.of(), summary, "0".repeat(64), Map.of());
            new SummaryPage(content, w).write();
            d.save(out);
        }
        List<String> pages = new ArrayList<>();
        try (PDDocument d = Loader.loadPDF(out.toByteArray())) {
            for (int p = 1; p <= d.getNumberOfPages(); p++) {
                pages.add(BundleReader.text(d, p, p));
            }
        }
        return pages;
    }

    private static int pageOf(List<String> pages, String text) {
        for (int p = 0; p < pages.size(); p++) {
            if (pages.get(p).contains(text)) {
                return p + 1;
            }
        }
        throw new AssertionError(text + " is on no page");
    }

    private static ConductSummary withNarrative(ConductSummary s, List<String> narrative) throws Exception {
        var components = ConductSummary.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals("narrative") ? narrative : components[i].getAccessor().invoke(s);
        }
        return ConductSummary.class.getDeclaredConstructor(types).newInstance(values);
    }
}
