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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kenpo.kiosk.core.port.DeliveryReason;
import jp.kenpo.kiosk.core.roster.RosterEntry;

/**
 * The kiosk's side of docs/central-service.md: delivers sealed registrations, reports its health
 * and reads roster changes. Every call carries the device credential; certificates are verified
 * against the system's authorities or a configured CA file — there is no switch to trust anything.
 * Answers are classified once, as the contract defines them ({@link DeliveryAnswers}, {@link RosterPages}).
 *
 * <p>Every call ends within its deadline ({@code timeout}: connecting, sending, the headers and the
 * whole body of the answer together) and reads at most a few kilobytes of an answer — a roster page at
 * most {@value RosterPages#ROW_BYTES} bytes a row — so that a central service answering slowly, endlessly
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
     * @param reason        for any other outcome, why the registration is still held
     * @param detail        short, non-personal ("503", "409 already_registered", "network: ConnectException")
     * @param retryAfter    the server's {@code Retry-After}, if it sent one
     */
    public record Delivery(Outcome outcome, int httpStatus, String status, String receiptNumber, DeliveryReason reason,
                           String detail, Duration retryAfter) {
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
            return DeliveryAnswers.noAnswer("timeout");
        } catch (IOException e) {
            return DeliveryAnswers.noAnswer("network: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryAnswers.noAnswer("interrupted");
        }
        return DeliveryAnswers.classify(registrationId, a.status(), a.body(), a.problem(), a.headers().firstValue("Retry-After"));
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
        Answer res = exchange(request(q).GET(), RosterPages.maxBytes(limit));
        if (res.status() != 200) {
            throw new IOException("the roster request was answered " + res.status());
        }
        if (res.problem() == BoundedBody.Problem.TOO_LONG) {
            throw new RosterRefused(DeliveryAnswers.describe(res.problem()));
        }
        if (res.problem() != null) {
            throw new IOException("the roster page did not arrive: " + DeliveryAnswers.describe(res.problem()));
        }
        return RosterPages.read(res.body(), limit);
    }

    /**
     * {@code POST /v1/signups/{resumeId}/claim}: the answer's status and body (at most {@link #ANSWER_BYTES}),
     * or -1 with no body when none came whole within the deadline. See {@link SignupClaimer}.
     */
    public RawAnswer claim(String resumeId) throws InterruptedException {
        try {
            String path = "v1/signups/" + java.net.URLEncoder.encode(resumeId, java.nio.charset.StandardCharsets.UTF_8)
                    + "/claim";
            Answer a = exchange(request(path).POST(HttpRequest.BodyPublishers.noBody()), ANSWER_BYTES);
            return a.problem() != null ? new RawAnswer(-1, null) : new RawAnswer(a.status(), a.body());
        } catch (IOException e) {
            return new RawAnswer(-1, null);
        }
    }

    /** A status and a whole body; status -1: no answer. */
    public record RawAnswer(int status, byte[] body) {
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
}
