package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.casebook.cli.CliTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.casebook.testsupport.TestPdfs;
import org.casebook.cli.CliTestSupport.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A family bundle of a case with an order served (its document attached), messages, a report and an edited diary
 * entry, from the command line: FPR PD27A's sections in its order with the order's document under "Applications and
 * orders", no text below 12 pt on any page Casebook set, bookmarks carrying the printed page, the user's own order
 * and sections from a CSV, and an index export whose pages are those of the finished file.
 */
class FamilyLayoutCommandTest {
    @TempDir
    Path dir;
    private String v;
    private String caseId;
    private String document;

    @BeforeEach
    void aCase() throws Exception {
        v = dir.resolve("v.casebook").toString();
        ok(cli("init", "--vault", v));
        caseId = ok(cli("case", "add", "--vault", v, "--title", "Fictional family case", "--initials", "JS",
                "--timezone", "Europe/London"));
        ok(cli("case", "edit", "--vault", v, "--case", caseId, "--court", "Family Court at Anytown",
                "--case-number", "AN24P00123", "--applicant", "Jane Smith", "--respondent", "Sam Jones"));
        CliTestSupport.samTextsAroundAnOrder(dir, v, caseId);
        Path orderPdf = dir.resolve("2024-03-05 Non-molestation order.pdf");
        onePagePdf(orderPdf, "NON-MOLESTATION ORDER made at the Family Court at Anytown");
        document = ok(cli("attach", "--vault", v, "--case", caseId, orderPdf.toString())).split("\\s+")[0];
        ok(cli("order", "add", "--vault", v, "--case", caseId, "--kind", "non-molestation-order",
                "--made", "2024-03-05", "--served", "2024-03-08", "--served-how", "personally",
                "--document", document, "--condition", "No contact directly or indirectly"));
        String entry = ok(cli("incident", "add", "--vault", v, "--case", caseId, "--at", "2024-03-14T19:30",
                "--type", "loitering", "--description", "He stood outside my work for an hour"));
        Path photo = dir.resolve("2024-03-14 Outside work.pdf");
        onePagePdf(photo, "A note of what I saw outside work");
        ok(cli("attach", "--vault", v, "--case", caseId, "--incident", entry.split("\\s+")[0], photo.toString()));
        ok(cli("report", "add", "--vault", v, "--case", caseId, "--at", "2024-03-13T10:00", "--to", "police",
                "--reference", "13/999/24", "--contact", "PC Smith", "--collar", "1234"));
    }

    @Test
    void aFamilyBundleFollowsPd27aWithNoTextBelow12PointAndPagedBookmarks() throws Exception {
        Path pdf = dir.resolve("family.pdf");
        Path index = dir.resolve("index.csv");
        JsonNode result = new Result(0, ok(cli("bundle", "--vault", v, "--case", caseId, "--out", pdf.toString(),
                "--profile", "family", "--index-out", index.toString(), "--json")), "")
                .json().get(0);
        JsonNode textSize = rule(result, "text-size");
        assertTrue(textSize.get("passed").asBoolean(), textSize.toString());
        assertTrue(textSize.get("rule").asText().contains("12 pt"), textSize.toString());
        assertTrue(result.get("check_passed").asBoolean(), result.get("rules").toString());

        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            // the sections in PD27A's order, each bookmark ending with the page printed on the page it opens
            List<String> top = new ArrayList<>();
            for (PDOutlineItem item : d.getDocumentCatalog().getDocumentOutline().children()) {
                top.add(item.getTitle());
            }
            assertEquals(List.of("Section A \u2014 Preliminary documents, p. A1",
                    "Section B \u2014 Applications and orders, p. B1",
                    "Section C \u2014 Statements and affidavits, p. C1",
                    "Section D \u2014 Other documents, p. D1"), top);
            String[] labels = d.getDocumentCatalog().getPageLabels().getLabelsByPageIndices();
            checkBookmarkPages(d, d.getDocumentCatalog().getDocumentOutline().children(), labels);
            // the order's own document is the first exhibit, in section B
            PDOutlineItem orders = d.getDocumentCatalog().getDocumentOutline().getFirstChild().getNextSibling();
            PDOutlineItem orderExhibit = orders.getFirstChild();
            assertTrue(orderExhibit.getTitle().startsWith("JS/1 \u2014 Non-molestation order (PDF document), 5 Mar 2024, p. B"),
                    orderExhibit.getTitle());
            // nothing Casebook set is below 12 pt (the merged documents' own pages are shown as supplied)
            Map<Integer, Float> smallest = smallestText(d);
            List<Integer> merged = new ArrayList<>();
            for (int p = 1; p <= d.getNumberOfPages(); p++) {
                String t = text(d, p, p);
                if (t.contains("NON-MOLESTATION ORDER made at") || t.contains("A note of what I saw outside work")) {
                    merged.add(p);
                }
            }
            assertEquals(2, merged.size(), "two merged pages");
            smallest.forEach((page, size) -> {
                if (!merged.contains(page)) {
                    assertTrue(size >= 11.99f, "page " + page + " has text at " + size + " pt");
                }
            });
            // the index export: each line's page is the label of the page its bookmark opens
            List<String> lines = Files.readAllLines(index, StandardCharsets.UTF_8);
            assertEquals("section,mark,title,date,page,pdf_page,item", lines.get(0));
            Map<String, String> pageOfMark = new HashMap<>();
            for (org.apache.commons.csv.CSVRecord r : csv(index)) {
                int pdfPage = Integer.parseInt(r.get("pdf_page"));
                assertEquals(labels[pdfPage - 1], r.get("page"), "printed page of: " + r);
                if (!r.get("mark").isEmpty()) {
                    pageOfMark.put(r.get("mark"), r.get("page"));
                }
            }
            assertTrue(pageOfMark.get("JS/1").startsWith("B"), pageOfMark.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("Applications and orders,JS/1,Non-molestation order (PDF document),"
                    + "5 Mar 2024,B") && l.endsWith("," + document)), String.join("\n", lines));
        }
        Result verified = cli("verify-bundle", pdf.toString());
        assertEquals(0, verified.exit(), "the appendix's hashes, each on a line of its own at 12 pt, still read: "
                + verified);
        Result checked = cli("check-bundle", "--min-text-size", "12", pdf.toString());
        // the merged documents are set at 12 pt too, so even the whole file passes
        assertEquals(0, checked.exit(), checked::toString);
    }

    @Test
    void thePoliceProfileSetsSmallerTextWhichTheCheckFindsAgainstTheFamilyMinimum() throws Exception {
        Path pdf = dir.resolve("police.pdf");
        ok(cli("bundle", "--vault", v, "--case", caseId, "--out", pdf.toString(), "--profile", "police"));
        Result checked = cli("check-bundle", "--min-text-size", "12", pdf.toString());
        assertEquals(3, checked.exit(), checked::toString);
        assertTrue(checked.out().contains("FAIL  No text smaller than 12 pt — text below 12 pt on page 1"),
                checked.out());
        Result bad = cli("check-bundle", "--min-text-size", "-3", pdf.toString());
        assertEquals(2, bad.exit(), bad::toString);
    }

    @Test
    void theUsersSectionsAndOrderComeFromACsvAndAnExportedIndexGivesTheSameBundleBack() throws Exception {
        Path first = dir.resolve("first.pdf");
        Path exported = dir.resolve("first.csv");
        ok(cli("bundle", "--vault", v, "--case", caseId, "--out", first.toString(), "--profile", "civil",
                "--index-out", exported.toString()));
        List<String> rows = exhibitRows(exported);
        assertEquals(3, rows.size(), rows.toString());
        // the user moves the last exhibit first into a section of her own, and names another
        List<String> items = rows.stream().map(r -> r.substring(r.lastIndexOf(',') + 1)).toList();
        Path sections = dir.resolve("sections.csv");
        Files.writeString(sections, "section,item\n"
                + "What he sent me," + items.get(2) + "\n"
                + "'=The order," + items.get(0) + "\n");
        Path second = dir.resolve("second.pdf");
        Path secondIndex = dir.resolve("second.csv");
        ok(cli("bundle", "--vault", v, "--case", caseId, "--out", second.toString(), "--profile", "civil",
                "--sections", sections.toString(), "--index-out", secondIndex.toString()));
        List<String> arranged = exhibitRows(secondIndex);
        assertEquals(List.of("What he sent me,JS/1", "'=The order,JS/2", "Other exhibits,JS/3"),
                arranged.stream().map(r -> r.substring(0, r.indexOf(',', r.indexOf(',') + 1))).toList(),
                "marks run in the new order; a cell that would be a formula keeps its apostrophe");
        assertEquals(items.get(2), arranged.get(0).substring(arranged.get(0).lastIndexOf(',') + 1));
        try (PDDocument d = Loader.loadPDF(second.toFile())) {
            String all = text(d, 1, d.getNumberOfPages());
            assertTrue(all.indexOf("What he sent me") < all.indexOf("=The order"), "sections in the chosen order");
            assertTrue(all.contains("in the order the witness chose"));
        }
        // the exported index, given back unchanged, gives the same order and pages
        Path third = dir.resolve("third.pdf");
        Path thirdIndex = dir.resolve("third.csv");
        ok(cli("bundle", "--vault", v, "--case", caseId, "--out", third.toString(), "--profile", "civil",
                "--sections", secondIndex.toString(), "--index-out", thirdIndex.toString()));
        assertEquals(Files.readAllLines(secondIndex), Files.readAllLines(thirdIndex));
    }

    @Test
    void aSectionsFileThatCannotBeUsedIsBadInputNamingItsLineAndNothingIsWritten() throws Exception {
        Path pdf = dir.resolve("never.pdf");
        Map<String, String> files = Map.of(
                "section,item\nLetters,12x\n", "line 2: the item '12x' is not an item number",
                "section,mark\nLetters,JS/1\n", "line 1: no 'item' column",
                "section,item\nLetters," + document + "\nOthers," + document + "\n", "line 3: item " + document
                        + " is already placed",
                "section,item\nLetters,987654\n", "line 2: item 987654 is not an exhibit of this bundle");
        int n = 0;
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path csv = dir.resolve("bad" + n++ + ".csv");
            Files.writeString(csv, f.getKey());
            Result r = cli("bundle", "--vault", v, "--case", caseId, "--out", pdf.toString(), "--sections",
                    csv.toString());
            assertEquals(2, r.exit(), r::toString);
            assertTrue(r.err().contains(csv.toString()) && r.err().contains(f.getValue()), r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        }
        assertFalse(Files.exists(pdf));
        try (var listing = Files.list(dir)) {
            assertFalse(listing.anyMatch(p -> p.getFileName().toString().endsWith(".part")));
        }
    }

    private static List<org.apache.commons.csv.CSVRecord> csv(Path file) throws IOException {
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .build().parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            return parser.getRecords();
        }
    }

    private static List<String> exhibitRows(Path csv) throws IOException {
        return Files.readAllLines(csv, StandardCharsets.UTF_8).stream().skip(1)
                .filter(l -> !l.endsWith(",")).toList();
    }

    private static JsonNode rule(JsonNode result, String id) {
        for (JsonNode r : result.get("rules")) {
            if (id.equals(r.get("id").asText())) {
                return r;
            }
        }
        throw new AssertionError("no rule " + id + " in " + result.get("rules"));
    }

    /** Every bookmark, at every level, ends with ", p. X" where X is the label of the page it opens. */
    private static void checkBookmarkPages(PDDocument d, Iterable<PDOutlineItem> items, String[] labels)
            throws IOException {
        for (PDOutlineItem item : items) {
            PDPageDestination dest = (PDPageDestination) item.getDestination();
            int index = d.getPages().indexOf(dest.getPage());
            String title = item.getTitle();
            boolean merged = title.equals("Merged bookmark");
            if (!merged) {
                assertTrue(title.endsWith(", p. " + labels[index]), title + " opens page " + labels[index]);
            }
            checkBookmarkPages(d, item.children(), labels);
        }
    }

    private static Map<Integer, Float> smallestText(PDDocument d) throws IOException {
        Map<Integer, Float> out = new HashMap<>();
        PDFTextStripper sizes = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition t) {
                if (!t.getUnicode().isBlank()) {
                    out.merge(getCurrentPageNo(), t.getFontSizeInPt(), Math::min);
                }
                super.processTextPosition(t);
            }
        };
        sizes.getText(d);
        return out;
    }

    private static void onePagePdf(Path file, String words) throws Exception {
        TestPdfs.write(file, 12, words);
    }

    private static String text(PDDocument d, int from, int to) throws Exception {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(from);
        s.setEndPage(to);
        return s.getText(d);
    }
}
