package jp.kenpo.kiosk.sync;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kenpo.kiosk.core.member.MemberType;
import jp.kenpo.kiosk.core.roster.RosterEntry;
import jp.kenpo.kiosk.core.text.LogText;

/**
 * The kiosk's side of {@code central-api.yaml}: delivers sealed registrations, reports its health
 * and reads roster changes. Every call carries the device credential; certificates are verified
 * against the system's authorities or a configured CA file — there is no switch to trust anything.
 * Answers are classified here, once, as the contract defines them.
 */
public final class CentralClient {

    /** What became of one delivery. */
    public enum Outcome {
        /** 201 or 200: registered (now or earlier); the kiosk may forget it. */
        ACCEPTED,
        /** Network error, timeout, 5xx, 429: try again later. */
        RETRY,
        /** 409, 413, 422: the central service will never take it as it is; staff must look. */
        REJECTED,
        /** 401/403: the device credential is missing or revoked; never drop, retry slowly. */
        UNAUTHORIZED
    }

    /**
     * @param status        for ACCEPTED, {@code complete} or {@code pending_review}
     * @param reason        short, non-personal ("503", "409 already_registered", "network: ConnectException")
     * @param retryAfter    the server's {@code Retry-After}, if it sent one
     */
    public record Delivery(Outcome outcome, int httpStatus, String status, String receiptNumber, String reason,
                           Duration retryAfter) {
        static Delivery retry(String reason, Duration retryAfter) {
            return new Delivery(Outcome.RETRY, 0, null, null, reason, retryAfter);
        }
    }

    /** One page of roster changes. */
    public record RosterPage(List<RosterEntry> entries, String nextCursor, boolean more) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String token;
    private final HttpClient http;
    private final Duration timeout;

    public CentralClient(String baseUrl, String deviceToken, SSLContext tls, Duration timeout) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.token = deviceToken;
        this.timeout = timeout;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) {
            b.sslContext(tls);
        }
        this.http = b.build();
    }

    /** TLS that trusts the system's authorities, or only the CA certificates in {@code caFile} (PEM). */
    public static SSLContext tls(Path caFile) throws IOException, GeneralSecurityException {
        if (caFile == null) {
            return SSLContext.getDefault();
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new GeneralSecurityException("no certificate in " + caFile);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /** {@code POST /v1/registrations} with the registration id as {@code Idempotency-Key}. Never throws. */
    public Delivery deliver(String registrationId, byte[] sealedEnvelope) {
        HttpRequest req = request("v1/registrations")
                .header("Idempotency-Key", registrationId)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(sealedEnvelope)).build();
        HttpResponse<byte[]> res;
        try {
            res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return Delivery.retry("timeout", null);
        } catch (IOException e) {
            return Delivery.retry("network: " + e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.retry("interrupted", null);
        }
        return classify(registrationId, res.statusCode(), res.body(), res.headers().firstValue("Retry-After"));
    }

    /** Longer than this, a {@code Retry-After} is taken as a day: the kiosk looks again at least daily. */
    static final Duration RETRY_AFTER_CAP = Duration.ofDays(1);

    /**
     * The contract's classification. A 200/201 counts only as the contract's {@code Accepted} for
     * this very registration — anything else (a proxy's page, a maintenance answer) is tried again,
     * because an acceptance deletes the registration from the kiosk.
     */
    static Delivery classify(String registrationId, int code, byte[] body, Optional<String> retryAfter) {
        Duration after = retryAfter.flatMap(CentralClient::retryAfter)
                .map(d -> d.compareTo(RETRY_AFTER_CAP) > 0 ? RETRY_AFTER_CAP : d).orElse(null);
        if (code == 200 || code == 201) {
            JsonNode a = read(body);
            String status = a == null ? null : a.path("status").asText(null);
            boolean accepted = a != null && registrationId.equals(a.path("registrationId").asText(null))
                    && ("complete".equals(status) || "pending_review".equals(status))
                    && !a.path("receiptNumber").asText("").isBlank();
            if (!accepted) {
                return new Delivery(Outcome.RETRY, code, null, null, code + " without an acceptance of this registration",
                        null);
            }
            return new Delivery(Outcome.ACCEPTED, code, status, a.get("receiptNumber").asText(), null, null);
        }
        if (code == 401 || code == 403) {
            return new Delivery(Outcome.UNAUTHORIZED, code, null, null, code + " device credential refused", after);
        }
        if (code == 409 || code == 413 || code == 422) {
            JsonNode p = read(body);
            String error = p == null ? "" : LogText.clean(p.path("error").asText(""), 60);
            return new Delivery(Outcome.REJECTED, code, null, null, (code + " " + error).strip(), null);
        }
        // 429, 5xx and anything unexpected (a proxy's 404, a 400): nothing is dropped on a guess.
        return new Delivery(Outcome.RETRY, code, null, null, String.valueOf(code), after);
    }

    /** {@code Retry-After}: seconds, or an HTTP date. */
    static Optional<Duration> retryAfter(String value) {
        String v = value.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Optional.of(Duration.between(ZonedDateTime.now(at.getZone()), at)).filter(d -> !d.isNegative());
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    /** {@code POST /v1/heartbeat}: the answer's status (204 when recorded), or -1 when nothing answered. */
    public int heartbeat(Object body) {
        try {
            HttpRequest req = request("v1/heartbeat").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
            return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** {@code GET /v1/roster}: changes after {@code cursor} (null: from the start). */
    public RosterPage roster(String cursor, int limit) throws IOException, InterruptedException {
        String q = "v1/roster?limit=" + limit + (cursor == null ? ""
                : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<byte[]> res = http.send(request(q).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (res.statusCode() != 200) {
            throw new IOException("the roster request was answered " + res.statusCode());
        }
        JsonNode page = read(res.body());
        if (page == null || !page.has("entries") || !page.has("nextCursor")) {
            throw new IOException("the roster answer is not a roster page");
        }
        List<RosterEntry> entries = new ArrayList<>();
        for (JsonNode e : page.get("entries")) {
            String type = e.path("memberType").asText(null);
            entries.add(new RosterEntry(e.path("insurerNumber").asText(), e.path("cardKey").asText(),
                    e.path("matchKey").asText(), MemberType.fromCode(type),
                    RosterEntry.Status.fromCode(e.path("status").asText())));
        }
        return new RosterPage(entries, page.get("nextCursor").asText(), page.path("more").asBoolean(false));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + token);
    }

    private static JsonNode read(byte[] body) {
        try {
            return body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
