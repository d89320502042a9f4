package org.casebook.capture;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A page's visible text, one line per block (paragraph, heading, list item, table cell, line break), spaces
 * collapsed: what search finds and what a re-capture compares line by line.
 */
public final class PageText {
    private PageText() {
    }

    /** The document's title, or null when it has none. */
    public static String title(Document doc) {
        String title = doc.title().strip();
        return title.isEmpty() ? null : title;
    }

    /** The visible text, one line per block. */
    public static String of(Document doc) {
        Document copy = doc.clone();
        copy.select("script, style, noscript, template, head, [hidden]").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.text());
                } else if (node instanceof Element e && (e.isBlock() || e.tagName().equals("br"))) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) {
                    out.append('\n');
                } else if (node instanceof Element e && (e.tagName().equals("td") || e.tagName().equals("th"))) {
                    out.append(' ');
                }
            }
        }, copy.body() == null ? copy : copy.body());
        return String.join("\n", lines(out.toString()));
    }

    /** The non-empty lines of a text, each with its spaces collapsed. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
            if (!l.isEmpty()) {
                out.add(l);
            }
        }
        return out;
    }
}
