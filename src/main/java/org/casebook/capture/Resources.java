package org.casebook.capture;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page asks a browser to load: stylesheets, images (with {@code srcset} and the {@code data-src} of lazy
 * loading), fonts and images named in styles, icons, scripts, media; and the links a site capture follows.
 */
final class Resources {
    /** Image-like attributes, including those that lazy-loading scripts fill in later. */
    static final String[] IMAGE_ATTRIBUTES = {"src", "data-src", "data-original", "data-lazy-src", "data-url"};
    static final String[] SRCSET_ATTRIBUTES = {"srcset", "data-srcset"};

    private Resources() {
    }

    /** Every address the page refers to for loading, absolute, in the order found, each once. */
    static Set<URI> of(Document doc, URI base) {
        Set<URI> out = new LinkedHashSet<>();
        for (Element link : doc.select("link[href]")) {
            String rel = link.attr("rel").toLowerCase(Locale.ROOT);
            if (rel.contains("stylesheet") || rel.contains("icon")) {
                add(out, base, link.attr("href"));
            }
        }
        for (Element e : doc.select("img, source, input[type=image], video, audio, track, embed")) {
            for (String a : IMAGE_ATTRIBUTES) {
                if (e.hasAttr(a)) {
                    add(out, base, e.attr(a));
                }
            }
            for (String a : SRCSET_ATTRIBUTES) {
                if (e.hasAttr(a)) {
                    for (String candidate : srcset(e.attr(a))) {
                        add(out, base, candidate);
                    }
                }
            }
            if (e.hasAttr("poster")) {
                add(out, base, e.attr("poster"));
            }
        }
        for (Element e : doc.select("[background]")) {
            add(out, base, e.attr("background"));
        }
        for (Element script : doc.select("script[src]")) {
            add(out, base, script.attr("src"));
        }
        for (Element style : doc.select("style")) {
            out.addAll(CssUrls.find(style.data(), base));
        }
        for (Element e : doc.select("[style]")) {
            out.addAll(CssUrls.find(e.attr("style"), base));
        }
        return out;
    }

    /** The address a page's relative references are resolved against: its {@code <base href>}, else its own. */
    static URI base(Document doc, URI page) {
        Element base = doc.selectFirst("base[href]");
        URI u = base == null ? null : resolve(page, base.attr("href"));
        return u == null ? page : u;
    }

    /** The links of a page to other pages on the same host (for a site capture), without fragments. */
    static List<URI> sameHostLinks(Document doc, URI page) {
        Set<URI> out = new LinkedHashSet<>();
        for (Element a : doc.select("a[href], area[href]")) {
            URI u = resolve(page, a.attr("href"));
            if (u != null && page.getHost() != null && page.getHost().equalsIgnoreCase(u.getHost())
                    && u.getScheme().equalsIgnoreCase(page.getScheme())) {
                out.add(withoutFragment(u));
            }
        }
        return new ArrayList<>(out);
    }

    /** The URLs of a {@code srcset} value: "a.jpg 1x, b.jpg 2x" gives a.jpg and b.jpg. */
    static List<String> srcset(String value) {
        List<String> out = new ArrayList<>();
        for (String candidate : value.split(",(?=\\s*[^\\s,])")) {
            String c = candidate.strip();
            if (c.isEmpty() || c.regionMatches(true, 0, "data:", 0, 5)) {
                continue;
            }
            int space = c.indexOf(' ');
            out.add(space < 0 ? c : c.substring(0, space));
        }
        return out;
    }

    private static void add(Set<URI> out, URI base, String raw) {
        URI u = resolve(base, raw);
        if (u != null) {
            out.add(u);
        }
    }

    /** {@code raw} made absolute against {@code base}; null for an empty, data:, javascript: or unreadable one. */
    static URI resolve(URI base, String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.isEmpty() || s.startsWith("#")) {
            return null;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("data:") || lower.startsWith("javascript:") || lower.startsWith("about:")
                || lower.startsWith("mailto:") || lower.startsWith("tel:") || lower.startsWith("blob:")) {
            return null;
        }
        try {
            URI u = base.resolve(s.replace(" ", "%20"));
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static URI withoutFragment(URI u) {
        if (u.getRawFragment() == null) {
            return u;
        }
        String s = u.toString();
        return URI.create(s.substring(0, s.indexOf('#')));
    }
}
