package jp.kenpo.kiosk.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A central service that misbehaves at the byte level, for {@link HostileCentralTest}: a plain
 * {@link ServerSocket} speaking just enough HTTP/1.1 to answer each request with whatever
 * {@link Answer} is set — a huge body, a dripped one, a cut one — or, set to {@link #forwardTo},
 * passing requests on to a well-behaved central service and its answers back. Every answer closes
 * its connection.
 */
final class HostileCentral implements AutoCloseable {

    /** A request as it arrived: method, path with query, headers (lower-case names), body. */
    record Request(String method, String target, Map<String, String> headers, byte[] body) {
    }

    /** Writes the raw answer to one request; {@code out} counts what reached the socket. */
    @FunctionalInterface
    interface Answer {
        void write(Request request, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final Thread acceptor;
    private final CopyOnWriteArrayList<Socket> open = new CopyOnWriteArrayList<>();
    private final HttpClient forwarder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private volatile Answer answer = (r, out) -> out.write(head(503, "Content-Length: 0"));
    /** Bytes written to clients since the last {@link #answer(Answer)}. */
    final AtomicLong written = new AtomicLong();
    /** Requests received since the last {@link #answer(Answer)}. */
    final AtomicInteger requests = new AtomicInteger();
    /** Connections whose answer ended because the client went away (a write failed). */
    final AtomicInteger abandoned = new AtomicInteger();

    HostileCentral() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "hostile-central");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** What every following request is answered with. */
    void answer(Answer a) {
        written.set(0);
        requests.set(0);
        abandoned.set(0);
        answer = a;
    }

    /** From now on, requests go to {@code centralUrl} and its answers come back unchanged. */
    void forwardTo(String centralUrl) {
        answer((r, out) -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(centralUrl + r.target()))
                    .timeout(Duration.ofSeconds(20))
                    .method(r.method(), r.body().length == 0 && "GET".equals(r.method())
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(r.body()));
            for (String h : new String[] {"authorization", "idempotency-key", "content-type"}) {
                if (r.headers().containsKey(h)) {
                    b.header(h, r.headers().get(h));
                }
            }
            HttpResponse<byte[]> res = forwarder.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            StringBuilder extra = new StringBuilder("Content-Type: application/json");
            res.headers().firstValue("Retry-After").ifPresent(v -> extra.append("\r\nRetry-After: ").append(v));
            extra.append("\r\nContent-Length: ").append(res.body().length);
            out.write(head(res.statusCode(), extra.toString()));
            out.write(res.body());
        });
    }

    /** A status line and header lines ({@code extra}: CRLF-separated), then the blank line. */
    static byte[] head(int status, String extra) {
        return ("HTTP/1.1 " + status + " X\r\nConnection: close\r\n" + (extra.isEmpty() ? "" : extra + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "hostile-central-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            Request r = read(s.getInputStream());
            if (r == null) {
                return;
            }
            requests.incrementAndGet();
            OutputStream counting = new OutputStream() {
                private final OutputStream out = s.getOutputStream();

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    written.incrementAndGet();
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    written.addAndGet(len);
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }
            };
            answer.write(r, counting);
            counting.flush();
        } catch (IOException e) {
            abandoned.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(s);
        }
    }

    /** The request line, the headers and a {@code Content-Length} body; null when the client went away. */
    private static Request read(InputStream in) throws IOException {
        String line = line(in);
        if (line == null || line.isEmpty()) {
            return null;
        }
        String[] parts = line.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        String h;
        while ((h = line(in)) != null && !h.isEmpty()) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Request(parts[0], parts[1], headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
