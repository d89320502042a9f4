package org.casebook.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the redacted texts from every text before layout, and before anything is shortened (so "Flat 3, 27…"
 * can never survive as the start of a shortened address). Text for the page gets U+E000 (the typesetter draws a
 * visible "[redacted]" box); text for metadata, bookmarks and file names gets "[redacted]".
 *
 * <p>Matching sees the text through {@link MatchText}: the same words with other spacing, line breaks,
 * apostrophes, capitals, accents or invisible characters are found, and replaced in the text as written. A term
 * that is a phone number is also found in its other formats (+44 7700 900456, 07700 900456, 0044 7700-900-456);
 * a term that is a place's coordinates ("51.50142, -0.14193") removes any coordinates within a few hundred metres
 * of it, as a shared location or a map link gives them.
 */
final class Redactor {
    static final String MARK = "\uE000";
    static final String PLAIN = "[redacted]";
    /** How far apart (in degrees of latitude, about 550 m) coordinates may be and still be the same place. */
    static final double NEAR_DEGREES = 0.005;
    private static final Pattern PHONE_KEY = Pattern.compile("\\+?\\d{7,}");
    private static final String PHONE_PREFIX = "(?:(?:\\+|00)\\d{1,3})?0?";
    private static final Pattern PLACE_TERM = Pattern.compile(
            "\\s*([-+]?\\d{1,2}(?:\\.\\d+)?)\\s*,\\s*([-+]?\\d{1,3}(?:\\.\\d+)?)\\s*");
    /** Coordinates as texts hold them: at least three decimals each, so "3.5, 2.0" is not a place. */
    private static final Pattern PLACE_TEXT = Pattern.compile(
            "(?<![\\d.])([-+]?\\d{1,2}\\.\\d{3,})[\\s\\u00A0]*,[\\s\\u00A0]*([-+]?\\d{1,3}\\.\\d{3,})(?![\\d])");
    private static final int CHUNK = 1 << 16;

    private record Place(double lat, double lon) {
        boolean near(double otherLat, double otherLon) {
            double dLon = Math.abs(otherLon - lon) * Math.cos(Math.toRadians(lat));
            return Math.abs(otherLat - lat) <= NEAR_DEGREES && dLon <= NEAR_DEGREES;
        }
    }

    private final Pattern pattern;
    private final List<Place> places = new ArrayList<>();
    private final int overlap;

    Redactor(List<String> terms) {
        List<String> alternatives = new ArrayList<>();
        int longest = 0;
        for (String term : terms) {
            if (term == null || term.isBlank()) {
                continue;
            }
            longest = Math.max(longest, term.length());
            Place place = place(term);
            if (place != null) {
                places.add(place);
                continue;
            }
            String key = MatchText.keyOf(term.strip()).strip();
            if (key.isEmpty()) {
                continue;
            }
            alternatives.add(PHONE_KEY.matcher(key).matches() ? phone(key) : Pattern.quote(key));
        }
        // longest first, so a term containing another is removed whole
        alternatives.sort(Comparator.comparingInt(String::length).reversed());
        this.pattern = alternatives.isEmpty() ? null : Pattern.compile(String.join("|", alternatives));
        // enough written text to hold any match however it is spaced, so a stream is searched in windows
        this.overlap = 4096 + 8 * longest;
    }

    boolean active() {
        return pattern != null || !places.isEmpty();
    }

    /** For the page: each occurrence becomes the redaction mark. Null stays null. */
    String page(String text) {
        return replace(text, MARK);
    }

    /** For metadata, bookmarks, file names: each occurrence (and any mark already there) becomes "[redacted]". */
    String plain(String text) {
        String out = replace(text, PLAIN);
        return out == null ? null : out.replace(MARK, PLAIN);
    }

    /**
     * The text redacted for the page, then on one line and shortened to at most {@code max} characters with an
     * ellipsis, at a space where there is one (never mid-word): the only way text headed for the bundle is
     * shortened, so nothing is cut before it is redacted.
     */
    String brief(String text, int max) {
        String redacted = page(text == null ? "" : text);
        String oneLine = redacted.replaceAll("\\s+", " ").strip();
        if (oneLine.length() <= max) {
            return oneLine;
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(oneLine.charAt(cut - 1))) {
            cut--;
        }
        int space = oneLine.lastIndexOf(' ', cut);
        if (space > max / 2) {
            cut = space;
        }
        return oneLine.substring(0, cut).stripTrailing() + "\u2026";
    }

    private String replace(String text, String with) {
        if (text == null || !active() || text.isEmpty()) {
            return text;
        }
        List<int[]> spans = spans(text);
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (int[] s : spans) {
            out.append(text, at, s[0]).append(with);
            at = s[1];
        }
        return out.append(text, at, text.length()).toString();
    }

    /** Where the redacted texts are in {@code text}, as written: sorted, merged where they touch. */
    private List<int[]> spans(CharSequence text) {
        List<int[]> found = new ArrayList<>();
        if (pattern != null) {
            MatchText match = MatchText.of(text);
            Matcher m = pattern.matcher(match.key());
            while (m.find()) {
                if (m.end() > m.start()) {
                    found.add(match.written(m.start(), m.end()));
                }
            }
        }
        if (!places.isEmpty()) {
            Matcher m = PLACE_TEXT.matcher(text);
            while (m.find()) {
                double lat = Double.parseDouble(m.group(1));
                double lon = Double.parseDouble(m.group(2));
                if (places.stream().anyMatch(p -> p.near(lat, lon))) {
                    found.add(new int[] {m.start(), m.end()});
                }
            }
        }
        found.sort(Comparator.comparingInt((int[] s) -> s[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] s : found) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && s[0] <= last[1]) {
                last[1] = Math.max(last[1], s[1]);
            } else {
                merged.add(new int[] {s[0], s[1]});
            }
        }
        return merged;
    }

    /** Whether {@code text} holds a redacted text. */
    boolean foundIn(CharSequence text) {
        return active() && text != null && !spans(text).isEmpty();
    }

    /** Whether an original's bytes, read as UTF-8 text, hold a redacted text. */
    boolean foundIn(InputStream in) throws IOException {
        return foundIn(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /**
     * Whether the text read holds a redacted text. Searched in windows that overlap by more than any match can
     * span, so a gigabyte costs no more memory than one window.
     */
    boolean foundIn(Reader reader) throws IOException {
        return foundIn(reader, List.of(UnaryOperator.identity()));
    }

    /**
     * Whether any of the {@code views} of the text read (as stored, with its escapes decoded, ...) holds a
     * redacted text. Each window is searched through every view.
     */
    boolean foundIn(Reader reader, List<UnaryOperator<CharSequence>> views) throws IOException {
        if (!active()) {
            return false;
        }
        char[] buffer = new char[CHUNK];
        StringBuilder window = new StringBuilder();
        int n;
        while ((n = reader.read(buffer)) > 0) {
            window.append(buffer, 0, n);
            if (window.length() < CHUNK && n > 0) {
                continue; // read on until a window is full: a reader may hand out a few characters at a time
            }
            if (foundIn(window, views)) {
                return true;
            }
            int keep = Math.min(window.length(), overlap);
            int start = window.length() - keep;
            if (start > 0 && Character.isLowSurrogate(window.charAt(start))) {
                start--;
            }
            window.delete(0, start);
        }
        return foundIn(window, views);
    }

    private boolean foundIn(CharSequence window, List<UnaryOperator<CharSequence>> views) {
        boolean searched = false;
        for (UnaryOperator<CharSequence> view : views) {
            CharSequence seen = view.apply(window);
            if (seen == window && searched) {
                continue; // nothing to decode in this window: the same text again
            }
            searched |= seen == window;
            if (foundIn(seen)) {
                return true;
            }
        }
        return false;
    }

    /** A term that is a place's coordinates ("51.50142, -0.14193"), or null. */
    private static Place place(String term) {
        Matcher m = PLACE_TERM.matcher(term);
        if (!m.matches()) {
            return null;
        }
        double lat = Double.parseDouble(m.group(1));
        double lon = Double.parseDouble(m.group(2));
        return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? new Place(lat, lon) : null;
    }

    /**
     * A phone number in the forms it is written: with or without its country code (+44, 0044) and trunk zero.
     * For a number given with a country code, each way of splitting the code from the number (1 to 3 digits) is
     * tried, as long as at least seven digits remain.
     */
    private static String phone(String key) {
        List<String> national = new ArrayList<>();
        if (key.startsWith("+") || key.startsWith("00")) {
            String digits = key.startsWith("+") ? key.substring(1) : key.substring(2);
            for (int cc = 1; cc <= 3; cc++) {
                if (digits.length() - cc >= 7) {
                    national.add(digits.substring(cc));
                }
            }
            national.add(digits); // as written, after a + or 00
        } else {
            national.add(key.startsWith("0") ? key.substring(1) : key);
        }
        national.sort(Comparator.comparingInt(String::length).reversed());
        return PHONE_PREFIX + "(?:" + String.join("|", national) + ")";
    }
}
