package jp.kenpo.kiosk.sync;

import java.time.Duration;

import jp.kenpo.kiosk.core.port.RandomSource;

/**
 * How long a registration waits before its next try. Pure: the randomness is passed in.
 *
 * @param firstRetry        the wait after the first passing failure; doubled after each further one
 * @param maxRetry          the cap of that wait
 * @param unauthorizedRetry the least wait after the device credential was refused
 */
record Backoff(Duration firstRetry, Duration maxRetry, Duration unauthorizedRetry) {

    static Backoff of(SyncWorker.Policy policy) {
        return new Backoff(policy.firstRetry(), policy.maxRetry(), policy.unauthorizedRetry());
    }

    /**
     * The wait before try {@code attempts + 2}: {@code firstRetry × 2^attempts}, capped, with "equal
     * jitter" (half fixed, half random) so that forty kiosks coming back online do not call at once;
     * never shorter than the server's {@code Retry-After} (null: none).
     */
    Duration afterFailure(int attempts, Duration retryAfter, RandomSource random) {
        long cap = maxRetry.toMillis();
        long exp = firstRetry.toMillis() << Math.min(attempts, 30);
        long base = exp <= 0 || exp > cap ? cap : exp;
        long half = base / 2;
        long wait = half + (half > 0 ? random.nextInt((int) Math.min(Integer.MAX_VALUE, half + 1)) : 0);
        return longer(Duration.ofMillis(wait), retryAfter);
    }

    /** The wait after the device credential was refused: {@code unauthorizedRetry}, or a longer {@code Retry-After}. */
    Duration afterCredentialRefused(Duration retryAfter) {
        return longer(unauthorizedRetry, retryAfter);
    }

    private static Duration longer(Duration wait, Duration retryAfter) {
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }
}
