package jp.kenpo.kiosk.central;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 *
 * <p>This class starts and stops the server and offers the Java API for tests and demos. Requests go
 * through the {@link Router} (device token, path, method, {@link FaultInjection}) to one {@link Endpoint}
 * each: {@link RegistrationEndpoint} (with {@link RegistrationValidation}), {@link RosterFeed},
 * {@link SignupClaims}, {@link HeartbeatEndpoint} — see {@link #routes}. The store ({@link CentralStore})
 * keeps what the endpoints decide; the answers' JSON is made by {@link Answers}. The class is longer
 * than most because its {@link Options} (a public record with its withers, written
 * {@code CentralServer.Options} by every caller) lives here; the withers' copying is {@link OptionsBuilder}'s.
 */
public final class CentralServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CentralServer.class);

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
        private Options with(Consumer<OptionsBuilder> change) {
            OptionsBuilder b = new OptionsBuilder(this);
            change.accept(b);
            return b.build();
        }
    }

    private final Options options;
    private final CentralStore store;
    private final HttpServer http;
    private final ExecutorService pool;
    private final RequestWatch watch;
    private final FaultInjection faults;
    private final RegistrationValidation validation;
    private final ObjectMapper json = new ObjectMapper();
    private final RosterStore roster;
    private final HeartbeatStore heartbeats;
    private final SignupClaims signups;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CentralServer(Options options, CentralStore store, HttpServer http, ExecutorService pool,
                          RequestWatch watch) {
        this.options = options;
        this.store = store;
        this.http = http;
        this.pool = pool;
        this.watch = watch;
        this.faults = new FaultInjection(options.faults(), options.random());
        this.validation = new RegistrationValidation(new Unsealer(options.keyId(), options.privateKey()),
                options.clock(), options.keepClearData());
        this.roster = new RosterStore(store);
        this.heartbeats = new HeartbeatStore(store);
        this.signups = new SignupClaims(new SignupStore(store), options.clock(), options.keepClearData());
    }

    /** The endpoints: adding one is a class implementing {@link Endpoint} and one line here. */
    private Router routes() {
        return new Router(new DeviceAuth(options.deviceTokens()), faults)
                .add("POST", "/v1/registrations", new RegistrationEndpoint(store, validation, faults,
                        options.maxBodyBytes()))
                .add("GET", "/v1/roster", new RosterFeed(roster))
                .add("POST", "/v1/signups/{resumeId}/claim", signups)
                .add("POST", "/v1/heartbeat", new HeartbeatEndpoint(heartbeats, options.clock()));
    }

    /**
     * Opens (creating) {@code central.db} and starts answering. Without {@code keepClearData}, clear
     * data an earlier run kept is removed first.
     */
    public static CentralServer start(Options options) throws IOException {
        CentralStore store = CentralStore.open(options.dataDir(), options.keepClearData());
        HttpServer http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
        ExecutorService pool = RequestPool.create(options.threads(), options.queue());
        RequestWatch watch = new RequestWatch(options.readTimeout());
        CentralServer server = new CentralServer(options, store, http, pool, watch);
        http.createContext("/", server.routes());
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
        return faults.current();
    }

    /** Changes the fault switches; requests that arrive afterwards see them. */
    public void faults(Faults f) {
        faults.set(f);
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
            roster.addRoster(entries);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Offers an app-started signup for claiming until {@code expiresAt}; the draft is a SignupDraft object. */
    public void addSignup(String resumeId, String draftJson, Instant expiresAt) {
        try {
            signups.offer(resumeId, draftJson, expiresAt);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many heartbeats are kept for a kiosk: one (its last) once it sent any. */
    public int heartbeatsKept(String kioskId) {
        try {
            return heartbeats.count(kioskId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes a made-up demonstration signup (see {@code central resume-token}) into the
     * {@code central.db} of {@code dataDir}, where a server running on that directory, now or later,
     * serves it to the first device that claims it. The draft is a SignupDraft object; it must hold no
     * member's data: it is kept in the file across restarts.
     */
    public static void storeMadeUpSignup(Path dataDir, String resumeId, String draftJson, Instant expiresAt)
            throws IOException {
        ObjectNode draft;
        try {
            JsonNode d = new ObjectMapper().readTree(draftJson);
            if (!(d instanceof ObjectNode o)) {
                throw new IllegalArgumentException("the draft is a JSON object");
            }
            draft = o;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the draft is not JSON", e);
        }
        draft.put("resumeId", resumeId);
        try {
            new SignupStore(CentralStore.openAsIs(dataDir)).addSignup(resumeId, draft.toString(), expiresAt, true);
        } catch (SQLException e) {
            throw new IOException("central.db: the signup cannot be stored", e);
        }
    }

    /** The newest heartbeat body a kiosk sent, if any. */
    public Optional<JsonNode> lastHeartbeat(String kioskId) {
        try {
            Optional<String> body = heartbeats.lastHeartbeat(kioskId);
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
        validation.reject(registrationId, status, error);
    }
}
