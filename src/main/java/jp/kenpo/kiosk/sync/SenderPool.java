package jp.kenpo.kiosk.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Sends a batch of registrations a few at a time, so that the kiosk's work on one overlaps the central
 * service's on another. The threads are made at the first batch that needs more than one.
 */
final class SenderPool implements AutoCloseable {

    private final int senders;
    private ExecutorService pool;
    private boolean closed;

    SenderPool(int senders) {
        this.senders = senders;
    }

    /** Each of {@code items} sent by {@code send}, {@code senders} at a time; the answers in their order. */
    <T, R> List<R> sendAll(List<T> items, Function<T, R> send) {
        if (senders <= 1 || items.size() == 1) {
            return items.stream().map(send).toList();
        }
        ExecutorService p = pool();
        if (p == null) {
            return List.of();
        }
        List<Future<R>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(p.submit(() -> send.apply(item)));
        }
        List<R> out = new ArrayList<>();
        for (Future<R> f : futures) {
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

    private synchronized ExecutorService pool() {
        if (closed) {
            return null;
        }
        if (pool == null) {
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(senders, r -> {
                Thread t = new Thread(r, "sync-send-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    /** Stops the senders (interrupting their calls) and waits a little for them. */
    @Override
    public void close() {
        ExecutorService p;
        synchronized (this) {
            closed = true;
            p = pool;
            pool = null;
        }
        if (p != null) {
            p.shutdownNow();
            try {
                p.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
