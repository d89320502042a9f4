package org.casebook.capture;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The addresses a stylesheet refers to ({@code url(...)}, including {@code @font-face} sources, and
 * {@code @import}), and the same stylesheet with each of them replaced.
 */
public final class CssUrls {
    /**
     * {@code @import 'x'}, {@code @import "x"} or {@code @import url(x)} (groups 1 to 5), tried first so that an
     * import written with {@code url(...)} is taken for an import, its sheet included and rewritten, and not left
     * as a {@code data:} stylesheet still naming its own remote addresses; then {@code url(x)}, {@code url('x')},
     * {@code url("x")} (groups 6 to 8).
     */
    private static final Pattern URL = Pattern.compile(
            "@import\\s+(?:\"([^\"]*)\"|'([^']*)'|url\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\"'\\s]*))\\s*\\))"
            + "|url\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\"'\\s]*))\\s*\\)",
            Pattern.CASE_INSENSITIVE);
    private static final int GROUPS = 8;

    private CssUrls() {
    }

    /** Every address in {@code css}, resolved against {@code base}; data: URLs and unreadable ones left out. */
    static List<URI> find(String css, URI base) {
        List<URI> out = new ArrayList<>();
        for (String raw : references(css)) {
            URI u = Resources.resolve(base, raw);
            if (u != null) {
                out.add(u);
            }
        }
        return out;
    }

    /** Every address in {@code css} as written (relative ones unresolved), in order. */
    public static List<String> references(String css) {
        List<String> out = new ArrayList<>();
        Matcher m = URL.matcher(css);
        while (m.find()) {
            out.add(value(m));
        }
        return out;
    }

    /**
     * {@code css} with each address replaced by {@code replacement.apply(absolute address)}, which returns the
     * new address (a {@code data:} URL) or null to drop the reference; {@code @import} becomes the imported
     * stylesheet's text as returned by {@code imports}, or nothing.
     */
    static String rewrite(String css, URI base, Function<URI, String> replacement, Function<URI, String> imports) {
        Matcher m = URL.matcher(css);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String raw = value(m);
            boolean isImport = m.group().regionMatches(true, 0, "@import", 0, 7);
            String replaced;
            if (raw.regionMatches(true, 0, "data:", 0, 5) && !isImport) {
                replaced = m.group();
            } else {
                URI u = Resources.resolve(base, raw);
                if (isImport) {
                    String text = u == null ? null : imports.apply(u);
                    replaced = text == null ? "/* import not kept */" : "\n" + text + "\n";
                } else {
                    String data = u == null ? null : replacement.apply(u);
                    replaced = data == null ? "url(\"data:,\")" : "url(\"" + data + "\")";
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replaced));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(Matcher m) {
        for (int g = 1; g <= GROUPS; g++) {
            if (m.group(g) != null) {
                return m.group(g).strip();
            }
        }
        return "";
    }
}
