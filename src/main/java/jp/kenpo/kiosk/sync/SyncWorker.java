package jp.kenpo.kiosk.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kenpo.kiosk.core.port.CentralSync;
import jp.kenpo.kiosk.core.port.RandomSource;
import jp.kenpo.kiosk.core.port.KioskCounts;
import jp.kenpo.kiosk.core.port.RegistrationOutbox;
import jp.kenpo.kiosk.core.port.RegistrationOutbox.Pending;
import jp.kenpo.kiosk.core.text.LogText;
import jp.kenpo.kiosk.sync.CentralClient.Delivery;

/**
 * Sends the outbox to the central service on its own thread: oldest first, one answer per
 * registration, so one refused registration never holds up the others. Passing failures (network,
 * timeouts, 5xx, 429) wait with exponential backoff and jitter up to a cap ({@link Backoff}), or longer
 * when the server says {@code Retry-After}; refusals (409/413/422) wait for staff; a refused device
 * credential (401) keeps the registration and tries again slowly ({@link DeliveryRecorder}). The
 * {@link Heartbeat} and the roster pull run on the same thread ({@link WorkerThread}), on their own
 * schedules; what staff ask for runs there too, never beside a scheduled pass.
 */
public final class SyncWorker implements CentralSync, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncWorker.class);

    /**
     * @param firstRetry        the wait after the first passing failure; doubled after each further one
     * @param maxRetry          the cap of that wait
     * @param unauthorizedRetry the wait after the device credential was refused
     * @param poll              how often the outbox is looked at when nobody nudges
     * @param batch             how many due registrations are read at a time, oldest first
     * @param senders           how many of them are on their way at once (the kiosk's work on one
     *                          overlaps the central service's on another)
     */
    public record Policy(Duration firstRetry, Duration maxRetry, Duration unauthorizedRetry, Duration poll,
                         Duration heartbeat, Duration rosterPull, int batch, int senders) {
        public static Policy standard() {
            return new Policy(Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofMinutes(15),
                    Duration.ofSeconds(20), Duration.ofMinutes(1), Duration.ofMinutes(15), 20, 2);
        }
    }

    /** What one pass did. {@code left}: registrations still held afterwards. */
    public record Pass(int accepted, int retrying, int rejected, int unauthorized, int left) {
    }

    private final RegistrationOutbox outbox;
    private final Clock clock;
    private final Policy policy;
    private final RosterPuller roster;
    private final DeliveryRecorder recorder;
    private final Heartbeat heartbeat;
    private final SenderPool senders;
    private volatile WorkerThread thread;
    private volatile boolean closed;
    private volatile Instant lastContact;

    public SyncWorker(RegistrationOutbox outbox, CentralClient client, Clock clock, RandomSource random, Policy policy,
                      RosterPuller roster, String kioskId, BooleanSupplier cameraOk) {
        this(outbox, client, clock, random, policy, roster, kioskId, cameraOk, KioskCounts.NONE, () -> -1);
    }

    /**
     * @param counts       today's counts for the union, sent in the heartbeat
     * @param recentStarts how often the kiosk session started in the last 10 minutes (a crash loop), or
     *                     -1 when not known; sent in the heartbeat
     */
    public SyncWorker(RegistrationOutbox outbox, CentralClient client, Clock clock, RandomSource random, Policy policy,
                      RosterPuller roster, String kioskId, BooleanSupplier cameraOk, KioskCounts counts,
                      java.util.function.IntSupplier recentStarts) {
        this.outbox = outbox;
        this.clock = clock;
        this.policy = policy;
        this.roster = roster;
        this.recorder = new DeliveryRecorder(outbox, client, clock, random, Backoff.of(policy));
        this.heartbeat = new Heartbeat(outbox, client, kioskId, cameraOk, counts, recentStarts, clock);
        this.senders = new SenderPool(policy.senders());
    }

    /** Starts the schedules on the worker's own thread. */
    public synchronized void start() {
        if (thread != null || closed) {
            return;
        }
        WorkerThread t = new WorkerThread();
        t.every("sync", 0, policy.poll().toMillis(), this::runOnce);
        t.every("heartbeat", 1_000, policy.heartbeat().toMillis(), this::heartbeat);
        if (roster != null) {
            t.every("roster pull", 2_000, policy.rosterPull().toMillis(), roster::pullQuietly);
        }
        thread = t;
    }

    public Policy policy() {
        return policy;
    }

    /**
     * Delivers one registration now, on the worker's thread, waiting at most {@code wait}: the outcome
     * screen can then say 「完了しました」. Empty when it did not finish in time or the worker is not running.
     */
    public Optional<Delivery> deliverNow(String registrationId, Duration wait) {
        try {
            return onWorkerThread(() -> outbox.pending(registrationId).map(this::deliver))
                    .get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException ex) {
            return Optional.empty();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Runs {@code work} on the worker's thread, never beside a scheduled pass; fails when the worker
     * is not running (not started, or closed).
     */
    private <T> CompletableFuture<T> onWorkerThread(Callable<T> work) {
        WorkerThread t = thread;
        if (t == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the sync worker is not running"));
        }
        return t.submit(work);
    }

    /** One pass over everything due now. Call it on one thread at a time (the worker's, or the CLI's). */
    public Pass runOnce() {
        return runOnce(clock.instant());
    }

    /** One pass over everything held, also what waits out a backoff (staff's "send now", {@code sync --once}). */
    public Pass runAll() {
        return runOnce(clock.instant().plus(Duration.ofDays(36500)));
    }

    /**
     * One pass over everything due by {@code asOf} — a time in the future also takes those still
     * waiting out a backoff (the administrator's {@code sync --once}). Refused registrations wait for
     * staff either way.
     */
    public Pass runOnce(Instant asOf) {
        int seen = 0;
        int accepted = 0;
        int retrying = 0;
        int rejected = 0;
        int unauthorized = 0;
        long after = 0;
        while (!closed && !Thread.currentThread().isInterrupted()) {
            List<Pending> due = outbox.due(asOf, after, policy.batch());
            if (due.isEmpty()) {
                break;
            }
            after = due.get(due.size() - 1).position();
            seen += due.size();
            for (Delivery d : senders.sendAll(due, this::deliver)) {
                if (d == null) {
                    continue;
                }
                switch (d.outcome()) {
                    case ACCEPTED -> accepted++;
                    case RETRY -> retrying++;
                    case REJECTED -> rejected++;
                    case UNAUTHORIZED -> unauthorized++;
                }
            }
        }
        Pass pass = new Pass(accepted, retrying, rejected, unauthorized, outbox.waiting());
        if (seen > 0) {
            LOG.info("sync pass: {} delivered, {} to retry, {} refused, {} credential refused, {} held",
                    accepted, retrying, rejected, unauthorized, pass.left());
        }
        return pass;
    }

    /** Sends one registration and records the answer; null when it was gone already. */
    Delivery deliver(Pending p) {
        Delivery d = recorder.deliver(p);
        if (d != null && d.httpStatus() > 0) {
            lastContact = clock.instant();
        }
        return d;
    }

    /** {@code POST /v1/heartbeat}: queue counts and camera state, nothing personal. True when it was recorded. */
    public boolean heartbeat() {
        int status = heartbeat.send();
        if (status > 0) {
            lastContact = clock.instant();
        }
        return status / 100 == 2;
    }

    @Override
    public RegistrationOutbox.Summary summary() {
        return outbox.summary();
    }

    @Override
    public int sending() {
        return recorder.sending();
    }

    @Override
    public int sentSince(Instant since) {
        return outbox.sentSince(since);
    }

    @Override
    public boolean resend(String receiptNumber) {
        boolean done = outbox.resend(receiptNumber, clock.instant());
        LOG.info("{} {}", receiptNumber, done ? "queued again by staff" : "not re-queued: it no longer needs staff");
        return done;
    }

    @Override
    public boolean erase(String receiptNumber) {
        boolean done = outbox.erase(receiptNumber);
        LOG.info("{} {}", receiptNumber, done ? "deleted by staff" : "not deleted: it no longer needs staff");
        return done;
    }

    @Override
    public Optional<Instant> lastContact() {
        return Optional.ofNullable(lastContact);
    }

    /** Staff's 「今すぐ送信する」: {@link #runAll()} on the worker's thread. */
    @Override
    public CompletableFuture<Void> sendNow() {
        return onWorkerThread(() -> {
            WorkerThread.safely("sync", this::runAll);
            return null;
        });
    }

    @Override
    public Optional<Instant> rosterPulledAt() {
        return roster == null ? Optional.empty() : roster.pulledAt();
    }

    /** Staff's 「名簿を更新する」: a roster pull on the worker's thread. */
    @Override
    public CompletableFuture<Long> pullRosterNow() {
        if (roster == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no roster to pull"));
        }
        return onWorkerThread(() -> {
            try {
                long n = roster.pull();
                lastContact = clock.instant();
                LOG.info("roster pull (staff): {} changes applied", n);
                return n;
            } catch (Exception ex) {
                LOG.info("roster pull (staff) not possible now: {}", LogText.of(ex));
                throw ex;
            }
        });
    }

    @Override
    public void close() {
        WorkerThread t;
        synchronized (this) {
            closed = true;
            t = thread;
            thread = null;
        }
        if (t != null) {
            t.close();
        }
        // Waited for outside the lock: a pass that is finishing may still need it.
        senders.close();
        try {
            if (t != null) {
                t.awaitStop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
