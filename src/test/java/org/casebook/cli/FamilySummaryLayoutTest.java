package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casebook.testsupport.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A family bundle sets everything at 12 pt at least: its tables widen a column rather than break a word inside
 * ("Referenc / e"), a SHA-256 in a file's frame too narrow for it is split into two halves of 32 characters, never
 * at a random place, and the escalation grid's milestones of one day
 * share one number label instead of printing theirs on top of each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FamilySummaryLayoutTest {
    @TempDir
    static Path dir;

    private String text;
    private String escalation;
    private List<String> overlaps;
    private List<String> outsideTheirBoxes;

    @BeforeAll
    void familyBundle() throws Exception {
        String v = dir.resolve("v.casebook").toString();
        ok(cli("init", "--vault", v));
        ok(cli("case", "add", "--vault", v, "--title", "Sam Morgan", "--initials", "SM"));
        // Loris sends the photos: the witness's own messages, and their files' frames, are indented
        ok(cli("import", "--vault", v, "--case", "Sam Morgan", "--format", "whatsapp", "--me", "Loris",
                Fixtures.file("whatsapp", "whatsapp-chat-parser-example.zip").toString()));
        ok(cli("report", "add", "--vault", v, "--case", "Sam Morgan", "--at", "2019-06-20T18:00", "--to", "police",
                "--recipient", "West Yorkshire Police", "--reference", "13/55555/24", "--contact", "PC Ahmed",
                "--collar", "1234"));
        // three milestones on one day: the order made, the order served, the report
        ok(cli("order", "add", "--vault", v, "--case", "Sam Morgan", "--kind", "non-molestation-order", "--made",
                "2019-06-20", "--served", "2019-06-20", "--issuer", "Family Court at Leeds", "--reference", "LS24F001",
                "--condition", "Not to contact the applicant"));
        Path pdf = dir.resolve("family.pdf");
        ok(cli("bundle", "--vault", v, "--case", "Sam Morgan", "--out", pdf.toString(), "--profile", "family"));
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(d);
            for (int p = 1; p <= d.getNumberOfPages(); p++) {
                PDFTextStripper one = new PDFTextStripper();
                one.setStartPage(p);
                one.setEndPage(p);
                String page = one.getText(d);
                if (page.contains("What kind of conduct, over time")) {
                    overlaps = overlappingGlyphs(d, p);
                    escalation = page;
                }
                if (page.contains("Key figures")) {
                    outsideTheirBoxes = glyphsOutsideTheKeyFigureBoxes(d, p);
                }
            }
        }
    }

    @Test
    void theReportsTableKeepsItsHeaderAndItsReferenceWhole() {
        String words = text.replaceAll("\\s+", " ");
        assertTrue(words.contains("Date To Reference Officer Outcome"), words);
        assertTrue(words.contains("13/55555/24"), words);
    }

    @Test
    void theEscalationViewDrawsNoTextOnTopOfOtherTextAndKeepsItsTableWordsWhole() {
        assertTrue(escalation != null, "an escalation view");
        assertEquals(List.of(), overlaps, "glyphs drawn over others on the escalation page");
        assertTrue(escalation.contains("1\u20133"), "one label for the three milestones of 20 Jun 2019: " + escalation);
        assertTrue(escalation.replaceAll("\\s+", " ").contains("Kind of conduct Contacts First Most recent"), escalation);
    }

    @Test
    void theKeyFiguresStayInsideTheirBoxesAt12Points() {
        assertEquals(List.of(), outsideTheirBoxes, "key-figure text running over its box's edge");
    }

    /**
     * The four key-figure boxes are the page's rectangles of the same size side by side; every glyph whose top
     * is inside their band must lie wholly inside one of them.
     */
    private static List<String> glyphsOutsideTheKeyFigureBoxes(PDDocument d, int page) throws java.io.IOException {
        List<java.awt.geom.Rectangle2D> rects = new ArrayList<>();
        var pdPage = d.getPage(page - 1);
        new org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine(pdPage) {
            @Override
            public void appendRectangle(java.awt.geom.Point2D p0, java.awt.geom.Point2D p1, java.awt.geom.Point2D p2,
                                        java.awt.geom.Point2D p3) {
                var r = new java.awt.geom.Rectangle2D.Double();
                r.setFrameFromDiagonal(p0, p2);
                rects.add(r);
            }

            @Override
            public void drawImage(org.apache.pdfbox.pdmodel.graphics.image.PDImage pdImage) {
            }

            @Override
            public void clip(int windingRule) {
            }

            @Override
            public void moveTo(float x, float y) {
            }

            @Override
            public void lineTo(float x, float y) {
            }

            @Override
            public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            }

            @Override
            public java.awt.geom.Point2D getCurrentPoint() {
                return new java.awt.geom.Point2D.Float();
            }

            @Override
            public void closePath() {
            }

            @Override
            public void endPath() {
            }

            @Override
            public void strokePath() {
            }

            @Override
            public void fillPath(int windingRule) {
            }

            @Override
            public void fillAndStrokePath(int windingRule) {
            }

            @Override
            public void shadingFill(org.apache.pdfbox.cos.COSName shadingName) {
            }
        }.processPage(pdPage);
        // four boxes of one size on one row
        List<java.awt.geom.Rectangle2D> boxes = rects.stream().filter(r -> rects.stream().filter(o ->
                Math.abs(o.getY() - r.getY()) < 0.5 && Math.abs(o.getWidth() - r.getWidth()) < 0.5
                        && Math.abs(o.getHeight() - r.getHeight()) < 0.5).count() == 4).toList();
        assertEquals(4, boxes.size(), "the four key-figure boxes: " + rects);
        float pageHeight = pdPage.getMediaBox().getHeight();
        double bandTop = boxes.get(0).getMaxY();
        double bandBottom = boxes.get(0).getMinY();
        List<String> out = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(org.apache.pdfbox.text.TextPosition t) {
                if (t.getUnicode().isBlank()) {
                    return;
                }
                double top = pageHeight - t.getYDirAdj() + t.getHeightDir();
                double bottom = pageHeight - t.getYDirAdj();
                if (bottom > bandTop || top < bandBottom) {
                    return; // not in the boxes' band
                }
                double left = t.getXDirAdj();
                double right = left + t.getWidthDirAdj();
                boolean inside = boxes.stream().anyMatch(b -> left >= b.getMinX() && right <= b.getMaxX()
                        && bottom >= b.getMinY() && top <= b.getMaxY() + 0.5);
                if (!inside) {
                    out.add("'" + t.getUnicode() + "' at " + Math.round(left) + "," + Math.round(bottom));
                }
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(d);
        return out;
    }

    /** Glyphs on one baseline whose boxes overlap by more than a hair: text printed over text. */
    private static List<String> overlappingGlyphs(PDDocument d, int page) throws java.io.IOException {
        List<org.apache.pdfbox.text.TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(org.apache.pdfbox.text.TextPosition t) {
                if (!t.getUnicode().isBlank()) {
                    glyphs.add(t);
                }
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(d);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < glyphs.size(); i++) {
            for (int j = i + 1; j < glyphs.size(); j++) {
                var a = glyphs.get(i);
                var b = glyphs.get(j);
                boolean sameLine = Math.abs(a.getYDirAdj() - b.getYDirAdj()) < a.getHeightDir() / 2;
                float overlap = Math.min(a.getXDirAdj() + a.getWidthDirAdj(), b.getXDirAdj() + b.getWidthDirAdj())
                        - Math.max(a.getXDirAdj(), b.getXDirAdj());
                if (sameLine && overlap > 1) {
                    out.add(a.getUnicode() + " and " + b.getUnicode() + " at " + a.getXDirAdj() + "," + a.getYDirAdj());
                }
            }
        }
        return out;
    }

    @Test
    void aSha256IsWholeOnALineOrSplitInTwoHalves() {
        Matcher hex = Pattern.compile("(?<![0-9a-f])[0-9a-f]{16,}(?![0-9a-f])").matcher(text);
        List<String> runs = new ArrayList<>();
        while (hex.find()) {
            runs.add(hex.group());
        }
        assertFalse(runs.isEmpty(), text);
        for (int i = 0; i < runs.size(); i++) {
            String run = runs.get(i);
            if (run.length() == 32) {
                assertTrue(i + 1 < runs.size() && runs.get(i + 1).length() == 32, "half of a SHA-256 alone: " + runs);
                i++;
            } else {
                assertEquals(64, run.length(), "a SHA-256 broken at a random place: " + runs);
            }
        }
    }

    private static void ok(CliTestSupport.Result r) {
        assertEquals(0, r.exit(), r::toString);
    }
}
