package jp.kenpo.kiosk.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kenpo.kiosk.core.port.CentralSync;
import jp.kenpo.kiosk.core.port.RandomSource;
import jp.kenpo.kiosk.core.port.RegistrationOutbox;
import jp.kenpo.kiosk.core.port.RegistrationOutbox.Pending;
import jp.kenpo.kiosk.core.text.LogText;
import jp.kenpo.kiosk.sync.CentralClient.Delivery;

/**
 * Sends the outbox to the central service on its own thread: oldest first, one answer per
 * registration, so one refused registration never holds up the others. Passing failures (network,
 * timeouts, 5xx, 429) wait with exponential backoff and jitter up to a cap, or longer when the
 * server says {@code Retry-After}; refusals (409/413/422) wait for staff; a refused device
 * credential (401) keeps the registration and tries again slowly. The heartbeat and the roster
 * pull run on the same thread, on their own schedules.
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
    private final CentralClient client;
    private final Clock clock;
    private final RandomSource random;
    private final Policy policy;
    private final RosterPuller roster;
    private final String kioskId;
    private final String version;
    private final BooleanSupplier cameraOk;
    private volatile ScheduledExecutorService executor;
    private java.util.concurrent.ExecutorService sending;
    private volatile boolean closed;
    private volatile Instant lastContact;

    public SyncWorker(RegistrationOutbox outbox, CentralClient client, Clock clock, RandomSource random, Policy policy,
                      RosterPuller roster, String kioskId, BooleanSupplier cameraOk) {
        this.outbox = outbox;
        this.client = client;
        this.clock = clock;
        this.random = random;
        this.policy = policy;
        this.roster = roster;
        this.kioskId = kioskId;
        String v = SyncWorker.class.getPackage().getImplementationVersion();
        this.version = v == null ? "development" : v;
        this.cameraOk = cameraOk;
    }

    /** Starts the schedules on the worker's own thread. */
    public synchronized void start() {
        if (executor != null || closed) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sync");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> safely("sync", this::runOnce), 0, policy.poll().toMillis(),
                TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(() -> safely("heartbeat", this::heartbeat), 1_000,
                policy.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
        if (roster != null) {
            executor.scheduleWithFixedDelay(() -> safely("roster pull", roster::pullQuietly), 2_000,
                    policy.rosterPull().toMillis(), TimeUnit.MILLISECONDS);
        }
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
    private <T> java.util.concurrent.CompletableFuture<T> onWorkerThread(java.util.concurrent.Callable<T> work) {
        java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();
        ScheduledExecutorService e = executor;
        if (e == null || e.isShutdown()) {
            result.completeExceptionally(new IllegalStateException("the sync worker is not running"));
            return result;
        }
        try {
            e.execute(() -> {
                try {
                    result.complete(work.call());
                } catch (Exception ex) {
                    if (ex instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    result.completeExceptionally(ex);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException ex) {
            result.completeExceptionally(ex);
        }
        return result;
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
            for (Delivery d : deliverAll(due)) {
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

    /** Sends a batch, {@link Policy#senders()} at a time; the answers in the batch's order. */
    private List<Delivery> deliverAll(List<Pending> due) {
        if (policy.senders() <= 1 || due.size() == 1) {
            return due.stream().map(this::deliver).toList();
        }
        java.util.concurrent.ExecutorService pool;
        synchronized (this) {
            if (closed) {
                return List.of();
            }
            if (sending == null) {
                java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
                sending = Executors.newFixedThreadPool(policy.senders(), r -> {
                    Thread t = new Thread(r, "sync-send-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
            }
            pool = sending;
        }
        List<java.util.concurrent.Future<Delivery>> futures = new java.util.ArrayList<>();
        for (Pending p : due) {
            futures.add(pool.submit(() -> deliver(p)));
        }
        List<Delivery> out = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Delivery> f : futures) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return out;
            }
        }
        return out;
    }

    /** Sends one registration and records the answer; null when it was gone already. */
    Delivery deliver(Pending p) {
        Optional<byte[]> sealed = outbox.sealed(p.registrationId());
        if (sealed.isEmpty()) {
            return null;
        }
        Delivery d = client.deliver(p.registrationId(), sealed.get());
        Instant now = clock.instant();
        if (d.httpStatus() > 0) {
            lastContact = now;
        }
        switch (d.outcome()) {
            case ACCEPTED -> {
                outbox.delivered(p.registrationId());
                // The central service's own receipt number ties its record to this kiosk's for staff.
                LOG.info("{} delivered ({}, {}, central receipt {})", p.receiptNumber(), d.status(), d.httpStatus(),
                        d.receiptNumber() == null ? "-" : LogText.clean(d.receiptNumber(), 40));
            }
            case RETRY -> {
                Duration wait = backoff(p.attempts(), d.retryAfter());
                outbox.retryLater(p.registrationId(), now.plus(wait), d.reason());
                LOG.info("{} not delivered ({}), next try in {} s", p.receiptNumber(), LogText.clean(d.reason(), 80),
                        wait.toSeconds());
            }
            case REJECTED -> {
                outbox.needsAttention(p.registrationId(), d.reason(), null);
                LOG.warn("{} refused by the central service ({}): staff must look", p.receiptNumber(),
                        LogText.clean(d.reason(), 80));
            }
            case UNAUTHORIZED -> {
                Duration wait = d.retryAfter() == null || d.retryAfter().compareTo(policy.unauthorizedRetry()) < 0
                        ? policy.unauthorizedRetry() : d.retryAfter();
                outbox.needsAttention(p.registrationId(), d.reason(), now.plus(wait));
                LOG.warn("{} not delivered: the central service refused this kiosk's credential", p.receiptNumber());
            }
        }
        return d;
    }

    /**
     * The wait before try {@code attempts + 2}: {@code firstRetry × 2^attempts}, capped, with "equal
     * jitter" (half fixed, half random) so that forty kiosks coming back online do not call at once;
     * never shorter than the server's {@code Retry-After}.
     */
    Duration backoff(int attempts, Duration retryAfter) {
        long cap = policy.maxRetry().toMillis();
        long exp = policy.firstRetry().toMillis() << Math.min(attempts, 30);
        long base = exp <= 0 || exp > cap ? cap : exp;
        long half = base / 2;
        long wait = half + (half > 0 ? random.nextInt((int) Math.min(Integer.MAX_VALUE, half + 1)) : 0);
        Duration d = Duration.ofMillis(wait);
        return retryAfter != null && retryAfter.compareTo(d) > 0 ? retryAfter : d;
    }

    /** {@code POST /v1/heartbeat}: queue counts and camera state, nothing personal. */
    public boolean heartbeat() {
        RegistrationOutbox.Summary s = outbox.summary();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kioskId", kioskId);
        body.put("version", version);
        body.put("queueWaiting", s.waiting());
        body.put("queueNeedsAttention", s.needsAttention());
        if (s.oldestWaiting() != null) {
            body.put("oldestWaitingAt", s.oldestWaiting().toString());
        }
        body.put("cameraOk", cameraOk.getAsBoolean());
        int status = client.heartbeat(body);
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
    public Optional<Instant> lastContact() {
        return Optional.ofNullable(lastContact);
    }

    /** {@link #runAll()} on the worker's thread. */
    @Override
    public java.util.concurrent.CompletableFuture<Void> sendNow() {
        return onWorkerThread(() -> {
            safely("sync", this::runAll);
            return null;
        });
    }

    @Override
    public Optional<Instant> rosterPulledAt() {
        return roster == null ? Optional.empty() : roster.pulledAt();
    }

    /** A roster pull on the worker's thread. */
    @Override
    public java.util.concurrent.CompletableFuture<Long> pullRosterNow() {
        if (roster == null) {
            return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("no roster to pull"));
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

    private static void safely(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // The schedule must go on: one failed pass is retried at the next.
            LOG.warn("{} failed: {}", what, LogText.of(e));
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService scheduled;
        java.util.concurrent.ExecutorService senders;
        synchronized (this) {
            closed = true;
            scheduled = executor;
            senders = sending;
            executor = null;
            sending = null;
        }
        for (java.util.concurrent.ExecutorService e : new java.util.concurrent.ExecutorService[] {scheduled, senders}) {
            if (e != null) {
                e.shutdownNow();
            }
        }
        // Waited for outside the lock: a pass that is finishing may still need it.
        try {
            if (scheduled != null) {
                scheduled.awaitTermination(5, TimeUnit.SECONDS);
            }
            if (senders != null) {
                senders.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
