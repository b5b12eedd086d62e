package jp.kenpo.kiosk.sync;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kenpo.kiosk.core.member.MemberType;
import jp.kenpo.kiosk.core.roster.RosterEntry;

/**
 * The kiosk's side of docs/central-service.md: delivers sealed registrations, reports its health
 * and reads roster changes. Every call carries the device credential; certificates are verified
 * against the system's authorities or a configured CA file — there is no switch to trust anything.
 * Answers are classified here, once, as the contract defines them.
 *
 * <p>Every call ends within its deadline ({@code timeout}: connecting, sending, the headers and the
 * whole body of the answer together) and reads at most a few kilobytes of an answer — a roster page at
 * most {@value #ROSTER_ROW_BYTES} bytes a row — so that a central service answering slowly, endlessly
 * or in pieces can hold up the kiosk's sync thread for one deadline at most and never fill its memory.
 * A call in progress ends at once when its thread is interrupted (the kiosk shutting down).
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

    /** A roster page that breaks the contract: nothing of it is taken, and the pull stops there. */
    public static final class RosterRefused extends IOException {
        private static final long serialVersionUID = 1L;

        RosterRefused(String why) {
            super("the roster page was refused: " + why);
        }
    }

    /** The most bytes read of an answer to a delivery or a heartbeat: the contract's answers are a few hundred. */
    static final int ANSWER_BYTES = 8 * 1024;
    /** The most bytes a roster page may spend on one entry (keys, insurer number, type, status, JSON). */
    static final int ROSTER_ROW_BYTES = 512;
    /** A roster key: base64url without padding (an HMAC-SHA256 is 43 characters). */
    private static final Pattern ROSTER_KEY = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern INSURER_NUMBER = Pattern.compile("[0-9]{6}|[0-9]{8}");
    /** A refusal's {@code error}: one of the contract's codes, lower case with underscores. */
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z][a-z_]{0,39}");
    /** Past the deadline, how long the JDK client may take to give up by itself before it is cancelled. */
    private static final long GRACE_MS = 1_000;

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
        HttpRequest.Builder req = request("v1/registrations")
                .header("Idempotency-Key", registrationId)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(sealedEnvelope));
        Answer a;
        try {
            a = exchange(req, ANSWER_BYTES);
        } catch (HttpTimeoutException e) {
            return Delivery.retry("timeout", null);
        } catch (IOException e) {
            return Delivery.retry("network: " + e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.retry("interrupted", null);
        }
        return classify(registrationId, a.status(), a.body(), a.problem(), a.headers().firstValue("Retry-After"));
    }

    /** Longer than this, a {@code Retry-After} is taken as a day: the kiosk looks again at least daily. */
    static final Duration RETRY_AFTER_CAP = Duration.ofDays(1);

    /**
     * The contract's classification. A 200/201 counts only as the contract's {@code Accepted} for
     * this very registration — anything else (a proxy's page, a maintenance answer) is tried again,
     * because an acceptance deletes the registration from the kiosk.
     */
    static Delivery classify(String registrationId, int code, byte[] body, Optional<String> retryAfter) {
        return classify(registrationId, code, body, null, retryAfter);
    }

    /**
     * The classification of an answer whose body could not be read whole ({@code problem}): an
     * acceptance then cannot be confirmed and is tried again (the central service answers a repeat
     * with the same acceptance); any other answer is classified by its status alone.
     */
    static Delivery classify(String registrationId, int code, byte[] body, BoundedBody.Problem problem,
                             Optional<String> retryAfter) {
        Duration after = retryAfter.flatMap(CentralClient::retryAfter)
                .map(d -> d.compareTo(RETRY_AFTER_CAP) > 0 ? RETRY_AFTER_CAP : d).orElse(null);
        if (problem != null) {
            Delivery d = classify(registrationId, code, new byte[0], null, retryAfter);
            String why = code + ", " + describe(problem);
            return code / 100 == 2 ? new Delivery(Outcome.RETRY, code, null, null, why, null)
                    : new Delivery(d.outcome(), code, null, null, why, d.retryAfter());
        }
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
            String error = p == null ? "" : p.path("error").asText("");
            // Only a code of the contract's shape is kept: the reason is shown to staff and logged.
            error = ERROR_CODE.matcher(error).matches() ? error : "";
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

    /** A plain reason for an answer not read whole. */
    static String describe(BoundedBody.Problem problem) {
        return switch (problem) {
            case TOO_LONG -> "answer too long, not read";
            case CUT_SHORT -> "answer cut short";
            case TIMEOUT -> "answer not complete in time";
        };
    }

    /** {@code POST /v1/heartbeat}: the answer's status (204 when recorded), or -1 when nothing answered. */
    public int heartbeat(Object body) {
        try {
            HttpRequest.Builder req = request("v1/heartbeat").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            return exchange(req, ANSWER_BYTES).status();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * {@code GET /v1/roster}: changes after {@code cursor} (null: from the start). A page is taken
     * whole or not at all: one entry that breaks the contract refuses the page, with the entry's
     * place and field in the message (never its values).
     */
    public RosterPage roster(String cursor, int limit) throws IOException, InterruptedException {
        String q = "v1/roster?limit=" + limit + (cursor == null ? ""
                : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8));
        Answer res = exchange(request(q).GET(), rosterBytes(limit));
        if (res.status() != 200) {
            throw new IOException("the roster request was answered " + res.status());
        }
        if (res.problem() == BoundedBody.Problem.TOO_LONG) {
            throw new RosterRefused(describe(res.problem()));
        }
        if (res.problem() != null) {
            throw new IOException("the roster page did not arrive: " + describe(res.problem()));
        }
        return rosterPage(res.body(), limit);
    }

    /** The most bytes read of a roster page of {@code limit} entries. */
    static long rosterBytes(int limit) {
        return 4096L + (long) limit * ROSTER_ROW_BYTES;
    }

    /** A roster page checked against the contract, entry by entry. */
    static RosterPage rosterPage(byte[] body, int limit) throws IOException {
        JsonNode page = read(body);
        if (page == null || !page.path("entries").isArray() || !page.path("nextCursor").isTextual()
                || !page.path("more").isBoolean()) {
            throw new RosterRefused("it is not a roster page");
        }
        String next = page.get("nextCursor").asText();
        if (next.isBlank() || next.length() > 1024) {
            throw new RosterRefused("nextCursor is empty or too long");
        }
        JsonNode rows = page.get("entries");
        if (rows.size() > limit) {
            throw new RosterRefused("more than " + limit + " entries");
        }
        List<RosterEntry> entries = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String bad = invalidField(rows.get(i));
            if (bad != null) {
                throw new RosterRefused("entry " + (i + 1) + " has an invalid " + bad);
            }
            JsonNode e = rows.get(i);
            JsonNode type = e.get("memberType");
            entries.add(new RosterEntry(e.get("insurerNumber").asText(), e.get("cardKey").asText(),
                    e.get("matchKey").asText(), type == null || type.isNull() ? null : MemberType.fromCode(type.asText()),
                    status(e.get("status").asText())));
        }
        return new RosterPage(entries, next, page.get("more").asBoolean());
    }

    /** The first field of a roster entry that breaks the contract, or null when it keeps it. */
    private static String invalidField(JsonNode e) {
        if (e == null || !e.isObject()) {
            return "entry";
        }
        if (!e.path("insurerNumber").isTextual() || !INSURER_NUMBER.matcher(e.get("insurerNumber").asText()).matches()) {
            return "insurerNumber";
        }
        for (String key : List.of("cardKey", "matchKey")) {
            if (!e.path(key).isTextual() || !ROSTER_KEY.matcher(e.get(key).asText()).matches()) {
                return key;
            }
        }
        JsonNode type = e.get("memberType");
        if (type != null && !type.isNull() && (!type.isTextual() || MemberType.fromCode(type.asText()) == null)) {
            return "memberType";
        }
        if (!e.path("status").isTextual() || status(e.get("status").asText()) == null) {
            return "status";
        }
        return null;
    }

    private static RosterEntry.Status status(String code) {
        for (RosterEntry.Status s : RosterEntry.Status.values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        return null;
    }

    /** An answer: its status and headers, and its body as far as it was read ({@code problem} when not whole). */
    private record Answer(int status, HttpHeaders headers, byte[] body, BoundedBody.Problem problem) {
    }

    /**
     * Sends a request and reads at most {@code cap} bytes of the answer, all within the deadline.
     * An interrupt cancels the exchange (its connection is closed) and is rethrown.
     */
    private Answer exchange(HttpRequest.Builder request, long cap) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<HttpResponse<BoundedBody.Read>> call =
                http.sendAsync(request.build(), BoundedBody.handler(cap, deadline));
        try {
            HttpResponse<BoundedBody.Read> res = call.get(timeout.toMillis() + GRACE_MS, TimeUnit.MILLISECONDS);
            return new Answer(res.statusCode(), res.headers(), res.body().bytes(), res.body().problem());
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new HttpTimeoutException("no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? "the call failed" : cause.getClass().getSimpleName());
        }
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
