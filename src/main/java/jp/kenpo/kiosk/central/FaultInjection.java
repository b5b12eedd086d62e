package jp.kenpo.kiosk.central;

import java.io.IOException;
import java.util.Random;

import com.sun.net.httpserver.HttpExchange;

/**
 * The fault switches ({@link Faults}) at work: a delay and a share of failures before a request is
 * handled, and a share of connections dropped after a registration was committed. Randomness from the
 * server's injected {@link Random}.
 */
final class FaultInjection {

    private final Random random;
    private volatile Faults faults;

    FaultInjection(Faults faults, Random random) {
        this.faults = faults;
        this.random = random;
    }

    Faults current() {
        return faults;
    }

    void set(Faults f) {
        this.faults = f;
    }

    /**
     * Before a request is handled: waits the delay, then perhaps fails it. Returns the failure's status,
     * or 0 when the request goes on.
     */
    int before(HttpExchange ex, Faults f) throws IOException, InterruptedException {
        if (f.delayMs() > 0) {
            Thread.sleep(f.delayMs());
        }
        if (f.failShare() > 0 && random.nextDouble() < f.failShare()) {
            if (f.failStatus() == 503) {
                ex.getResponseHeaders().set("Retry-After", Integer.toString(f.retryAfterSeconds()));
            }
            return Http.send(ex, f.failStatus(), Answers.UNAVAILABLE);
        }
        return 0;
    }

    /** Whether the answer to a committed registration is to be dropped. */
    boolean dropAfterCommit(Faults f) {
        return f.dropAfterCommitShare() > 0 && random.nextDouble() < f.dropAfterCommitShare();
    }
}
