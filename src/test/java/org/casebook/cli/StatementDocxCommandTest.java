package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.casebook.statement.Declarations;
import org.casebook.statement.StatementText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;

/**
 * {@code casebook statement --docx}: the editable copy of the statement, written by Casebook's own writer and read
 * back with Apache POI (a real .docx parser), holds what the PDF holds in the same form.
 */
class StatementDocxCommandTest {
    @TempDir
    Path dir;

    private String vault;

    private void aCase() throws IOException {
        vault = dir.resolve("v.casebook").toString();
        ok(cli("init", "--vault", vault));
        ok(cli("case", "add", "--vault", vault, "--title", "Sam Morgan", "--initials", "SM"));
        ok(cli("case", "edit", "--vault", vault, "--case", "Sam Morgan", "--court", "County Court at Leeds",
                "--case-number", "K00LS123"));
        ok(cli("person", "add", "--vault", vault, "--case", "Sam Morgan", "--name", "Dan Reeve", "--role",
                "perpetrator"));
        String incident = cli("incident", "add", "--vault", vault, "--case", "Sam Morgan", "--at", "2024-03-06T08:30",
                "--type", "property-damage", "--description", "My car tyres were cut").out().strip();
        Path photo = dir.resolve("tyres.txt");
        Files.writeString(photo, "a note of the tyre marks");
        ok(cli("attach", "--vault", vault, "--case", "Sam Morgan", "--incident", incident, photo.toString()));
    }

    @Test
    void aCivilStatementsEditableCopyHasItsHeadingNumberedParagraphsStatementOfTruthAndPageNumbersOnA4()
            throws IOException {
        aCase();
        String wording = "I am Sam Morgan. I make this statement about Dan Reeve.\n\n"
                + "On 6 March 2024 my car tyres were cut. I produce a note of the marks as exhibit SM/1.\n"
                + "A second line of the same paragraph & <its> \"quotes\".\n\n"
                + "A message he sent me held a control character \u0007 and a tab\there.";
        Path words = Files.writeString(dir.resolve("words.txt"), wording);
        Path pdf = dir.resolve("statement.pdf");
        Path docx = dir.resolve("statement.docx");
        CliTestSupport.Result r = cli("statement", "--vault", vault, "--case", "Sam Morgan", "--profile", "civil",
                "--witness", "Sam Morgan", "--text", words.toString(), "--out", pdf.toString(), "--docx",
                docx.toString(), "--json");
        assertEquals(0, r.exit(), r::toString);
        JsonNode json = r.json().get(0);
        assertEquals(docx.toAbsolutePath().toString(), json.get("docx").asText());

        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            List<XWPFParagraph> paragraphs = doc.getParagraphs();
            List<String> texts = paragraphs.stream().map(XWPFParagraph::getText).toList();
            assertTrue(texts.contains("IN THE COUNTY COURT AT LEEDS"), texts::toString);
            assertTrue(texts.contains("Claim No: K00LS123"), texts::toString);
            assertTrue(texts.contains("On behalf of the Claimant"), texts::toString);
            assertTrue(texts.contains("Witness: S Morgan"), texts::toString);
            assertTrue(texts.stream().anyMatch(t -> t.startsWith("Exhibits: SM/1 to SM/")), texts::toString);
            assertTrue(texts.contains("DAN REEVE"), texts::toString);
            assertEquals("Title", styleOf(paragraphs, "FIRST WITNESS STATEMENT OF SAM MORGAN"));

            // the witness's paragraphs, in order, each numbered by the word processor with "1.", "2.", ...
            List<XWPFParagraph> numbered = paragraphs.stream().filter(p -> p.getNumID() != null).toList();
            List<String> expected = StatementText.paragraphs(wording).stream()
                    .map(p -> p.replace("\u0007", "")).toList();
            assertEquals(expected, numbered.stream().map(XWPFParagraph::getText).toList());
            for (XWPFParagraph p : numbered) {
                assertEquals("decimal", p.getNumFmt());
                assertEquals("%1.", p.getNumLevelText());
            }
            // a line break inside a paragraph is Word's own break, a tab its own tab
            assertEquals(1, numbered.get(1).getCTP().getRArray(0).sizeOfBrArray());
            assertEquals(1, numbered.get(2).getCTP().getRArray(0).sizeOfTabArray());

            assertEquals("Heading1", styleOf(paragraphs, "Statement of truth"));
            int truth = texts.indexOf(Declarations.TRUTH);
            assertTrue(truth > texts.indexOf("Statement of truth"), texts::toString);
            assertEquals(Declarations.CONTEMPT, texts.get(truth + 1));
            assertTrue(texts.get(truth + 2).startsWith("Signed: "), texts::toString);
            assertEquals("Name: Sam Morgan", texts.get(truth + 3));
            // the declaration and the signature are never on different pages
            for (int i = truth; i < truth + 3; i++) {
                assertTrue(paragraphs.get(i).getCTP().getPPr().isSetKeepNext(), texts.get(i));
            }

            var section = doc.getDocument().getBody().getSectPr();
            assertEquals(BigInteger.valueOf(11906), section.getPgSz().getW());
            assertEquals(BigInteger.valueOf(16838), section.getPgSz().getH());
            assertTrue(((BigInteger) section.getPgMar().getLeft()).intValue() >= 1984, "a 3.5 cm left margin");
            assertEquals(12.0, doc.getStyles().getDefaultRunStyle().getFontSizeAsDouble());
            assertEquals("en-GB", doc.getStyles().getDefaultRunStyle().getRPr().getLangArray(0).getVal());

            XWPFFooter footer = doc.getFooterList().get(0);
            assertEquals(List.of("PAGE", "NUMPAGES"), fields(footer.getParagraphs().get(0)));
            assertEquals("Page 1 of " + json.get("pages").asInt(), footer.getText().strip());
            assertEquals("Witness statement of Sam Morgan", doc.getProperties().getCoreProperties().getTitle());
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "nothing half-written");
        }
    }

    @Test
    void aPoliceStatementsEditableCopyCountsItsPagesInTheDeclarationAndHasASignatureLineOnEveryPage()
            throws IOException {
        aCase();
        Path docx = dir.resolve("mg11.docx");
        CliTestSupport.Result r = cli("statement", "--vault", vault, "--case", "Sam Morgan", "--witness",
                "Sam Morgan", "--occupation", "Nurse", "--out", dir.resolve("mg11.pdf").toString(), "--docx",
                docx.toString(), "--json");
        assertEquals(0, r.exit(), r::toString);
        int pages = r.json().get(0).get("pages").asInt();
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertTrue(texts.contains("Occupation:\tNurse"), texts::toString);
            assertTrue(texts.contains("Statement of:\tSam Morgan"), texts::toString);
            XWPFParagraph declaration = doc.getParagraphs().stream()
                    .filter(p -> p.getText().startsWith(Declarations.policeAroundPages().get(0))).findFirst()
                    .orElseThrow();
            assertEquals(Declarations.police(pages), declaration.getText());
            assertEquals(List.of("NUMPAGES"), fields(declaration));
            assertTrue(texts.stream().anyMatch(t -> t.contains("exhibit SM/1")), texts::toString);
            assertTrue(doc.getParagraphs().stream().noneMatch(p -> p.getNumID() != null), "MG11 is not numbered");
            XWPFParagraph footer = doc.getFooterList().get(0).getParagraphs().get(0);
            assertTrue(footer.getText().startsWith("Signature: "), footer.getText());
            assertTrue(footer.getText().endsWith("Statement page 1 of " + pages), footer.getText());
            assertEquals(List.of("PAGE", "NUMPAGES"), fields(footer));
        }
    }

    @Test
    void anEditableCopyThatIsNotADocxOrHasNoFolderIsRefusedWithExitTwoAndNothingWritten() throws IOException {
        aCase();
        Path pdf = dir.resolve("s.pdf");
        CliTestSupport.Result r = cli("statement", "--vault", vault, "--case", "Sam Morgan", "--out", pdf.toString(),
                "--docx", dir.resolve("s.odt").toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("s.odt") && r.err().contains(".docx"), r::toString);
        r = cli("statement", "--vault", vault, "--case", "Sam Morgan", "--out", pdf.toString(), "--docx",
                dir.resolve("no such folder").resolve("s.docx").toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("the folder does not exist"), r::toString);
        assertFalse(Files.exists(pdf));
    }

    private static String styleOf(List<XWPFParagraph> paragraphs, String text) {
        return paragraphs.stream().filter(p -> p.getText().equals(text)).findFirst().orElseThrow().getStyle();
    }

    private static List<String> fields(XWPFParagraph p) {
        return p.getCTP().getFldSimpleList().stream().map(CTSimpleField::getInstr).map(String::strip).toList();
    }

    private static void ok(CliTestSupport.Result r) {
        assertEquals(0, r.exit(), r::toString);
    }
}
