package jp.kenpo.kiosk.central;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference server's read timeout. The JDK's HTTP server reads a request's headers — and the
 * handler its body — on a pool thread, from a blocking channel without a timeout: a client that sends
 * half a request and stops would hold that thread for good, and a few such clients the whole server.
 * So each pool thread is watched while it waits on the network (reading the request, writing the
 * answer); one that has waited longer than the timeout is interrupted, which closes its connection
 * (a blocking channel is interruptible) and frees the thread. Time spent working (the database, the
 * fault switches' delay) does not count.
 */
final class RequestWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RequestWatch.class);
    private static final ThreadLocal<Slot> CURRENT = new ThreadLocal<>();

    /** One request on one pool thread. */
    private static final class Slot {
        final Thread thread;
        boolean waiting = true;
        boolean done;
        long since = System.nanoTime();

        Slot(Thread thread) {
            this.thread = thread;
        }
    }

    private final long timeoutNanos;
    private final Set<Slot> slots = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;

    RequestWatch(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "central-read-timeout");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(20, Math.min(1_000, timeout.toMillis() / 5));
        timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    /** {@code pool}, with each request it runs watched from its first byte (the headers are read first). */
    Executor watching(ExecutorService pool) {
        return task -> pool.execute(() -> {
            Slot s = new Slot(Thread.currentThread());
            slots.add(s);
            CURRENT.set(s);
            try {
                task.run();
            } finally {
                synchronized (s) {
                    s.done = true;
                }
                slots.remove(s);
                CURRENT.remove();
                Thread.interrupted(); // a late interrupt must not reach the next request on this thread
            }
        });
    }

    /** The current request thread now waits on the network: its time starts. */
    static void network() {
        Slot s = CURRENT.get();
        if (s != null) {
            synchronized (s) {
                s.waiting = true;
                s.since = System.nanoTime();
            }
        }
    }

    /** The current request thread works: it is not timed until it waits on the network again. */
    static void working() {
        Slot s = CURRENT.get();
        if (s != null) {
            synchronized (s) {
                s.waiting = false;
            }
            // An interrupt that came after the wait had ended anyway is not for the work that follows.
            Thread.interrupted();
        }
    }

    private void check() {
        long now = System.nanoTime();
        for (Slot s : slots) {
            synchronized (s) {
                if (!s.done && s.waiting && now - s.since >= timeoutNanos) {
                    s.waiting = false;
                    s.thread.interrupt();
                    LOG.info("a request took longer than {} ms to arrive or its answer to be taken: connection closed",
                            timeoutNanos / 1_000_000);
                }
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
