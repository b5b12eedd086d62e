package jp.kenpo.kiosk.central;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference server's request threads: a fixed number, and a bounded queue of requests waiting for
 * one; beyond that a request is turned away (the JDK's server then closes its connection), with a
 * warning at most every ten seconds.
 */
final class RequestPool {

    private static final Logger LOG = LoggerFactory.getLogger(CentralServer.class);

    private RequestPool() {
    }

    static ExecutorService create(int threads, int queue) {
        AtomicInteger n = new AtomicInteger();
        AtomicLong warned = new AtomicLong(System.nanoTime() - TimeUnit.MINUTES.toNanos(1));
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "central-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, (task, executor) -> {
            // The JDK's server closes the connection of a request it cannot hand over.
            long now = System.nanoTime();
            long last = warned.get();
            if (now - last > TimeUnit.SECONDS.toNanos(10) && warned.compareAndSet(last, now)) {
                LOG.warn("all {} request threads busy and {} requests waiting: connections turned away", threads,
                        queue);
            }
            throw new RejectedExecutionException("the request queue is full");
        });
    }
}
