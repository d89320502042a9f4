package org.casebook.imports.email;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readable text from an HTML-only mail: scripts, styles and comments dropped, block elements and
 * {@code <br>} turned into line breaks, other tags removed, entities decoded, white space collapsed as a browser
 * would. A plain tag strip, not a renderer: the HTML itself is kept as an attachment.
 *
 * <p>One pass over the text, remembering what a search has already found (or not found) further on, so that
 * hostile markup (a quarter of a megabyte of {@code <script>} or {@code <!--} never closed) costs time in
 * proportion to its length: the regular expressions this replaces took minutes on it.
 */
final class HtmlText {
    /** Elements whose content is never text; dropped with it when they are closed. */
    private static final String[] DROPPED = {"script", "style", "head", "title"};
    /** Tags that end a line ({@code <br>}, block elements, and their closing tags). */
    private static final String[] BREAKS = {"br", "/p", "/div", "/tr", "/li", "/h1", "/h2", "/h3", "/h4", "/h5",
        "/h6", "/blockquote", "/table", "/ul", "/ol", "hr", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5",
        "h6", "blockquote"};
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,10});");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("copy", "©"), Map.entry("reg", "®"),
            Map.entry("hellip", "…"), Map.entry("mdash", "—"), Map.entry("ndash", "–"), Map.entry("lsquo", "‘"),
            Map.entry("rsquo", "’"), Map.entry("ldquo", "“"), Map.entry("rdquo", "”"), Map.entry("euro", "€"),
            Map.entry("pound", "£"), Map.entry("bull", "•"), Map.entry("middot", "·"), Map.entry("laquo", "«"),
            Map.entry("raquo", "»"), Map.entry("eacute", "é"), Map.entry("egrave", "è"), Map.entry("agrave", "à"),
            Map.entry("auml", "ä"), Map.entry("ouml", "ö"), Map.entry("uuml", "ü"), Map.entry("szlig", "ß"),
            Map.entry("ccedil", "ç"), Map.entry("trade", "™"), Map.entry("zwnj", "\u200C"), Map.entry("zwj", "\u200D"));

    private HtmlText() {
    }

    static String toText(String html) {
        String s = entities(new Pass(html).run());
        StringBuilder out = new StringBuilder(s.length());
        int blank = 0;
        for (String line : s.split("\n", -1)) {
            String t = line.strip();
            if (t.isEmpty()) {
                blank++;
                continue;
            }
            if (out.length() > 0) {
                out.append(blank >= 2 ? "\n\n" : "\n");
            }
            blank = 0;
            out.append(t);
        }
        return out.toString();
    }

    /** The one pass: markup out, line breaks for block tags, runs of white space as one space. */
    private static final class Pass {
        private final String html;
        /** The text with ASCII letters in lower case: same length, same indexes. */
        private final String lower;
        private final int n;
        private final StringBuilder out;
        private boolean space;
        // what searches found: the next '>' and "-->", and each dropped element's next closing tag
        private final Finder gt;
        private final Finder commentEnd;
        private final int[] closeFrom = new int[DROPPED.length];
        private final int[] close = new int[DROPPED.length];

        Pass(String html) {
            this.html = html;
            char[] chars = html.toCharArray();
            for (int i = 0; i < chars.length; i++) {
                char c = chars[i];
                if (c >= 'A' && c <= 'Z') {
                    chars[i] = (char) (c + 32);
                }
            }
            this.lower = new String(chars);
            this.n = html.length();
            this.out = new StringBuilder(n);
            this.gt = new Finder(html, ">");
            this.commentEnd = new Finder(html, "-->");
            java.util.Arrays.fill(closeFrom, -1);
        }

        String run() {
            int i = 0;
            while (i < n) {
                char c = html.charAt(i);
                if (c == '<') {
                    int next = markup(i);
                    if (next > i) {
                        i = next;
                        continue;
                    }
                } else if (Character.isWhitespace(c)) {
                    space = true;
                    i++;
                    continue;
                }
                flushSpace();
                out.append(c);
                i++;
            }
            flushSpace();
            return out.toString();
        }

        private void flushSpace() {
            if (space) {
                out.append(' ');
                space = false;
            }
        }

        /** Markup at {@code i} (a '<'): where the text goes on after it, or {@code i} when it is text. */
        private int markup(int i) {
            if (lower.startsWith("<!--", i)) {
                int end = commentEnd.next(i + 4);
                if (end >= 0) {
                    space = true; // a dropped comment reads as white space
                    return end + 3;
                }
            }
            int tagEnd = gt.next(i + 1);
            if (tagEnd < 0) {
                return i; // never closed: the '<' is text
            }
            for (int k = 0; k < DROPPED.length; k++) {
                String name = DROPPED[k];
                if (lower.startsWith(name, i + 1) && !wordChar(i + 1 + name.length())) {
                    int after = closing(k, tagEnd + 1);
                    if (after >= 0) {
                        space = true;
                        return after;
                    }
                }
            }
            flushSpace();
            int j = i + 1;
            while (j < tagEnd && Character.isWhitespace(html.charAt(j))) {
                j++;
            }
            for (String b : BREAKS) {
                if (lower.startsWith(b, j) && !wordChar(j + b.length())) {
                    out.append('\n');
                    break;
                }
            }
            return tagEnd + 1;
        }

        private boolean wordChar(int i) {
            if (i >= n) {
                return false;
            }
            char c = html.charAt(i);
            return Character.isLetterOrDigit(c) || c == '_';
        }


        /** Just past the first {@code </name\s*>} at or after {@code from}, or -1; each stretch searched once. */
        private int closing(int k, int from) {
            if (closeFrom[k] >= 0 && from >= closeFrom[k] && (close[k] < 0 || from <= close[k])) {
                return close[k] < 0 ? -1 : end(k, close[k]);
            }
            String tag = "</" + DROPPED[k];
            int at = lower.indexOf(tag, from);
            while (at >= 0) {
                int p = at + tag.length();
                while (p < n && Character.isWhitespace(html.charAt(p))) {
                    p++;
                }
                if (p < n && html.charAt(p) == '>') {
                    break;
                }
                at = lower.indexOf(tag, at + 1);
            }
            closeFrom[k] = from;
            close[k] = at;
            return at < 0 ? -1 : end(k, at);
        }

        private int end(int k, int at) {
            int p = at + 2 + DROPPED[k].length();
            while (html.charAt(p) != '>') {
                p++;
            }
            return p + 1;
        }
    }

    /**
     * Finds a string at or after positions that only grow, each stretch of text searched once: the last answer
     * holds for every position up to it (and "none" for every position after a search that found none).
     */
    private static final class Finder {
        private final String text;
        private final String needle;
        private int from = -1;
        private int found;

        Finder(String text, String needle) {
            this.text = text;
            this.needle = needle;
        }

        int next(int at) {
            if (from < 0 || at < from || found >= 0 && at > found) {
                from = at;
                found = text.indexOf(needle, at);
            }
            return found;
        }
    }

    private static String entities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String e = m.group(1);
            String rep = null;
            try {
                if (e.startsWith("#x") || e.startsWith("#X")) {
                    rep = Character.toString(Integer.parseInt(e.substring(2), 16));
                } else if (e.startsWith("#")) {
                    rep = Character.toString(Integer.parseInt(e.substring(1)));
                } else {
                    rep = NAMED.get(e);
                    String lower = e.toLowerCase(Locale.ROOT);
                    if (rep == null && e.toUpperCase(Locale.ROOT).equals(e)
                            && (lower.equals("amp") || lower.equals("lt") || lower.equals("gt") || lower.equals("quot"))) {
                        rep = NAMED.get(lower);
                    }
                }
            } catch (IllegalArgumentException ex) {
                rep = null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(rep == null ? m.group() : rep));
        }
        m.appendTail(out);
        return out.toString();
    }
}
