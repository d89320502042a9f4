package org.casebook.bundle.check;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the page scan found that the page-level rules need: which pages have no text, which do not show
 * their own page number (or page label), and the images over the resolution limit. Only these facts are
 * kept, not the text, so memory stays small for any page count.
 */
final class PageFacts implements PageScanner.Listener {
    static final double MAX_DPI = 300;
    /** Rounding in the writer's matrix or a few pixels of bleed are not a breach. */
    static final double DPI_TOLERANCE = 1.02;

    private static final Pattern PAGE_N_OF_M =
            Pattern.compile("(?<![\\p{L}\\p{N}])Page\\s+(\\d{1,9})\\s+of\\s+(\\d{1,9})(?!\\d)", Pattern.CASE_INSENSITIVE);

    private final int pageCount;
    private final String[] labels;
    final List<Integer> textless = new ArrayList<>();
    final List<String> unreadable = new ArrayList<>();
    final List<String> numberProblems = new ArrayList<>();
    int numberProblemCount;
    int pagesNumberedByLabel;
    final List<String> firstLabels = new ArrayList<>();
    int imageCount;
    double highestDpi;
    final List<String> imageProblems = new ArrayList<>();
    private int imageProblemCount;
    private final BitSet seen = new BitSet();
    /** The smallest text found on each page, by page number; pages without text are absent. */
    final java.util.Map<Integer, Float> smallestText = new java.util.TreeMap<>();

    /** {@code labels}: the PDF's page labels by page index, or null when it defines none. */
    PageFacts(int pageCount, String[] labels) {
        this.pageCount = pageCount;
        this.labels = labels;
    }

    @Override
    public void page(int pageNumber, String text, List<ImagePlacement> images) {
        add(verdict(pageNumber, text, images));
    }

    /**
     * What one page's text and images say, worked out from them alone: it reads only this object's fixed page
     * count and labels, so pages can be judged on several threads and then {@link #add added} in page order.
     */
    Verdict verdict(int pageNumber, String text, List<ImagePlacement> images) {
        return new Verdict(pageNumber, text.isBlank(), numberShown(pageNumber, text), List.copyOf(images));
    }

    /** Counts a page's verdict; pages must be added in order for the first problems listed to be the first pages. */
    void add(Verdict verdict) {
        int pageNumber = verdict.pageNumber();
        seen.set(pageNumber);
        if (verdict.textless()) {
            textless.add(pageNumber);
        }
        NumberShown number = verdict.number();
        if (number.byLabel() != null) {
            pagesNumberedByLabel++;
            if (firstLabels.size() < 2) {
                firstLabels.add(number.byLabel());
            }
        } else if (number.problem() != null) {
            if (numberProblemCount++ < 5) {
                numberProblems.add(number.problem());
            }
        }
        for (ImagePlacement image : verdict.images()) {
            checkImage(image);
        }
    }

    /** One page's findings: whether it has no text, how it shows its number, the images drawn on it. */
    record Verdict(int pageNumber, boolean textless, NumberShown number, List<ImagePlacement> images) {
    }

    /**
     * How a page shows its number: its own "Page N of M" (both null), its page label ({@code byLabel}), or
     * not at all ({@code problem} says what it shows instead).
     */
    record NumberShown(String byLabel, String problem) {
        static final NumberShown OWN = new NumberShown(null, null);
    }

    @Override
    public void smallestText(int pageNumber, float points) {
        smallestText.put(pageNumber, points);
    }

    @Override
    public void unreadable(int pageNumber, String reason) {
        seen.set(pageNumber);
        unreadable.add("page " + pageNumber + " (" + reason + ")");
    }

    /** Pages with no content stream are never reported by the scan: they have neither text nor a number. */
    void finish() {
        for (int n = seen.nextClearBit(1); n <= pageCount; n = seen.nextClearBit(n + 1)) {
            page(n, "", List.of());
        }
        textless.sort(null);
    }

    private NumberShown numberShown(int pageNumber, String text) {
        String wrong = null;
        Matcher m = PAGE_N_OF_M.matcher(text);
        while (m.find()) {
            if (showsOwn(m, pageNumber)) {
                return NumberShown.OWN;
            }
            if (wrong == null) {
                wrong = m.group().replaceAll("\\s+", " ");
            }
        }
        String label = labels == null || pageNumber > labels.length ? null : labels[pageNumber - 1];
        if (label != null && !label.isBlank() && showsToken(text, label.strip())) {
            return new NumberShown(label.strip(), null);
        }
        String expected = "'Page " + pageNumber + " of " + pageCount + "'"
                + (label == null || label.isBlank() ? "" : " or its label '" + label.strip() + "'");
        return new NumberShown(null, wrong != null
                ? "page " + pageNumber + " shows '" + wrong + "', not " + expected
                : "page " + pageNumber + " shows no " + expected);
    }

    /**
     * Whether {@code drawn} (what one text-showing operator draws) holds the page's own "Page N of M". Such a
     * page is settled without reading the rest of its text: the whole page's text holds the same words.
     */
    boolean showsOwnNumber(int pageNumber, CharSequence drawn) {
        if (!mentionsPage(drawn)) {
            return false; // most of what a page draws: no need for the pattern
        }
        Matcher m = PAGE_N_OF_M.matcher(drawn);
        while (m.find()) {
            if (showsOwn(m, pageNumber)) {
                return true;
            }
        }
        return false;
    }

    /** Whether "page" appears in any case, as {@link #PAGE_N_OF_M} needs. */
    private static boolean mentionsPage(CharSequence text) {
        for (int i = 0, end = text.length() - 3; i < end; i++) {
            if ((text.charAt(i) | 0x20) == 'p' && (text.charAt(i + 1) | 0x20) == 'a' && (text.charAt(i + 2) | 0x20) == 'g'
                    && (text.charAt(i + 3) | 0x20) == 'e') {
                return true;
            }
        }
        return false;
    }

    private boolean showsOwn(Matcher m, int pageNumber) {
        return m.group(1).equals(String.valueOf(pageNumber)) && m.group(2).equals(String.valueOf(pageCount));
    }

    private static boolean showsToken(String text, String token) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(token) + "(?![\\p{L}\\p{N}])").matcher(text).find();
    }

    private void checkImage(ImagePlacement image) {
        double dpi = image.dpi();
        if (dpi == 0) {
            return; // drawn at no size: nothing is shown
        }
        imageCount++;
        highestDpi = Math.max(highestDpi, dpi);
        if (dpi > MAX_DPI * DPI_TOLERANCE) {
            imageProblemCount++;
            if (imageProblems.size() < 5) {
                imageProblems.add(String.format(java.util.Locale.ROOT,
                        "page %d: a %d×%d px image drawn at %.2f×%.2f in = %.0f dpi", image.pageNumber(),
                        image.pixelWidth(), image.pixelHeight(), image.widthPoints() / 72, image.heightPoints() / 72,
                        dpi));
            }
        }
    }

    int imageProblemCount() {
        return imageProblemCount;
    }
}
