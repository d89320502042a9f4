package org.casebook.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What of a capture's response headers is shown outside its WARC (the app's detail pane and the bundle). Every
 * header as served, in its order, except what could harm the person who captured the page:
 * <ul>
 * <li>a cookie's value: a site sets cookies to recognise its visitor again, and a page captured while signed in
 * through the evidence browser can carry a sign-in to her own account. The cookie's name and attributes (domain,
 * path, expiry) are shown; the WARC keeps the value byte for byte for whoever must see it;</li>
 * <li>in a redacted copy, the headers in which a server may repeat the visitor's own network address, which can
 * tell where she was when she looked.</li>
 * </ul>
 */
public final class CaptureHeaders {
    /** One header as shown. */
    public record Shown(String name, String value) {
    }

    public static final String COOKIE_VALUE = "[value not shown; kept in the WARC]";
    public static final String VISITOR_ADDRESS = "[withheld in this redacted copy: it may give the address the page was"
            + " visited from]";

    private static final Set<String> COOKIES = Set.of("set-cookie", "set-cookie2");
    private static final Set<String> VISITOR = Set.of("x-forwarded-for", "x-real-ip", "forwarded", "x-client-ip",
            "cf-connecting-ip", "true-client-ip", "x-originating-ip", "x-remote-addr", "x-your-ip");

    private CaptureHeaders() {
    }

    /** The headers to show, {@code redacted} for a copy whose redactions must hold. */
    public static List<Shown> of(List<List<String>> headers, boolean redacted) {
        List<Shown> out = new ArrayList<>();
        for (List<String> h : headers) {
            String name = h.isEmpty() ? "" : h.get(0);
            String value = h.size() < 2 || h.get(1) == null ? "" : h.get(1);
            String key = name.strip().toLowerCase(Locale.ROOT);
            if (COOKIES.contains(key)) {
                value = withoutCookieValue(value);
            } else if (redacted && VISITOR.contains(key)) {
                value = VISITOR_ADDRESS;
            }
            out.add(new Shown(name, value));
        }
        return out;
    }

    /** "sid=abc; Path=/; HttpOnly" becomes "sid=[value not shown…]; Path=/; HttpOnly". */
    private static String withoutCookieValue(String setCookie) {
        int semicolon = setCookie.indexOf(';');
        String pair = semicolon < 0 ? setCookie : setCookie.substring(0, semicolon);
        String attributes = semicolon < 0 ? "" : setCookie.substring(semicolon);
        int equals = pair.indexOf('=');
        String name = equals < 0 ? "" : pair.substring(0, equals).strip() + "=";
        return name + COOKIE_VALUE + attributes;
    }
}
