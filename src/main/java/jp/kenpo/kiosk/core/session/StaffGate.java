package jp.kenpo.kiosk.core.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jp.kenpo.kiosk.core.account.SlowHash;

/**
 * The staff PIN check with its lockout: after {@code maxAttempts} wrong PINs the pad stays locked
 * for {@code lockout}, whatever is typed. Verification is slow on purpose: call it off the JavaFX thread.
 */
public final class StaffGate {

    public enum Outcome { UNLOCKED, WRONG, LOCKED }

    /** @param attemptsLeft wrong PINs still allowed; @param lockedFor time until the pad opens again */
    public record Result(Outcome outcome, int attemptsLeft, Duration lockedFor) {
    }

    private final String pinHash;
    private final int maxAttempts;
    private final Duration lockout;
    private final Clock clock;
    private int failures;
    private Instant lockedUntil;

    public StaffGate(String pinHash, int maxAttempts, Duration lockout, Clock clock) {
        this.pinHash = pinHash;
        this.maxAttempts = maxAttempts;
        this.lockout = lockout;
        this.clock = clock;
    }

    public synchronized Result attempt(char[] pin) {
        Instant now = clock.instant();
        if (lockedUntil != null) {
            if (now.isBefore(lockedUntil)) {
                return new Result(Outcome.LOCKED, 0, Duration.between(now, lockedUntil));
            }
            lockedUntil = null;
            failures = 0;
        }
        if (SlowHash.verify(pin, pinHash)) {
            failures = 0;
            return new Result(Outcome.UNLOCKED, maxAttempts, Duration.ZERO);
        }
        failures++;
        if (failures >= maxAttempts) {
            lockedUntil = now.plus(lockout);
            return new Result(Outcome.LOCKED, 0, lockout);
        }
        return new Result(Outcome.WRONG, maxAttempts - failures, Duration.ZERO);
    }
}
