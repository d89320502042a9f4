package org.casebook.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real web server on 127.0.0.1 for capture tests (the JDK's HttpServer, or HttpsServer with a self-signed
 * certificate made by keytool): serves fixed bytes per path, redirects, errors, slow and endless responses, and
 * records every request it gets.
 */
public final class TestWebServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, Response> routes = new ConcurrentHashMap<>();
    private final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private final SSLContext sslContext;
    private volatile boolean stopping;

    /** What one path serves. */
    public record Response(int status, String type, byte[] body, String location, long delayMillis, boolean endless) {
    }

    private TestWebServer(HttpServer server, SSLContext sslContext) {
        this.server = server;
        this.sslContext = sslContext;
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    public static TestWebServer http() {
        try {
            return new TestWebServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50),
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTPS server whose self-signed certificate (CN=127.0.0.1) is made with the JDK's keytool in {@code dir}. */
    public static TestWebServer https(Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1, O=Casebook Test Server", "-ext", "SAN=ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "testpass",
                "-keypass", "testpass").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            ks.load(in, "testpass".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "testpass".toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new TestWebServer(server, context);
    }

    /** For an HTTPS server: a context that trusts its certificate (and only that), for the capturing client. */
    public SSLContext clientContext() {
        return sslContext;
    }

    public String url(String path) {
        return (sslContext == null ? "http" : "https") + "://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public TestWebServer serve(String path, String type, byte[] body) {
        routes.put(path, new Response(200, type, body, null, 0, false));
        return this;
    }

    public TestWebServer serve(String path, String type, String body) {
        return serve(path, type, body.getBytes(StandardCharsets.UTF_8));
    }

    public TestWebServer serve(String path, Response response) {
        routes.put(path, response);
        return this;
    }

    public TestWebServer status(String path, int status) {
        routes.put(path, new Response(status, "text/html", ("<h1>" + status + "</h1>").getBytes(StandardCharsets.UTF_8),
                null, 0, false));
        return this;
    }

    public TestWebServer redirect(String path, int status, String location) {
        routes.put(path, new Response(status, "text/html", new byte[0], location, 0, false));
        return this;
    }

    public TestWebServer slow(String path, String type, byte[] body, long delayMillis) {
        routes.put(path, new Response(200, type, body, null, delayMillis, false));
        return this;
    }

    /** A response that never ends: a byte every 50 ms, for ever. */
    public TestWebServer endless(String path) {
        routes.put(path, new Response(200, "text/html", new byte[0], null, 0, true));
        return this;
    }

    /** The bytes served at {@code path}. */
    public byte[] body(String path) {
        return routes.get(path).body();
    }

    /** Every path requested so far, in order (with its query). */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public int requestCount() {
        return requests.size();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String query = ex.getRequestURI().getRawQuery();
        requests.add(query == null ? path : path + "?" + query);
        Response r = routes.get(path);
        try (ex) {
            if (r == null) {
                byte[] body = "<h1>Not found</h1>".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/html");
                ex.sendResponseHeaders(404, body.length);
                ex.getResponseBody().write(body);
                return;
            }
            if (r.delayMillis() > 0) {
                sleep(r.delayMillis());
            }
            if (r.location() != null) {
                ex.getResponseHeaders().set("Location", r.location());
            }
            ex.getResponseHeaders().set("Content-Type", r.type());
            ex.getResponseHeaders().set("X-Test-Server", "casebook");
            if (r.endless()) {
                ex.sendResponseHeaders(200, 0);
                OutputStream out = ex.getResponseBody();
                while (!stopping) {
                    out.write("<p>more</p>\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    sleep(50);
                }
                return;
            }
            ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
            if (r.body().length > 0) {
                ex.getResponseBody().write(r.body());
            }
        } catch (IOException e) {
            // the client gave up (a time-out or a size limit): nothing to do
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopping = true;
        server.stop(0);
        pool.shutdownNow();
    }

    /** A real PNG of one colour. */
    public static byte[] png(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] text(String s, Charset cs) {
        return s.getBytes(cs);
    }
}
