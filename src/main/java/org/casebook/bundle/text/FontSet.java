package org.casebook.bundle.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts of one document, embedded as subsets (PDF/A needs every font embedded), and the per-character
 * choice among them: the style's face, then DejaVu Sans, then the CJK font, then the emoji font. A font is
 * parsed and added to the document only when a character first needs it, so a Latin-only bundle never
 * carries the 3 MB CJK font. Not thread-safe: one document is laid out on one thread.
 */
public final class FontSet {
    private static final String DEJAVU = "net/sf/jasperreports/fonts/dejavu/";
    private static final String OURS = "org/casebook/bundle/fonts/";

    /** The fonts in fallback order after the face's own; the ordinal is the slot number in the caches. */
    enum Source {
        SANS(DEJAVU + "DejaVuSans.ttf"),
        SANS_BOLD(DEJAVU + "DejaVuSans-Bold.ttf"),
        MONO(DEJAVU + "DejaVuSansMono.ttf"),
        CJK(OURS + "DroidSansFallback.ttf"),
        EMOJI(OURS + "NotoEmoji-Regular.ttf");

        final String resource;

        Source(String resource) {
            this.resource = resource;
        }
    }

    /** Font files read once per JVM; each document parses its own copy (TrueTypeFont is not shareable). */
    private static final Map<Source, byte[]> FILES = new ConcurrentHashMap<>();

    private static final byte NOT_RESOLVED = 0;
    private static final byte NO_FONT = -1;

    private final PDDocument document;
    private final TextWarnings warnings;
    private final EmbeddedFont[] loaded = new EmbeddedFont[Source.values().length];
    private final boolean[] failed = new boolean[Source.values().length];
    private final Map<Face, Source[]> chains = new EnumMap<>(Face.class);
    /** Per face: code point (BMP) to slot + 1, or NO_FONT. */
    private final Map<Face, byte[]> bmpChoices = new EnumMap<>(Face.class);
    private final Map<Face, Map<Integer, Byte>> supplementaryChoices = new EnumMap<>(Face.class);

    private FontSet(PDDocument document, TextWarnings warnings) {
        this.document = document;
        this.warnings = warnings;
        chains.put(Face.REGULAR, new Source[] {Source.SANS, Source.CJK, Source.EMOJI});
        chains.put(Face.BOLD, new Source[] {Source.SANS_BOLD, Source.SANS, Source.CJK, Source.EMOJI});
        chains.put(Face.MONO, new Source[] {Source.MONO, Source.SANS, Source.CJK, Source.EMOJI});
        for (Face face : Face.values()) {
            bmpChoices.put(face, new byte[0x10000]);
            supplementaryChoices.put(face, new HashMap<>());
        }
    }

    /** Fonts for {@code document}; problems met later (such as characters no font has) go to {@code warnings}. */
    public static FontSet load(PDDocument document, TextWarnings warnings) throws IOException {
        FontSet fonts = new FontSet(Objects.requireNonNull(document, "document"), Objects.requireNonNull(warnings, "warnings"));
        // The base font must be there: without it nothing, not even a placeholder, can be drawn.
        fonts.loaded[Source.SANS.ordinal()] = fonts.embed(Source.SANS);
        return fonts;
    }

    TextWarnings warnings() {
        return warnings;
    }

    /** DejaVu Sans, which every layout falls back to (placeholders, redaction labels, metrics). */
    EmbeddedFont base() {
        return loaded[Source.SANS.ordinal()];
    }

    /** The first font in {@code face}'s chain that has {@code codePoint}, or null when none has. */
    EmbeddedFont fontFor(Face face, int codePoint) {
        byte choice;
        if (codePoint < 0x10000) {
            byte[] choices = bmpChoices.get(face);
            choice = choices[codePoint];
            if (choice == NOT_RESOLVED) {
                choice = resolve(face, codePoint);
                choices[codePoint] = choice;
            }
        } else {
            choice = supplementaryChoices.get(face).computeIfAbsent(codePoint, cp -> resolve(face, cp));
        }
        return choice == NO_FONT ? null : loaded[choice - 1];
    }

    private byte resolve(Face face, int codePoint) {
        for (Source source : chains.get(face)) {
            EmbeddedFont font = font(source);
            if (font != null && font.has(codePoint)) {
                return (byte) (source.ordinal() + 1);
            }
        }
        return NO_FONT;
    }

    private EmbeddedFont font(Source source) {
        int slot = source.ordinal();
        if (loaded[slot] == null && !failed[slot]) {
            try {
                loaded[slot] = embed(source);
            } catch (IOException | RuntimeException e) {
                // A missing fallback font costs coverage, not the bundle: its characters become placeholders.
                failed[slot] = true;
                warnings.add("Font " + source.resource + " could not be loaded (" + e.getMessage() + ")");
            }
        }
        return loaded[slot];
    }

    private EmbeddedFont embed(Source source) throws IOException {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes(source)));
        // No GSUB: PDFBox would otherwise swap in ligatures for Latin text while drawing, so what is drawn
        // would differ from what was measured, and it recompiles regular expressions on every showText.
        // Arabic joining is done by ICU before layout instead.
        ttf.setEnableGsub(false);
        // Subsetting reads the font when the document is saved, so the document closes it, not us.
        document.registerTrueTypeFontForClosing(ttf);
        PDType0Font pdFont = PDType0Font.load(document, ttf, true);
        return new EmbeddedFont(source.resource, pdFont, ttf);
    }

    /**
     * Whether {@code font} is one of this set's fonts: embedded (as a subset) when the document is saved, though
     * until then PDFBox reports it as not embedded.
     */
    public boolean owns(org.apache.pdfbox.cos.COSDictionary font) {
        for (EmbeddedFont f : loaded) {
            if (f != null && f.pdFont().getCOSObject() == font) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytes(Source source) throws IOException {
        try {
            return FILES.computeIfAbsent(source, FontSet::read);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static byte[] read(Source source) {
        try (InputStream in = FontSet.class.getClassLoader().getResourceAsStream(source.resource)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("Font " + source.resource + " is not on the class path"));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
