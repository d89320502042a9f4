package org.casebook.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Tiny real proxies on loopback for capture tests: an HTTP proxy (absolute-form GET and CONNECT) and a SOCKS5
 * proxy (no authentication, CONNECT by name or address). Each records what it was asked to reach.
 */
public final class TestProxies implements AutoCloseable {
    private final ServerSocket server;
    private final boolean socks;
    private volatile boolean refuseTunnels;
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    private TestProxies(boolean socks) {
        this.socks = socks;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread t = new Thread(this::acceptLoop, "test-proxy");
        t.setDaemon(true);
        t.start();
    }

    public static TestProxies http() {
        return new TestProxies(false);
    }

    /** An HTTP proxy that forwards plain requests but refuses every CONNECT tunnel with 403. */
    public static TestProxies httpRefusingTunnels() {
        TestProxies proxy = new TestProxies(false);
        proxy.refuseTunnels = true;
        return proxy;
    }

    public static TestProxies socks() {
        return new TestProxies(true);
    }

    public String url() {
        return (socks ? "socks5" : "http") + "://127.0.0.1:" + server.getLocalPort();
    }

    /** What was asked for: "GET http://host:port/path" lines (HTTP) or "host:port" (SOCKS, CONNECT). */
    public List<String> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "test-proxy-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            if (socks) {
                serveSocks(client);
            } else {
                serveHttp(client);
            }
        } catch (IOException e) {
            // a side closed
        }
    }

    private void serveHttp(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        while (true) {
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] line = head.substring(0, head.indexOf("\r\n")).split(" ");
            if (line[0].equalsIgnoreCase("CONNECT")) {
                seen.add("CONNECT " + line[1]);
                if (refuseTunnels) {
                    client.getOutputStream().write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                String[] hp = line[1].split(":");
                try (Socket origin = new Socket(hp[0], Integer.parseInt(hp[1]))) {
                    client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    pipe(client, origin);
                }
                return;
            }
            seen.add(line[0] + " " + line[1]);
            URI target = URI.create(line[1]);
            StringBuilder req = new StringBuilder(line[0] + " " + target.getRawPath()
                    + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()) + " HTTP/1.1\r\n");
            for (String h : head.substring(head.indexOf("\r\n") + 2).split("\r\n")) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (!h.isEmpty() && !lower.startsWith("connection:") && !lower.startsWith("proxy-")) {
                    req.append(h).append("\r\n");
                }
            }
            req.append("Connection: close\r\n\r\n");
            try (Socket origin = new Socket(target.getHost(), target.getPort())) {
                origin.getOutputStream().write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
                origin.getInputStream().transferTo(client.getOutputStream());
            }
            return;
        }
    }

    private void serveSocks(Socket client) throws IOException {
        DataInputStream in = new DataInputStream(client.getInputStream());
        OutputStream out = client.getOutputStream();
        if (in.readUnsignedByte() != 5) {
            return;
        }
        int methods = in.readUnsignedByte();
        in.readFully(new byte[methods]);
        out.write(new byte[] {5, 0});
        in.readUnsignedByte(); // version
        int command = in.readUnsignedByte();
        in.readUnsignedByte(); // reserved
        int type = in.readUnsignedByte();
        String host;
        if (type == 1) {
            byte[] a = new byte[4];
            in.readFully(a);
            host = InetAddress.getByAddress(a).getHostAddress();
        } else if (type == 3) {
            byte[] name = new byte[in.readUnsignedByte()];
            in.readFully(name);
            host = new String(name, StandardCharsets.US_ASCII);
        } else {
            return;
        }
        int port = in.readUnsignedShort();
        if (command != 1) {
            return;
        }
        seen.add(host + ":" + port);
        try (Socket origin = new Socket(host, port)) {
            out.write(new byte[] {5, 0, 0, 1, 0, 0, 0, 0, 0, 0});
            out.flush();
            pipe(client, origin);
        }
    }

    private static void pipe(Socket client, Socket origin) throws IOException {
        Thread up = new Thread(() -> {
            try {
                client.getInputStream().transferTo(origin.getOutputStream());
                origin.shutdownOutput();
            } catch (IOException e) {
                // closed
            }
        });
        up.setDaemon(true);
        up.start();
        origin.getInputStream().transferTo(client.getOutputStream());
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            String s = head.toString(StandardCharsets.ISO_8859_1);
            if (s.endsWith("\r\n\r\n")) {
                return s;
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closed
        }
    }
}
