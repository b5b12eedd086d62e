package jp.kenpo.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.kenpo.kiosk.testing.MutableClock;
import jp.kenpo.kiosk.testing.SeededRandom;

/** Exponential backoff with equal jitter and a cap; Retry-After wins when it is longer. */
class BackoffTest {

    private static SyncWorker worker(long seed) {
        return new SyncWorker(null, null, new MutableClock(Instant.EPOCH), new SeededRandom(seed),
                SyncWorker.Policy.standard(), null, "K07", () -> true);
    }

    @ParameterizedTest(name = "after {0} failed tries: {1}..{2} ms")
    @CsvSource({"0, 1000, 2000", "1, 2000, 4000", "3, 8000, 16000", "8, 256000, 512000", "9, 300000, 600000", "40, 300000, 600000"})
    void growsDoublingUpToTheCapWithJitter(int attempts, long min, long max) {
        Set<Long> seen = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            long ms = worker(seed).backoff(attempts, null).toMillis();
            assertThat(ms).isBetween(min, max);
            seen.add(ms);
        }
        assertThat(seen).as("jittered, not one fixed wait").hasSizeGreaterThan(50);
    }

    @ParameterizedTest
    @CsvSource({"0, 30, 30000", "0, 0, -1", "3, 1, -1", "9, 3600, 3600000"})
    void retryAfterIsHonouredWhenLonger(int attempts, long retryAfterSeconds, long expectedMs) {
        long ms = worker(5).backoff(attempts, Duration.ofSeconds(retryAfterSeconds)).toMillis();
        if (expectedMs >= 0) {
            assertThat(ms).isEqualTo(expectedMs);
        } else {
            assertThat(ms).isGreaterThan(retryAfterSeconds * 1000);
        }
    }
}
