package org.casebook.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.casebook.bundle.text.FontSet;
import org.casebook.bundle.text.TextWarnings;
import org.casebook.bundle.text.Typesetter;
import org.casebook.conduct.ConductSummary;
import org.casebook.model.Case;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The key figures' boxes on the summary page: whatever the figures say, every letter stays inside its box. */
class SummaryKeyFiguresTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @ParameterizedTest
    @ValueSource(strings = {"rising", "falling", "steady", "too little data"})
    void everyLetterOfTheKeyFiguresStaysInsideItsBox(String direction) throws Exception {
        ConductSummary s = SummaryPageTest.summary();
        ConductSummary.Escalation e = s.escalation();
        s = with(s, "escalation", new ConductSummary.Escalation(direction, e.perWeekSlope(), e.firstHalf(),
                e.secondHalf(), e.severeFirstHalf(), e.severeSecondHalf(), e.method()));
        everyLetterInsideItsBox(render(s));
    }

    private static void everyLetterInsideItsBox(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            List<float[]> boxes = rectangles(d.getPage(0)).stream()
                    .filter(r -> Math.abs(r[3] - 44) < 0.5f && r[2] > 80).toList();
            assertEquals(4, boxes.size(), "four figure boxes: " + boxes.size());
            List<TextPosition> glyphs = glyphs(d);
            int inBoxes = 0;
            for (TextPosition g : glyphs) {
                float x0 = g.getXDirAdj();
                float x1 = x0 + g.getWidthDirAdj();
                float baseline = d.getPage(0).getMediaBox().getHeight() - g.getYDirAdj();
                for (float[] b : boxes) {
                    boolean startsIn = x0 >= b[0] && x0 <= b[0] + b[2] && baseline >= b[1] && baseline <= b[1] + b[3];
                    if (startsIn) {
                        inBoxes++;
                        assertTrue(x1 <= b[0] + b[2] - 4, "'" + g.getUnicode() + "' of a figure ends at " + x1
                                + ", past its box's right edge " + (b[0] + b[2]) + " less its margin");
                    }
                }
            }
            assertTrue(inBoxes > 20, "the figures' text was found in the boxes: " + inBoxes);
        }
    }

    /** With the escalation view, the fourth box names the most serious kind lately, in the longest words it has. */
    @ParameterizedTest
    @ValueSource(strings = {"THROUGH_OTHERS", "THREATS_DAMAGE", "VIOLENCE"})
    void theMostSeriousKindLatelyStaysInsideItsBox(String level) throws Exception {
        ConductSummary s = with(SummaryPageTest.summary(), "escalationView", new ConductSummary.EscalationView("week",
                List.of(), List.of(), List.of(), List.of(), org.casebook.conduct.ConductLevel.valueOf(level),
                "No more serious kind of conduct began during the period.", "How."));
        try (PDDocument d = Loader.loadPDF(render(s))) {
            String text = new PDFTextStripper().getText(d);
            assertTrue(text.contains(org.casebook.conduct.ConductLevel.valueOf(level).shortLabel()
                    + "\nmost serious lately"), text);
        }
        everyLetterInsideItsBox(render(s));
    }

    private static List<TextPosition> glyphs(PDDocument d) throws IOException {
        List<TextPosition> out = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                out.add(text);
            }
        };
        stripper.setStartPage(1);
        stripper.setEndPage(1);
        stripper.getText(d);
        return out;
    }

    static byte[] render(ConductSummary s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument d = new PDDocument()) {
            PageWriter w = new PageWriter(d, new Typesetter(FontSet.load(d, new TextWarnings())),
                    new Redactor(List.of()), new Links());
            BundleContent content = new BundleContent(new Case(1, "Jane Smith", "JS", LONDON, Instant.EPOCH),
                    BundleOptions.all(), List.of(), List.of(), s, "0".repeat(64), Map.of());
            new SummaryPage(content, w).write();
            d.save(out);
        }
        return out.toByteArray();
    }

    static ConductSummary with(ConductSummary s, String name, Object value) throws Exception {
        var components = ConductSummary.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals(name) ? value : components[i].getAccessor().invoke(s);
        }
        return ConductSummary.class.getDeclaredConstructor(types).newInstance(values);
    }

    /** Every rectangle drawn on the page, as {x, y, width, height} in user space. */
    static List<float[]> rectangles(PDPage page) throws IOException {
        List<float[]> out = new ArrayList<>();
        new org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine(page) {
            @Override
            public void appendRectangle(java.awt.geom.Point2D p0, java.awt.geom.Point2D p1, java.awt.geom.Point2D p2,
                                        java.awt.geom.Point2D p3) {
                float x = (float) Math.min(p0.getX(), p2.getX());
                float y = (float) Math.min(p0.getY(), p2.getY());
                out.add(new float[] {x, y, (float) Math.abs(p2.getX() - p0.getX()),
                    (float) Math.abs(p2.getY() - p0.getY())});
            }

            @Override public void drawImage(org.apache.pdfbox.pdmodel.graphics.image.PDImage image) { }
            @Override public void clip(int windingRule) { }
            @Override public void moveTo(float x, float y) { }
            @Override public void lineTo(float x, float y) { }
            @Override public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) { }
            @Override public java.awt.geom.Point2D getCurrentPoint() { return new java.awt.geom.Point2D.Float(); }
            @Override public void closePath() { }
            @Override public void endPath() { }
            @Override public void strokePath() { }
            @Override public void fillPath(int windingRule) { }
            @Override public void fillAndStrokePath(int windingRule) { }
            @Override public void shadingFill(org.apache.pdfbox.cos.COSName shadingName) { }

            List<float[]> run() throws IOException {
                processPage(page);
                return out;
            }
        }.run();
        return out;
    }
}
