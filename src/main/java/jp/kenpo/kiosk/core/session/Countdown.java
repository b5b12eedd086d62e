package jp.kenpo.kiosk.core.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A fixed time from now, counted down in whole seconds on an injected clock (the outcome screen's). */
public final class Countdown {

    private final Clock clock;
    private final Instant end;

    public Countdown(Clock clock, Duration length) {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("a countdown is positive");
        }
        this.clock = clock;
        this.end = clock.instant().plus(length);
    }

    /** Seconds left, rounded up: "1" until the very end, 0 once it is over. */
    public long secondsLeft() {
        long ms = Duration.between(clock.instant(), end).toMillis();
        return ms <= 0 ? 0 : (ms + 999) / 1000;
    }

    public boolean over() {
        return !clock.instant().isBefore(end);
    }
}
