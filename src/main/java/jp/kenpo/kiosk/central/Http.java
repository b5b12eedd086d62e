package jp.kenpo.kiosk.central;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/** The reference server's plumbing: reading bodies and sending answers under the {@link RequestWatch}. */
final class Http {

    static final String JSON = "application/json; charset=utf-8";
    /** The status an endpoint returns when it closed the connection without an answer (a fault). */
    static final int DROPPED = -1;
    /** The largest body of the small requests (a heartbeat, a claim). */
    static final long SMALL_BODY = 64 * 1024;

    private Http() {
    }

    /** The request body, or null when it is longer than {@code max} bytes. */
    static byte[] readBody(HttpExchange ex, long max) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > max) {
                    return null;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        RequestWatch.network();
        try (InputStream in = ex.getRequestBody()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                if (out.size() > max) {
                    return null;
                }
            }
        } finally {
            RequestWatch.working();
        }
        return out.toByteArray();
    }

    /** Sends a JSON answer; returns its status. */
    static int send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", JSON);
        RequestWatch.network();
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
        return status;
    }

    /** Sends an answer without a body; returns its status. */
    static int sendEmpty(HttpExchange ex, int status) throws IOException {
        RequestWatch.network();
        ex.sendResponseHeaders(status, -1);
        return status;
    }

    /** A query string's parameters, decoded; the first of a repeated name wins. */
    static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            q.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return q;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
