package jp.kenpo.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.kenpo.kiosk.core.port.RandomSource;
import jp.kenpo.kiosk.testing.SeededRandom;

/** Exponential backoff with equal jitter and a cap; Retry-After wins when it is longer. */
class BackoffTest {

    private static final Backoff STANDARD = Backoff.of(SyncWorker.Policy.standard());

    /** Randomness that always draws the lowest value, or always the highest. */
    private static RandomSource always(boolean highest) {
        return new RandomSource() {
            @Override
            public void nextBytes(byte[] into) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int nextInt(int bound) {
                return highest ? bound - 1 : 0;
            }
        };
    }

    @ParameterizedTest(name = "after {0} failed tries, Retry-After {1} s: {2}..{3} ms")
    @CsvSource(nullValues = "-", value = {
            // attempts, Retry-After (s), shortest, longest: 2 s doubled per try, half of it jitter, capped at 10 min
            "0,  -,    1000,    2000",
            "1,  -,    2000,    4000",
            "3,  -,    8000,   16000",
            "8,  -,  256000,  512000",
            "9,  -,  300000,  600000",
            "40, -,  300000,  600000",
            "0,  30,  30000,   30000",
            "0,  0,    1000,    2000",
            "3,  1,    8000,   16000",
            "9,  3600, 3600000, 3600000",
    })
    void theWaitAfterAPassingFailure(int attempts, Long retryAfterSeconds, long shortest, long longest) {
        Duration retryAfter = retryAfterSeconds == null ? null : Duration.ofSeconds(retryAfterSeconds);
        assertThat(STANDARD.afterFailure(attempts, retryAfter, always(false)).toMillis()).isEqualTo(shortest);
        assertThat(STANDARD.afterFailure(attempts, retryAfter, always(true)).toMillis()).isEqualTo(longest);
    }

    @ParameterizedTest(name = "after {0} failed tries: spread over {1}..{2} ms")
    @CsvSource({"0, 1000, 2000", "3, 8000, 16000", "40, 300000, 600000"})
    void jitteredNotOneFixedWait(int attempts, long min, long max) {
        Set<Long> seen = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            long ms = STANDARD.afterFailure(attempts, null, new SeededRandom(seed)).toMillis();
            assertThat(ms).isBetween(min, max);
            seen.add(ms);
        }
        assertThat(seen).hasSizeGreaterThan(50);
    }

    @ParameterizedTest(name = "credential refused, Retry-After {0} s: {1} s")
    @CsvSource(nullValues = "-", value = {"-, 900", "60, 900", "900, 900", "7200, 7200"})
    void theWaitAfterTheCredentialWasRefused(Long retryAfterSeconds, long seconds) {
        Duration retryAfter = retryAfterSeconds == null ? null : Duration.ofSeconds(retryAfterSeconds);
        assertThat(STANDARD.afterCredentialRefused(retryAfter)).isEqualTo(Duration.ofSeconds(seconds));
    }
}
