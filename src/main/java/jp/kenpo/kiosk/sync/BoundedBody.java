package jp.kenpo.kiosk.sync;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The body of one answer from the central service, read with a byte cap and a deadline. A body
 * longer than the cap is not read past it — and not at all when its {@code Content-Length} says so
 * — and a body still arriving at the deadline is abandoned; either way the subscription is cancelled,
 * which closes the connection. The JDK's request timeout ends when the headers have arrived, so
 * without this a server dripping its body one byte at a time would hold the caller for as long as
 * it liked, and one sending a body of hundreds of megabytes would fill the heap.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody.Read> {

    /** Why a body was not read whole. */
    enum Problem {
        TOO_LONG, CUT_SHORT, TIMEOUT
    }

    /** The body as read ({@code problem} null) or why it was not ({@code bytes} then empty). */
    record Read(byte[] bytes, Problem problem) {
        boolean whole() {
            return problem == null;
        }
    }

    /** One small daemon thread ends the reads that reach their deadline, for every client of the kiosk. */
    private static final ScheduledExecutorService DEADLINES = deadlines();

    private static ScheduledExecutorService deadlines() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "central-deadline");
            t.setDaemon(true);
            return t;
        });
        e.setRemoveOnCancelPolicy(true);
        return e;
    }

    private final long cap;
    private final long deadlineNanos;
    private final boolean declaredTooLong;
    private final CompletableFuture<Read> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;
    private volatile ScheduledFuture<?> timer;
    private long count;

    private BoundedBody(long cap, long deadlineNanos, boolean declaredTooLong) {
        this.cap = cap;
        this.deadlineNanos = deadlineNanos;
        this.declaredTooLong = declaredTooLong;
    }

    /**
     * @param cap           the most bytes read
     * @param deadlineNanos the {@link System#nanoTime()} by which the whole body must have arrived
     */
    static HttpResponse.BodyHandler<Read> handler(long cap, long deadlineNanos) {
        return info -> {
            long declared;
            try {
                declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            } catch (NumberFormatException e) {
                declared = Long.MAX_VALUE;
            }
            return new BoundedBody(cap, deadlineNanos, declared > cap);
        };
    }

    @Override
    public CompletionStage<Read> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declaredTooLong) {
            end(Problem.TOO_LONG);
            return;
        }
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            end(Problem.TIMEOUT);
            return;
        }
        timer = DEADLINES.schedule(() -> end(Problem.TIMEOUT), left, TimeUnit.NANOSECONDS);
        if (result.isDone()) {
            timer.cancel(false);
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            count += b.remaining();
            if (count > cap) {
                end(Problem.TOO_LONG);
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
        if (!result.isDone()) {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable t) {
        end(Problem.CUT_SHORT);
    }

    @Override
    public void onComplete() {
        if (result.complete(new Read(bytes.toByteArray(), null))) {
            stopTimer();
        }
    }

    /** Ends the read for {@code why}, once: the rest of the body is not wanted. */
    private void end(Problem why) {
        if (result.complete(new Read(new byte[0], why))) {
            stopTimer();
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }

    private void stopTimer() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
    }
}
