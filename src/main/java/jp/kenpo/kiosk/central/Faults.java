package jp.kenpo.kiosk.central;

/**
 * Switches that make the reference server misbehave on purpose, for tests and demos of the kiosk's
 * retries. Randomness comes from the server's injected {@link java.util.Random}.
 *
 * @param failShare            share (0..1) of authenticated requests answered with {@code failStatus}
 *                             before anything is done
 * @param failStatus           500 or 503; a 503 carries {@code Retry-After: retryAfterSeconds}
 * @param retryAfterSeconds    the Retry-After of a 503 (seconds)
 * @param dropAfterCommitShare share (0..1) of registration requests whose connection is closed
 *                             without an answer after the registration (and its answer) was committed
 * @param delayMs              a fixed delay before every request is handled
 */
public record Faults(double failShare, int failStatus, int retryAfterSeconds, double dropAfterCommitShare,
                     long delayMs) {

    public static final Faults NONE = new Faults(0, 503, 1, 0, 0);

    public Faults {
        if (failShare < 0 || failShare > 1 || dropAfterCommitShare < 0 || dropAfterCommitShare > 1) {
            throw new IllegalArgumentException("a share is between 0 and 1");
        }
        if (failStatus != 500 && failStatus != 503) {
            throw new IllegalArgumentException("the fail status is 500 or 503");
        }
        if (retryAfterSeconds < 0 || delayMs < 0) {
            throw new IllegalArgumentException("Retry-After and the delay cannot be negative");
        }
    }

    public Faults withFail(double share, int status, int retryAfter) {
        return new Faults(share, status, retryAfter, dropAfterCommitShare, delayMs);
    }

    public Faults withDropAfterCommit(double share) {
        return new Faults(failShare, failStatus, retryAfterSeconds, share, delayMs);
    }

    public Faults withDelayMs(long ms) {
        return new Faults(failShare, failStatus, retryAfterSeconds, dropAfterCommitShare, ms);
    }
}
