package jp.kenpo.kiosk.sync;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kenpo.kiosk.core.text.LogText;

/**
 * The sync worker's one thread: its schedules, and the one-off work staff ask for, never beside each
 * other. A scheduled job that fails is logged and runs again at its next time.
 */
final class WorkerThread implements AutoCloseable {

    /** Under the worker's name, as before this class was split from it: the administrator's log filters. */
    private static final Logger LOG = LoggerFactory.getLogger(SyncWorker.class);

    private final ScheduledExecutorService executor;

    WorkerThread() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sync");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code job} after {@code firstMs}, then {@code everyMs} after each run ends. */
    void every(String what, long firstMs, long everyMs, Runnable job) {
        executor.scheduleWithFixedDelay(() -> safely(what, job), firstMs, everyMs, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code work} on this thread; fails when the thread is stopped. */
    <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(work.call());
                } catch (Exception ex) {
                    if (ex instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    result.completeExceptionally(ex);
                }
            });
        } catch (RejectedExecutionException ex) {
            result.completeExceptionally(ex);
        }
        return result;
    }

    static void safely(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // The schedule must go on: one failed pass is retried at the next.
            LOG.warn("{} failed: {}", what, LogText.of(e));
        }
    }

    /** Interrupts what runs and ends the schedules; {@link #awaitStop()} waits for it. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    void awaitStop() throws InterruptedException {
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
