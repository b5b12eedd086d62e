package jp.kenpo.kiosk.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.core.account.SlowHash;
import jp.kenpo.kiosk.core.session.StaffGate.Outcome;
import jp.kenpo.kiosk.testing.MutableClock;
import jp.kenpo.kiosk.testing.SeededRandom;

class StaffGateTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T01:00:00Z"));
    private final StaffGate gate = new StaffGate(SlowHash.hash("2468".toCharArray(), new SeededRandom(1), 100), 3,
            Duration.ofMinutes(5), clock);

    @Test
    void rightPinUnlocks() {
        assertThat(gate.attempt("2468".toCharArray()).outcome()).isEqualTo(Outcome.UNLOCKED);
    }

    @Test
    void wrongPinsCountDownThenLock() {
        assertThat(gate.attempt("1111".toCharArray())).isEqualTo(new StaffGate.Result(Outcome.WRONG, 2, Duration.ZERO));
        assertThat(gate.attempt("1111".toCharArray()).attemptsLeft()).isEqualTo(1);
        assertThat(gate.attempt("1111".toCharArray()).outcome()).isEqualTo(Outcome.LOCKED);
        // Even the right PIN is refused while locked.
        clock.advance(Duration.ofMinutes(4));
        StaffGate.Result locked = gate.attempt("2468".toCharArray());
        assertThat(locked.outcome()).isEqualTo(Outcome.LOCKED);
        assertThat(locked.lockedFor()).isEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(gate.attempt("2468".toCharArray()).outcome()).isEqualTo(Outcome.UNLOCKED);
    }

    @Test
    void successResetsTheCount() {
        gate.attempt("1111".toCharArray());
        gate.attempt("1111".toCharArray());
        gate.attempt("2468".toCharArray());
        assertThat(gate.attempt("1111".toCharArray()).attemptsLeft()).isEqualTo(2);
    }
}
