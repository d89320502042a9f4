package org.casebook.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.casebook.bundle.text.Face;
import org.casebook.bundle.text.FontSet;
import org.casebook.bundle.text.TextLine;
import org.casebook.bundle.text.TextStyle;
import org.casebook.bundle.text.TextWarnings;
import org.casebook.bundle.text.Typesetter;

/**
 * What the bundle's text engine costs per message: 10,000 short chat messages (mostly English, one in ten
 * Arabic, Hebrew, Chinese or with emoji) wrapped to a 360 pt column and drawn onto A4 pages, timed apart
 * from saving. Not a test; run on the test class path, e.g.
 *
 * <pre>./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *        -Dexec.args="-Xmx256m -cp %classpath org.casebook.bench.TextLayoutBenchmark"</pre>
 */
public final class TextLayoutBenchmark {
    private static final String[] OTHER_SCRIPTS = {
        "أعرف أين تسكنين وسأنتظرك غدا", "אני יודע איפה את גרה", "我知道你住在哪里", "see you tonight 😡🔪👀",
    };
    private static final TextStyle BODY = new TextStyle(Face.REGULAR, 10);
    private static final float COLUMN = 360;

    public static void main(String[] args) throws IOException {
        int messages = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 10_000;
        List<String> texts = messages(messages);
        run(texts);  // warm-up: JIT, font files read once per JVM
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, 0, 0};
        for (int round = 0; round < 3; round++) {
            long[] result = run(texts);
            if (result[0] < best[0]) {
                best = result;
            }
        }
        System.out.printf(Locale.ROOT, "%d messages, %d lines, %d pages: wrap+draw %d ms (%.1f µs/message), save %d ms%n",
                messages, best[2], best[3], best[0] / 1_000_000, best[0] / 1000.0 / messages, best[1] / 1_000_000);
    }

    /** Returns {layout ns, save ns, lines, pages}. */
    private static long[] run(List<String> texts) throws IOException {
        try (PDDocument document = new PDDocument()) {
            Typesetter typesetter = new Typesetter(FontSet.load(document, new TextWarnings()));
            long start = System.nanoTime();
            long lines = 0;
            PDPageContentStream stream = null;
            float y = 0;
            float lineHeight = typesetter.lineHeight(BODY);
            for (String text : texts) {
                for (TextLine line : typesetter.wrap(text, BODY, COLUMN)) {
                    if (stream == null || y < 50) {
                        if (stream != null) {
                            stream.close();
                        }
                        PDPage page = new PDPage(PDRectangle.A4);
                        document.addPage(page);
                        stream = new PDPageContentStream(document, page);
                        y = PDRectangle.A4.getHeight() - 50;
                    }
                    y -= lineHeight;
                    typesetter.draw(stream, line, line.rightToLeft() ? 50 + COLUMN - line.width() : 50, y);
                    lines++;
                }
                y -= lineHeight / 2;
            }
            if (stream != null) {
                stream.close();
            }
            long layout = System.nanoTime() - start;
            start = System.nanoTime();
            document.save(OutputStream.nullOutputStream());
            return new long[] {layout, System.nanoTime() - start, lines, document.getNumberOfPages()};
        }
    }

    private static List<String> messages(int count) {
        String[] words = MessageGenerator.vocabulary();
        SplittableRandom random = new SplittableRandom(42);
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            int length = 3 + random.nextInt(25);
            for (int w = 0; w < length; w++) {
                text.append(w == 0 ? "" : " ").append(words[random.nextInt(Math.min(words.length, 2000))]);
            }
            if (i % 10 == 0) {
                text.append(' ').append(OTHER_SCRIPTS[random.nextInt(OTHER_SCRIPTS.length)]);
            }
            texts.add(text.toString());
        }
        return texts;
    }

    private TextLayoutBenchmark() {
    }
}
