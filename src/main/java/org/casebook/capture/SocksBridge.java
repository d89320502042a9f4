package org.casebook.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An HTTP proxy on loopback, open only while a capture runs, that takes each request of the JDK's HTTP client
 * (which speaks to HTTP proxies only) to a SOCKS5 proxy such as the Tor Browser's. Host names are passed to the
 * SOCKS proxy unresolved, so no DNS lookup leaves this computer either.
 */
final class SocksBridge implements AutoCloseable {
    private final ServerSocket server;
    private final Proxy socks;

    private SocksBridge(ServerSocket server, Proxy socks) {
        this.server = server;
        this.socks = socks;
    }

    static SocksBridge start(InetSocketAddress socksAddress) {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            SocksBridge bridge = new SocksBridge(server, new Proxy(Proxy.Type.SOCKS, socksAddress));
            Thread accept = new Thread(bridge::acceptLoop, "casebook-socks-bridge");
            accept.setDaemon(true);
            accept.start();
            return bridge;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> serve(client), "casebook-socks-bridge-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            int eol = head.indexOf("\r\n");
            String[] requestLine = head.substring(0, eol).split(" ");
            if (requestLine.length != 3) {
                return;
            }
            if (requestLine[0].equalsIgnoreCase("CONNECT")) {
                String[] hostPort = requestLine[1].split(":");
                try (Socket origin = connect(hostPort[0], Integer.parseInt(hostPort[1]))) {
                    out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    pipe(client, origin);
                } catch (IOException e) {
                    out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                }
                return;
            }
            URI target = URI.create(requestLine[1]);
            int port = target.getPort() == -1 ? 80 : target.getPort();
            String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
            if (target.getRawQuery() != null) {
                path += "?" + target.getRawQuery();
            }
            StringBuilder forwarded = new StringBuilder(requestLine[0] + " " + path + " " + requestLine[2] + "\r\n");
            for (String line : head.substring(eol + 2).split("\r\n")) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (line.isEmpty() || lower.startsWith("connection:") || lower.startsWith("proxy-")) {
                    continue;
                }
                forwarded.append(line).append("\r\n");
            }
            // One request per connection: the client's next one may be for another host.
            forwarded.append("Connection: close\r\n\r\n");
            try (Socket origin = connect(target.getHost(), port)) {
                origin.getOutputStream().write(forwarded.toString().getBytes(StandardCharsets.ISO_8859_1));
                origin.getOutputStream().flush();
                origin.getInputStream().transferTo(out);
            } catch (IOException e) {
                out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, or sent something that is not HTTP: nothing to answer
        }
    }

    private Socket connect(String host, int port) throws IOException {
        Socket origin = new Socket(socks);
        origin.connect(InetSocketAddress.createUnresolved(host, port), 15_000);
        return origin;
    }

    private static void pipe(Socket client, Socket origin) throws IOException {
        Thread up = new Thread(() -> {
            try {
                client.getInputStream().transferTo(origin.getOutputStream());
                origin.shutdownOutput();
            } catch (IOException e) {
                // one side closed
            }
        }, "casebook-socks-bridge-up");
        up.setDaemon(true);
        up.start();
        origin.getInputStream().transferTo(client.getOutputStream());
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
            if (head.size() > 65_536) {
                return null;
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
