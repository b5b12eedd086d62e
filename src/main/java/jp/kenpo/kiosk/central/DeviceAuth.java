package jp.kenpo.kiosk.central;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;

/** The device credential: {@code Authorization: Bearer} one of the accepted tokens, compared in constant time. */
final class DeviceAuth {

    private final List<byte[]> tokens;

    DeviceAuth(Set<String> deviceTokens) {
        this.tokens = deviceTokens.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** The accepted device token of the request, or null. */
    String bearer(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.startsWith("Bearer ")) {
            return null;
        }
        String token = h.substring(7).strip();
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (byte[] t : tokens) {
            ok |= MessageDigest.isEqual(t, given);
        }
        return ok ? token : null;
    }
}
