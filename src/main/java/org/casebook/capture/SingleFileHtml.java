package org.casebook.capture;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The single-file copy of a captured page: every stylesheet, image and font inlined as a {@code data:} URL, and
 * everything that could run or reach the network removed (scripts, event handlers, {@code javascript:} URLs,
 * frames, form actions, meta refresh, remote references), so that opening it makes no request and runs nothing:
 * a tracking pixel or remote font cannot tell the site's owner that the victim looked again. A Content Security
 * Policy that allows only inline content says the same to any browser that opens it.
 */
final class SingleFileHtml {
    static final String POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline' data:; "
            + "font-src data:; media-src data:; form-action 'none'; base-uri 'none'";
    /** Attributes that hold an address a browser loads or goes to. */
    private static final Set<String> URL_ATTRIBUTES = Set.of("src", "href", "action", "formaction", "poster",
            "background", "data", "cite", "longdesc", "lowsrc", "dynsrc", "codebase", "archive", "profile",
            "manifest", "ping", "usemap", "xlink:href", "srcset", "imagesrcset", "itemtype", "classid");
    /** Elements that run code, embed another document, or navigate: never kept. */
    private static final String REMOVED = "script, iframe, frame, frameset, object, embed, applet, portal, base, "
            + "template, meta[http-equiv=refresh], link:not([rel~=(?i)(stylesheet|icon)])";

    private SingleFileHtml() {
    }

    /** A resource the copy may inline: where it came from (stylesheets resolve their references against it). */
    record Kept(URI uri, String mediaType, byte[] body, Supplier<String> text) {
    }

    static byte[] build(PageFetch.Result page) {
        return build(page.doc(), page.page().uri(), uri -> {
            PageFetch.Resource r = page.resources().get(uri);
            return r == null || !r.ok() ? null : new Kept(r.response().uri(), r.response().mediaType(),
                    r.response().body(), () -> PageFetch.text(r.response()));
        });
    }

    /**
     * The copy of {@code source} (not changed), a page from {@code pageUri}; {@code resources} gives what was kept
     * of an address (without its fragment), or null.
     */
    static byte[] build(Document source, URI pageUri, Function<URI, Kept> resources) {
        Document doc = source.clone();
        URI base = Resources.base(source, pageUri);
        Inliner inliner = new Inliner(resources);
        for (Element e : doc.select(REMOVED)) {
            if (e.tagName().equals("iframe") || e.tagName().equals("frame")) {
                String src = e.attr("src");
                e.replaceWith(new Element("div").attr("class", "casebook-removed-frame")
                        .text("[An embedded frame" + (src.isBlank() ? "" : " from " + src)
                                + " was not kept: it is another page.]"));
            } else {
                e.remove();
            }
        }
        for (Element noscript : doc.select("noscript")) {
            noscript.unwrap(); // scripts never run here, so show what a browser without them shows
        }
        for (Element link : doc.select("link[rel~=(?i)stylesheet][href]")) {
            URI u = Resources.resolve(base, link.attr("href"));
            String css = u == null ? null : inliner.stylesheet(u, 0);
            Element style = new Element("style");
            if (!link.attr("media").isBlank()) {
                style.attr("media", link.attr("media"));
            }
            style.appendChild(new org.jsoup.nodes.DataNode(css == null ? "/* stylesheet not kept */" : css));
            link.replaceWith(style);
        }
        for (Element link : doc.select("link[rel~=(?i)icon][href]")) {
            String data = inliner.dataUrl(Resources.resolve(base, link.attr("href")));
            if (data == null) {
                link.remove();
            } else {
                link.attr("href", data);
            }
        }
        for (Element style : doc.select("style")) {
            String css = style.data();
            style.empty();
            style.appendChild(new org.jsoup.nodes.DataNode(inliner.css(css, base, 0)));
        }
        for (Element e : doc.select("[style]")) {
            e.attr("style", inliner.css(e.attr("style"), base, 0));
        }
        for (Element e : doc.select("img, source, input[type=image], video, audio, track")) {
            inlineMedia(e, base, inliner);
        }
        for (Element e : doc.getAllElements()) {
            clean(e, base);
        }
        for (Element form : doc.select("form")) {
            form.removeAttr("action").removeAttr("method").removeAttr("target");
        }
        doc.charset(StandardCharsets.UTF_8);
        Element head = doc.head();
        head.prependElement("meta").attr("http-equiv", "Content-Security-Policy").attr("content", POLICY);
        head.prependElement("meta").attr("name", "casebook-captured-from").attr("content", pageUri.toString());
        doc.outputSettings().charset(StandardCharsets.UTF_8);
        return doc.outerHtml().getBytes(StandardCharsets.UTF_8);
    }

    /** An image or media element: its best fetched source inlined as {@code src}; lazy-load attributes resolved. */
    private static void inlineMedia(Element e, URI base, Inliner inliner) {
        List<String> candidates = new ArrayList<>();
        for (String a : Resources.IMAGE_ATTRIBUTES) {
            if (e.hasAttr(a)) {
                candidates.add(e.attr(a));
            }
        }
        for (String a : Resources.SRCSET_ATTRIBUTES) {
            if (e.hasAttr(a)) {
                List<String> set = Resources.srcset(e.attr(a));
                for (int i = set.size() - 1; i >= 0; i--) {
                    candidates.add(set.get(i)); // the widest last in a srcset: tried first after src
                }
            }
        }
        String src = e.attr("src");
        String data = src.regionMatches(true, 0, "data:", 0, 5) && !e.hasAttr("data-src")
                && !e.hasAttr("data-srcset") ? src : null;
        // A lazy-loading placeholder in src is a tiny data: image; the real picture is in data-src/srcset.
        for (String c : candidates) {
            if (data != null) {
                break;
            }
            data = inliner.dataUrl(Resources.resolve(base, c));
        }
        for (String a : Resources.IMAGE_ATTRIBUTES) {
            if (!a.equals("src")) {
                e.removeAttr(a);
            }
        }
        for (String a : Resources.SRCSET_ATTRIBUTES) {
            e.removeAttr(a);
        }
        if (data != null) {
            e.attr("src", data);
            e.removeAttr("loading");
        } else if (e.hasAttr("src")) {
            e.attr("src", "data:,");
            e.attr("data-casebook-missing", src);
        }
        if (e.hasAttr("poster")) {
            String poster = inliner.dataUrl(Resources.resolve(base, e.attr("poster")));
            if (poster == null) {
                e.removeAttr("poster");
            } else {
                e.attr("poster", poster);
            }
        }
    }

    /** Removes handlers, script URLs and every remote address left on an element; a link keeps its target as text. */
    private static void clean(Element e, URI base) {
        List<String> remove = new ArrayList<>();
        for (Attribute a : e.attributes()) {
            String name = a.getKey().toLowerCase(Locale.ROOT);
            String value = a.getValue().strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\u0000-\\u001f]", "");
            if (name.startsWith("on") || value.startsWith("javascript:") || value.startsWith("vbscript:")) {
                remove.add(a.getKey());
            } else if (URL_ATTRIBUTES.contains(name) && !value.startsWith("data:") && !value.startsWith("#")
                    && !value.isEmpty()) {
                remove.add(a.getKey());
            }
        }
        boolean link = e.tagName().equals("a") || e.tagName().equals("area");
        if (link && e.hasAttr("href") && remove.contains("href")) {
            // Following a link would visit the site: the copy says where it went instead.
            URI resolved = Resources.resolve(base, e.attr("href"));
            String target = resolved == null ? e.attr("href") : resolved.toString();
            if (!e.attr("href").strip().toLowerCase(Locale.ROOT).startsWith("javascript:")) {
                e.attr("data-casebook-href", target);
                e.attr("title", target);
            }
        }
        for (String key : remove) {
            e.removeAttr(key);
        }
        if (e.tagName().equals("a") || e.tagName().equals("area") || e.tagName().equals("form")) {
            e.removeAttr("target").removeAttr("ping");
        }
    }

    /** Turns fetched resources into data: URLs and stylesheets into self-contained text. */
    private static final class Inliner {
        private final Function<URI, Kept> resources;
        private final Set<URI> importing = new HashSet<>();

        Inliner(Function<URI, Kept> resources) {
            this.resources = resources;
        }

        String dataUrl(URI uri) {
            if (uri == null) {
                return null;
            }
            Kept r = resources.apply(Resources.withoutFragment(uri));
            if (r == null) {
                return null;
            }
            String type = r.mediaType();
            if (type == null || type.isBlank()) {
                type = "application/octet-stream";
            }
            if (type.contains("javascript") || type.contains("ecmascript") || type.equals("text/html")) {
                return null; // code or another page is never inlined
            }
            return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(r.body());
        }

        /** A fetched stylesheet, its references inlined and its imports included; null if it is missing. */
        String stylesheet(URI uri, int depth) {
            Kept r = resources.apply(Resources.withoutFragment(uri));
            if (r == null || depth > 4 || !importing.add(uri)) {
                return null;
            }
            try {
                return css(r.text().get(), r.uri(), depth);
            } finally {
                importing.remove(uri);
            }
        }

        String css(String css, URI base, int depth) {
            return CssUrls.rewrite(css, base, this::dataUrl, u -> stylesheet(u, depth + 1));
        }
    }
}
