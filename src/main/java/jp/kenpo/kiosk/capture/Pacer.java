package jp.kenpo.kiosk.capture;

import java.util.concurrent.locks.LockSupport;

/** Keeps a loop at a frame rate: waits out what is left of the frame's interval. */
final class Pacer {

    private final long intervalNanos;
    private long next;

    Pacer(int fps) {
        this.intervalNanos = 1_000_000_000L / fps;
    }

    void await() {
        long now = System.nanoTime();
        if (next == 0 || now - next > intervalNanos) {
            next = now;
        }
        while (next - System.nanoTime() > 0) {
            LockSupport.parkNanos(next - System.nanoTime());
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
        next += intervalNanos;
    }
}
