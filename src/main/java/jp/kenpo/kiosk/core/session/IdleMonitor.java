package jp.kenpo.kiosk.core.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The idle policy of a member session: after {@code timeout} without a touch the kiosk asks
 * 「操作を続けますか?」 for {@code countdown}; with no answer the session ends.
 */
public final class IdleMonitor {

    /** Where the session stands. {@code secondsLeft} counts down during {@link Kind#COUNTDOWN}. */
    public record State(Kind kind, long secondsLeft) {
    }

    public enum Kind { ACTIVE, COUNTDOWN, EXPIRED }

    private final Clock clock;
    private final Duration timeout;
    private final Duration countdown;
    private Instant lastActivity;

    public IdleMonitor(Clock clock, Duration timeout, Duration countdown) {
        if (timeout.isNegative() || timeout.isZero() || countdown.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive and countdown not negative");
        }
        this.clock = clock;
        this.timeout = timeout;
        this.countdown = countdown;
        this.lastActivity = clock.instant();
    }

    /** The member touched the screen (or pressed 続ける). */
    public void activity() {
        lastActivity = clock.instant();
    }

    public State state() {
        Duration idle = Duration.between(lastActivity, clock.instant());
        if (idle.compareTo(timeout) < 0) {
            return new State(Kind.ACTIVE, 0);
        }
        Duration intoCountdown = idle.minus(timeout);
        if (intoCountdown.compareTo(countdown) >= 0) {
            return new State(Kind.EXPIRED, 0);
        }
        Duration left = countdown.minus(intoCountdown);
        // Round up: "1" is shown until the very end, never "0" while the question is open.
        long seconds = (left.toMillis() + 999) / 1000;
        return new State(Kind.COUNTDOWN, seconds);
    }
}
