package org.casebook.capture.archive;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * A real WARC 1.1 file written with jwarc, as a capture would write it: warcinfo, then for the page and each
 * resource a request and a response with HTTP headers, a metadata record, and a revisit of the image under a
 * second address. The page is windows-1252, the script is served gzip-encoded.
 */
final class TestWarcs {
    static final String PAGE_URL = "https://harasser.example/posts/1";
    static final String CSS_URL = "https://harasser.example/style.css";
    static final String PNG_URL = "https://cdn.harasser.example/photo.png";
    static final String JS_URL = "https://harasser.example/app.js";
    static final String REVISIT_URL = "https://cdn.harasser.example/photo-copy.png";
    static final Instant DATE = Instant.parse("2026-03-01T21:15:30Z");
    static final Charset CP1252 = Charset.forName("windows-1252");

    static final byte[] PAGE = ("<!DOCTYPE html><html><head><meta charset=\"windows-1252\">"
            + "<title>Posts about Ann – café</title><link rel=stylesheet href=\"/style.css\">"
            + "<script src=\"/app.js\"></script><style>.x{color:red}</style></head>"
            + "<body><h1>I know where you live</h1><p>Seen at the café again.</p>"
            + "<script>track()</script><img src=\"https://cdn.harasser.example/photo.png\"></body></html>")
            .getBytes(CP1252);
    static final byte[] CSS = "body { background: url(photo.png) } /* 1 */".getBytes(StandardCharsets.UTF_8);
    static final byte[] PNG = png();
    static final byte[] JS = "function track(){ new Image().src='https://t.example/p?'+Date.now(); }"
            .getBytes(StandardCharsets.UTF_8);

    private TestWarcs() {
    }

    /** Writes the WARC (gzipped per record when asked) to the file and returns its bytes. */
    static byte[] write(Path file, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(bytes, gzip);
        Files.write(file, bytes.toByteArray());
        return bytes.toByteArray();
    }

    static void write(OutputStream out, boolean gzip) throws IOException {
        WarcWriter w = new WarcWriter(Channels.newChannel(out), gzip ? WarcCompression.GZIP : WarcCompression.NONE);
        w.write(new Warcinfo.Builder().version(MessageVersion.WARC_1_1).date(DATE).filename("test.warc")
                .fields(Map.of("software", List.of("Casebook tests"))).build());
        exchange(w, PAGE_URL, "text/html; charset=windows-1252", PAGE, false);
        exchange(w, CSS_URL, "text/css", CSS, false);
        exchange(w, PNG_URL, "image/png", PNG, false);
        exchange(w, JS_URL, "application/javascript", JS, true);
        w.write(new WarcMetadata.Builder().version(MessageVersion.WARC_1_1).targetURI(PAGE_URL).date(DATE)
                .fields(Map.of("via", List.of(PAGE_URL))).build());
        HttpResponse sameImage = new HttpResponse.Builder(200, "OK").addHeader("Content-Type", "image/png").build();
        w.write(new WarcRevisit.Builder(URI.create(REVISIT_URL), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                .version(MessageVersion.WARC_1_1).date(DATE.plusSeconds(5)).payloadDigest(sha1(PNG))
                .refersTo(URI.create("urn:uuid:00000000-0000-0000-0000-000000000001"), PNG_URL, DATE)
                .body(sameImage).build());
        w.close();
    }

    private static void exchange(WarcWriter w, String url, String type, byte[] body, boolean gzipEncoded)
            throws IOException {
        URI uri = URI.create(url);
        HttpRequest request = new HttpRequest.Builder("GET", uri.getRawPath()).addHeader("Host", uri.getHost()).build();
        WarcRequest req = new WarcRequest.Builder(uri).version(MessageVersion.WARC_1_1).date(DATE).body(request).build();
        w.write(req);
        byte[] served = gzipEncoded ? gzip(body) : body;
        HttpResponse.Builder http = new HttpResponse.Builder(200, "OK").addHeader("Content-Type", type);
        if (gzipEncoded) {
            http.addHeader("Content-Encoding", "gzip");
        }
        http.body(MediaType.parse(type), served);
        w.write(new WarcResponse.Builder(uri).version(MessageVersion.WARC_1_1).date(DATE)
                .payloadDigest(sha1(served)).concurrentTo(req.id()).body(http.build()).build());
    }

    static WarcDigest sha1(byte[] bytes) {
        try {
            return new WarcDigest("sha1", MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    /** A real 2x1 PNG made with the JDK's image writer. */
    private static byte[] png() {
        try {
            BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
            img.setRGB(0, 0, 0xff0000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
