package org.casebook.imports.email;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readable text from an HTML-only mail: scripts, styles and comments dropped, block elements and
 * {@code <br>} turned into line breaks, other tags removed, entities decoded, white space collapsed as a browser
 * would. A plain tag strip, not a renderer: the HTML itself is kept as an attachment.
 */
final class HtmlText {
    private static final Pattern DROP = Pattern.compile(
            "(?is)<!--.*?-->|<(script|style|head|title)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern BREAK = Pattern.compile(
            "(?i)<\\s*(br|/p|/div|/tr|/li|/h[1-6]|/blockquote|/table|/ul|/ol|hr|p|div|tr|li|h[1-6]|blockquote)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
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
        String s = DROP.matcher(html).replaceAll(" ");
        s = s.replaceAll("\\s+", " ");
        s = BREAK.matcher(s).replaceAll("\n");
        s = TAG.matcher(s).replaceAll("");
        s = entities(s);
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
