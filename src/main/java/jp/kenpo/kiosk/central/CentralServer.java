package jp.kenpo.kiosk.central;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jp.kenpo.kiosk.core.roster.RosterEntry;

/**
 * The reference central service of docs/central-service.md (§12), for demos and integration tests: the JDK's
 * HTTP server on a small fixed thread pool, its own SQLite file ({@code central.db}), and fault
 * switches ({@link Faults}) that make it fail, drop connections after committing, or lag.
 *
 * <p>A request must arrive (headers and body) within the read timeout, and its answer be taken
 * within it; a connection that stalls longer is closed ({@link RequestWatch}), so stalled clients
 * hold a request thread for that long at most. Requests beyond the threads wait in a bounded queue;
 * beyond that their connections are closed at once, which a kiosk treats like any network failure.
 *
 * <p>Registration rules of this reference server:
 * <ul>
 *   <li>status {@code pending_review} when {@code medicalAccess} is present and
 *       {@code medicalAccess.livenessPassed} is not {@code true}; {@code complete} otherwise;</li>
 *   <li>409 {@code already_registered} when the same insurer number, card (symbol, number,
 *       branch), kana name and birth date is registered under another id; 409
 *       {@code email_in_use} when the email (case-insensitive) is;</li>
 *   <li>{@link #reject(String, int, String)} marks a registration id to be answered with a
 *       permanent 409 or 422 (for tests and demos of the kiosk's handling of rejections);</li>
 *   <li>the password is not kept at all (this server has no login): {@link #plaintext(String)}
 *       shows {@code account.passwordReceived: true} in place of {@code account.password}.</li>
 * </ul>
 * {@code central.db} holds metadata (ids, kiosk, times, status, receipt numbers, answers) and
 * SHA-256 hashes of the person and of the email address for the conflict rules — no opened
 * registration and no signup draft, unless {@link Options#keepClearData()} is set for debugging;
 * without it, signup drafts are kept in memory only, for the server's lifetime.
 * Every first answer (201, 409, 422 for a well-keyed request) is stored with the registration in
 * one transaction before it is sent, and replayed for the same bytes (a 201 as 200).
 */
public final class CentralServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CentralServer.class);
    static final String JSON = "application/json; charset=utf-8";
    private static final Pattern CLAIM = Pattern.compile("^/v1/signups/([^/]+)/claim$");
    private static final int DROPPED = -1;
    private static final long SMALL_BODY = 64 * 1024;

    static {
        // The JDK's HTTP server writes the response headers and the body as two segments; with Nagle's
        // algorithm on, the body then waits for the client's delayed ACK of the headers — about 40 ms
        // per answer, a fifth of a registration's delivery on loopback. The server reads this once,
        // when its first instance starts; an explicit -Dsun.net.httpserver.nodelay wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /**
     * How to run a server.
     *
     * @param host          the address to bind (127.0.0.1 unless told)
     * @param port          the port; 0 for any free one
     * @param dataDir       where {@code central.db} lives
     * @param privateKey    the central key's private half
     * @param keyId         the key id sealed registrations must name
     * @param deviceTokens  accepted {@code Authorization: Bearer} tokens; the token names the device
     * @param faults        the fault switches at start
     * @param random        the source of the faults' randomness (seed it for repeatable tests)
     * @param clock         the server's clock (signup expiry, received times)
     * @param maxBodyBytes  the largest registration body; bigger is a 413
     * @param threads       the size of the request thread pool
     * @param readTimeout   the longest a request may take to arrive, and its answer to be taken
     * @param queue         how many requests may wait for a thread; more are turned away
     * @param keepClearData for debugging only: keep the opened registrations and the signup drafts in
     *                      {@code central.db}; otherwise it holds only metadata and hashes
     */
    public record Options(String host, int port, Path dataDir, PrivateKey privateKey, String keyId,
                          Set<String> deviceTokens, Faults faults, Random random, Clock clock, long maxBodyBytes,
                          int threads, Duration readTimeout, int queue, boolean keepClearData) {

        public static final String DEFAULT_HOST = "127.0.0.1";
        public static final String DEFAULT_DEVICE_TOKEN = "demo-device-token";
        public static final long DEFAULT_MAX_BODY = 32L * 1024 * 1024;
        public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
        public static final int DEFAULT_QUEUE = 64;

        public Options {
            deviceTokens = Set.copyOf(deviceTokens);
            if (deviceTokens.isEmpty()) {
                throw new IllegalArgumentException("at least one device token is needed");
            }
            if (threads < 1 || queue < 1 || readTimeout.isNegative() || readTimeout.isZero()) {
                throw new IllegalArgumentException("threads, the queue and the read timeout must be positive");
            }
        }

        /** Loopback, any free port, the demo device token, no faults, 4 threads, 32 MB bodies, 30 s to read, no clear data kept. */
        public static Options of(Path dataDir, PrivateKey privateKey, String keyId) {
            return new Options(DEFAULT_HOST, 0, dataDir, privateKey, keyId, Set.of(DEFAULT_DEVICE_TOKEN), Faults.NONE,
                    new Random(), Clock.systemUTC(), DEFAULT_MAX_BODY, 4, DEFAULT_READ_TIMEOUT, DEFAULT_QUEUE, false);
        }

        public Options withHost(String h) {
            return with(b -> b.host = h);
        }

        public Options withPort(int p) {
            return with(b -> b.port = p);
        }

        public Options withDeviceTokens(Set<String> tokens) {
            return with(b -> b.deviceTokens = tokens);
        }

        public Options withFaults(Faults f) {
            return with(b -> b.faults = f);
        }

        public Options withRandom(Random r) {
            return with(b -> b.random = r);
        }

        public Options withClock(Clock c) {
            return with(b -> b.clock = c);
        }

        /** For debugging only: the opened registrations and signup drafts are kept in clear. */
        public Options withKeepClearData(boolean keep) {
            return with(b -> b.keepClearData = keep);
        }

        public Options withMaxBodyBytes(long max) {
            return with(b -> b.maxBodyBytes = max);
        }

        public Options withThreads(int n) {
            return with(b -> b.threads = n);
        }

        public Options withReadTimeout(Duration timeout) {
            return with(b -> b.readTimeout = timeout);
        }

        public Options withQueue(int waiting) {
            return with(b -> b.queue = waiting);
        }

        /** A copy with one setting changed (the withers above). */
        private Options with(java.util.function.Consumer<Copy> change) {
            Copy b = new Copy(this);
            change.accept(b);
            return new Options(b.host, b.port, dataDir, privateKey, keyId, b.deviceTokens, b.faults, b.random, b.clock,
                    b.maxBodyBytes, b.threads, b.readTimeout, b.queue, b.keepClearData);
        }

        /** The settings a wither may change, taken from the options being copied. */
        private static final class Copy {
            String host;
            int port;
            Set<String> deviceTokens;
            Faults faults;
            Random random;
            Clock clock;
            long maxBodyBytes;
            int threads;
            Duration readTimeout;
            int queue;
            boolean keepClearData;

            Copy(Options o) {
                host = o.host;
                port = o.port;
                deviceTokens = o.deviceTokens;
                faults = o.faults;
                random = o.random;
                clock = o.clock;
                maxBodyBytes = o.maxBodyBytes;
                threads = o.threads;
                readTimeout = o.readTimeout;
                queue = o.queue;
                keepClearData = o.keepClearData;
            }
        }
    }

    private record Rejection(int status, String error) {
    }

    private final Options options;
    private final CentralStore store;
    private final Unsealer unsealer;
    private final HttpServer http;
    private final ExecutorService pool;
    private final RequestWatch watch;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Rejection> rejections = new ConcurrentHashMap<>();
    /** Signup drafts by resume id, when the file does not keep them. */
    private final Map<String, String> drafts = new ConcurrentHashMap<>();
    private final List<byte[]> tokens;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile Faults faults;

    private CentralServer(Options options, CentralStore store, HttpServer http, ExecutorService pool,
                          RequestWatch watch) {
        this.options = options;
        this.store = store;
        this.unsealer = new Unsealer(options.keyId(), options.privateKey());
        this.http = http;
        this.pool = pool;
        this.watch = watch;
        this.faults = options.faults();
        this.tokens = options.deviceTokens().stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /**
     * Opens (creating) {@code central.db} and starts answering. Without {@code keepClearData}, clear
     * data an earlier run kept is removed first.
     */
    public static CentralServer start(Options options) throws IOException {
        CentralStore store = CentralStore.open(options.dataDir());
        if (!options.keepClearData()) {
            try {
                int forgotten = store.forgetClearData();
                if (forgotten > 0) {
                    LOG.info("central.db: clear data of {} registrations or signups kept by an earlier run removed",
                            forgotten);
                }
            } catch (SQLException e) {
                throw new IOException("central.db: the clear data of an earlier run cannot be removed", e);
            }
        } else {
            LOG.warn("central.db keeps opened registrations in clear (debugging only)");
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
        AtomicInteger n = new AtomicInteger();
        AtomicLong warned = new AtomicLong(System.nanoTime() - TimeUnit.MINUTES.toNanos(1));
        ExecutorService pool = new ThreadPoolExecutor(options.threads(), options.threads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(options.queue()), r -> {
                    Thread t = new Thread(r, "central-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, (task, executor) -> {
                    // The JDK's server closes the connection of a request it cannot hand over.
                    long now = System.nanoTime();
                    long last = warned.get();
                    if (now - last > TimeUnit.SECONDS.toNanos(10) && warned.compareAndSet(last, now)) {
                        LOG.warn("all {} request threads busy and {} requests waiting: connections turned away",
                                options.threads(), options.queue());
                    }
                    throw new RejectedExecutionException("the request queue is full");
                });
        RequestWatch watch = new RequestWatch(options.readTimeout());
        CentralServer server = new CentralServer(options, store, http, pool, watch);
        http.createContext("/", server::handle);
        http.setExecutor(watch.watching(pool));
        http.start();
        LOG.info("central server listening on {}:{}", options.host(), server.port());
        return server;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** {@code http://host:port}. */
    public String url() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return "http://" + host + ":" + port();
    }

    public Faults faults() {
        return faults;
    }

    /** Changes the fault switches; requests that arrive afterwards see them. */
    public void faults(Faults f) {
        this.faults = f;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        http.stop(0);
        watch.close();
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("central server stopped");
    }

    // --- Java API for tests and demos ----------------------------------------------------------

    /** How many registrations are registered (complete or pending review; not rejected ones). */
    public int registeredCount() {
        return registrationIds().size();
    }

    /** The ids of the registered (not rejected) registrations, in receipt order. */
    public Set<String> registrationIds() {
        try {
            return store.registeredIds();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The opened Registration JSON of a registration (without the password), kept only with
     * {@link Options#keepClearData()}; null when unknown or not kept.
     */
    public JsonNode plaintext(String registrationId) {
        try {
            Optional<String> p = store.plaintext(registrationId);
            return p.isEmpty() ? null : json.readTree(p.get());
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends roster changes, served by {@code GET /v1/roster} after those already there. */
    public void addRosterEntries(List<RosterEntry> entries) {
        try {
            store.addRoster(entries);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Offers an app-started signup for claiming until {@code expiresAt}; the draft is a SignupDraft object. */
    public void addSignup(String resumeId, String draftJson, Instant expiresAt) {
        try {
            JsonNode draft = json.readTree(draftJson);
            if (!draft.isObject()) {
                throw new IllegalArgumentException("the draft is a JSON object");
            }
            ((ObjectNode) draft).put("resumeId", resumeId);
            String text = json.writeValueAsString(draft);
            drafts.put(resumeId, text);
            store.addSignup(resumeId, options.keepClearData() ? text : null, expiresAt);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the draft is not JSON", e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The newest heartbeat body a kiosk sent, if any. */
    public Optional<JsonNode> lastHeartbeat(String kioskId) {
        try {
            Optional<String> body = store.lastHeartbeat(kioskId);
            return body.isEmpty() ? Optional.empty() : Optional.of(json.readTree(body.get()));
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Marks a registration id to be rejected when it first arrives (after it was opened and found
     * well-formed): answered {@code status} (409 or 422) with {@code {"error": error}}, stored
     * and replayed like any first answer.
     */
    public void reject(String registrationId, int status, String error) {
        if (status != 409 && status != 422) {
            throw new IllegalArgumentException("a rejection is a 409 or a 422");
        }
        rejections.put(registrationId, new Rejection(status, error));
    }

    // --- HTTP ----------------------------------------------------------------------------------

    private void handle(HttpExchange ex) {
        RequestWatch.working(); // the headers have arrived
        long started = System.nanoTime();
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        String logPath = "(other)";
        int status = 500;
        try {
            Route route = route(path);
            logPath = route.logPath;
            status = dispatch(ex, method, route);
        } catch (Exception e) {
            // The exception's class only: a message could carry request content.
            LOG.warn("{} {} failed: {}", method, logPath, e.getClass().getSimpleName());
            status = 500;
            try {
                send(ex, 500, "{\"error\":\"internal\"}");
            } catch (IOException | RuntimeException ignored) {
                // the answer could not be sent either
            }
        } finally {
            long ms = (System.nanoTime() - started) / 1_000_000;
            LOG.info("{} {} {} {} ms", method, logPath, status == DROPPED ? "dropped" : status, ms);
            // Without response headers this closes the connection: a dropped answer.
            RequestWatch.network();
            ex.close();
        }
    }

    private record Route(String name, String logPath, String allow, String resumeId) {
    }

    private static Route route(String path) {
        switch (path) {
            case "/v1/registrations":
                return new Route("registrations", path, "POST", null);
            case "/v1/roster":
                return new Route("roster", path, "GET", null);
            case "/v1/heartbeat":
                return new Route("heartbeat", path, "POST", null);
            default:
                Matcher m = CLAIM.matcher(path);
                if (m.matches()) {
                    return new Route("claim", "/v1/signups/{resumeId}/claim", "POST", m.group(1));
                }
                return new Route("unknown", "(other)", null, null);
        }
    }

    private int dispatch(HttpExchange ex, String method, Route route) throws Exception {
        String token = bearer(ex);
        if (token == null) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            return send(ex, 401, "{\"error\":\"unauthorized\"}");
        }
        if (route.allow == null) {
            return send(ex, 404, "{\"error\":\"not_found\"}");
        }
        if (!route.allow.equals(method)) {
            ex.getResponseHeaders().set("Allow", route.allow);
            return send(ex, 405, "{\"error\":\"method_not_allowed\"}");
        }
        Faults f = faults;
        if (f.delayMs() > 0) {
            Thread.sleep(f.delayMs());
        }
        if (f.failShare() > 0 && options.random().nextDouble() < f.failShare()) {
            if (f.failStatus() == 503) {
                ex.getResponseHeaders().set("Retry-After", Integer.toString(f.retryAfterSeconds()));
            }
            return send(ex, f.failStatus(), "{\"error\":\"unavailable\"}");
        }
        return switch (route.name) {
            case "registrations" -> registration(ex, f);
            case "roster" -> roster(ex);
            case "claim" -> claim(ex, route.resumeId, token);
            case "heartbeat" -> heartbeat(ex);
            default -> send(ex, 404, "{\"error\":\"not_found\"}");
        };
    }

    /** The accepted device token of the request, or null. */
    private String bearer(HttpExchange ex) {
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

    // POST /v1/registrations

    private int registration(HttpExchange ex, Faults f) throws Exception {
        byte[] body = readBody(ex, options.maxBodyBytes());
        if (body == null) {
            return send(ex, 413, "{\"error\":\"too_large\"}");
        }
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        if (!isUuid(key)) {
            return send(ex, 422, store.problem("invalid", "the Idempotency-Key header must be a UUID",
                    List.of("Idempotency-Key")));
        }
        String sha = sha256(body);
        Optional<CentralStore.Stored> existing = store.find(key);
        if (existing.isPresent()) {
            return answerStored(ex, existing.get(), sha, f);
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(body);
        } catch (IOException e) {
            return send(ex, 422, store.problem("invalid", "the body is not JSON", null));
        }
        if (envelope == null || !envelope.isObject() || !key.equals(envelope.path("registrationId").asText(null))) {
            return send(ex, 422, store.problem("invalid", "registrationId must equal the Idempotency-Key",
                    List.of("registrationId")));
        }
        CentralStore.Stored stored = store.register(evaluate(key, sha, envelope));
        return answerStored(ex, stored, sha, f);
    }

    private int answerStored(HttpExchange ex, CentralStore.Stored s, String sha, Faults f) throws IOException {
        if (!s.bodySha256().equals(sha)) {
            return send(ex, 422, store.problem("idempotency_mismatch",
                    "this Idempotency-Key was first sent with another body", null));
        }
        if (f.dropAfterCommitShare() > 0 && options.random().nextDouble() < f.dropAfterCommitShare()) {
            return DROPPED;
        }
        int status = s.fresh() || s.answerStatus() != 201 ? s.answerStatus() : 200;
        return send(ex, status, s.answerJson());
    }

    /** Opens and checks a new registration: accepted (conflicts are checked when it is stored) or rejected. */
    private CentralStore.Candidate evaluate(String id, String sha, JsonNode envelope) {
        Instant now = options.clock().instant();
        String kioskId = envelope.path("kioskId").asText(null);
        List<String> missing = new ArrayList<>();
        if (kioskId == null || kioskId.isBlank()) {
            missing.add("kioskId");
        }
        if (!isDateTime(envelope.path("createdAt").asText(null))) {
            missing.add("createdAt");
        }
        JsonNode sealed = envelope.path("sealed");
        for (String field : List.of("alg", "keyId", "wrappedKey", "iv", "ciphertext")) {
            if (!sealed.path(field).isTextual()) {
                missing.add("sealed." + field);
            }
        }
        if (!missing.isEmpty()) {
            return rejected(id, sha, kioskId, now, 422, store.problem("invalid", "required fields are missing",
                    missing), null);
        }
        byte[] plain;
        try {
            plain = unsealer.open(id, sealed);
        } catch (GeneralSecurityException e) {
            String why = e instanceof Unsealer.UnknownKey ? e.getMessage()
                    : "the sealed registration does not open with the central key";
            return rejected(id, sha, kioskId, now, 422, store.problem("invalid", why, List.of("sealed")), null);
        }
        JsonNode r;
        try {
            r = json.readTree(plain);
        } catch (IOException e) {
            return rejected(id, sha, kioskId, now, 422, store.problem("invalid", "the plaintext is not JSON",
                    List.of("sealed")), null);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        if (r == null || !r.isObject()) {
            return rejected(id, sha, kioskId, now, 422, store.problem("invalid", "the plaintext is not a Registration",
                    List.of("sealed")), null);
        }
        ObjectNode registration = (ObjectNode) r;
        String password = registration.path("account").path("password").asText(null);
        if (password != null && registration.get("account") instanceof ObjectNode account) {
            // This server has no login: it keeps no password, not even a hash (a real central
            // service hashes it for the portal's login).
            account.remove("password");
            account.put("passwordReceived", true);
        }
        String stored = options.keepClearData() ? registration.toString() : null;
        List<String> bad = invalidFields(registration, id, password != null);
        if (!bad.isEmpty()) {
            return rejected(id, sha, kioskId, now, 422, store.problem("invalid",
                    "the registration lacks required fields or has invalid ones", bad), stored);
        }
        Rejection rule = rejections.get(id);
        if (rule != null) {
            return rejected(id, sha, kioskId, now, rule.status(), store.problem(rule.error(),
                    "rejected by the central service", null), stored);
        }
        JsonNode card = registration.path("card");
        JsonNode member = registration.path("member");
        String personKey = sha256(String.join("|", registration.path("insurerNumber").asText(),
                card.path("symbol").asText(), card.path("number").asText(), card.path("branch").asText(""),
                member.path("kanaName").asText(), member.path("birthDate").asText()).getBytes(StandardCharsets.UTF_8));
        String emailKey = sha256(registration.path("account").path("email").asText().strip().toLowerCase(Locale.ROOT)
                .getBytes(StandardCharsets.UTF_8));
        JsonNode medical = registration.get("medicalAccess");
        boolean review = medical != null && !medical.isNull() && !medical.path("livenessPassed").asBoolean(false);
        return new CentralStore.Candidate(id, sha, kioskId, now, review ? "pending_review" : "complete", personKey,
                emailKey, stored, 0, null);
    }

    private static CentralStore.Candidate rejected(String id, String sha, String kioskId, Instant now, int status,
                                                   String answer, String plaintext) {
        return new CentralStore.Candidate(id, sha, kioskId, now, "rejected", null, null, plaintext, status, answer);
    }

    /** The contract's required Registration fields that are missing or malformed, as dotted paths. */
    static List<String> invalidFields(JsonNode r, String id, boolean hasPassword) {
        List<String> bad = new ArrayList<>();
        if (!id.equals(r.path("registrationId").asText(null))) {
            bad.add("registrationId");
        }
        for (String field : List.of("kioskId", "insurerNumber", "card.symbol", "card.number", "member.kanaName",
                "account.email")) {
            if (text(r, field) == null) {
                bad.add(field);
            }
        }
        if (!isDateTime(text(r, "createdAt"))) {
            bad.add("createdAt");
        }
        String birth = text(r, "member.birthDate");
        try {
            if (birth == null) {
                bad.add("member.birthDate");
            } else {
                LocalDate.parse(birth);
            }
        } catch (DateTimeParseException e) {
            bad.add("member.birthDate");
        }
        if (!List.of("insured", "dependent", "voluntary_continuation").contains(String.valueOf(text(r, "member.memberType")))) {
            bad.add("member.memberType");
        }
        if (!hasPassword) {
            bad.add("account.password");
        }
        if (!r.path("account").path("emailVerified").isBoolean()) {
            bad.add("account.emailVerified");
        }
        JsonNode medical = r.get("medicalAccess");
        if (medical != null && !medical.isNull() && !medical.isObject()) {
            bad.add("medicalAccess");
        }
        return bad;
    }

    private static String text(JsonNode r, String dotted) {
        JsonNode n = r;
        for (String part : dotted.split("\\.")) {
            n = n.path(part);
        }
        return n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
    }

    private static boolean isDateTime(String s) {
        if (s == null) {
            return false;
        }
        try {
            OffsetDateTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isUuid(String s) {
        if (s == null || s.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(s).toString().equalsIgnoreCase(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // GET /v1/roster

    private int roster(HttpExchange ex) throws Exception {
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        int limit = 1000;
        if (q.containsKey("limit")) {
            try {
                limit = Integer.parseInt(q.get("limit"));
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 10_000) {
                return send(ex, 400, store.problem("invalid", "limit is 1 to 10000", List.of("limit")));
            }
        }
        long after = 0;
        String cursor = q.get("cursor");
        if (cursor != null && !cursor.isEmpty()) {
            Long seq = decodeCursor(cursor);
            if (seq == null) {
                return send(ex, 400, store.problem("invalid", "unknown cursor", List.of("cursor")));
            }
            after = seq;
        }
        List<Map<String, Object>> page = store.rosterAfter(after, limit);
        boolean more = page.size() > limit;
        if (more) {
            page = page.subList(0, limit);
        }
        long last = page.isEmpty() ? after : (Long) page.get(page.size() - 1).get("seq");
        page.forEach(e -> e.remove("seq"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("entries", page);
        answer.put("nextCursor", encodeCursor(last));
        answer.put("more", more);
        return send(ex, 200, json.writeValueAsString(answer));
    }

    static String encodeCursor(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("roster:" + seq).getBytes(StandardCharsets.UTF_8));
    }

    static Long decodeCursor(String cursor) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!s.startsWith("roster:")) {
                return null;
            }
            long seq = Long.parseLong(s.substring(7));
            return seq < 0 ? null : seq;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, String> query(String raw) {
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

    // POST /v1/signups/{resumeId}/claim

    private int claim(HttpExchange ex, String resumeId, String token) throws Exception {
        readBody(ex, SMALL_BODY);
        CentralStore.Claim c = store.claim(resumeId, sha256(token.getBytes(StandardCharsets.UTF_8)),
                options.clock().instant());
        String draft = c.draft() != null ? c.draft() : drafts.get(resumeId);
        return switch (c.outcome()) {
            case CLAIMED -> draft != null ? send(ex, 200, draft) : send(ex, 410, "{\"error\":\"gone\"}");
            case NOT_FOUND -> send(ex, 404, "{\"error\":\"not_found\"}");
            case GONE -> send(ex, 410, "{\"error\":\"gone\"}");
        };
    }

    // POST /v1/heartbeat

    private int heartbeat(HttpExchange ex) throws Exception {
        byte[] body = readBody(ex, SMALL_BODY);
        if (body == null) {
            return send(ex, 413, "{\"error\":\"too_large\"}");
        }
        JsonNode h;
        try {
            h = body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            h = null;
        }
        if (h == null || !h.isObject()) {
            return send(ex, 400, store.problem("invalid", "the heartbeat is a JSON object", null));
        }
        String kioskId = h.path("kioskId").asText("");
        store.addHeartbeat(kioskId.isBlank() ? "unknown" : kioskId, options.clock().instant(), h.toString());
        RequestWatch.network();
        ex.sendResponseHeaders(204, -1);
        return 204;
    }

    // --- plumbing ------------------------------------------------------------------------------

    /** The request body, or null when it is longer than {@code max} bytes. */
    private static byte[] readBody(HttpExchange ex, long max) throws IOException {
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

    private static int send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", JSON);
        RequestWatch.network();
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
        return status;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
