package jp.kenpo.kiosk.core.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jp.kenpo.kiosk.core.port.RandomSource;

/**
 * ワンタイムパスワード: a 6-digit code mailed to the member. Only a keyed hash of the current
 * code is kept; a new code invalidates the earlier ones; it is valid for {@link #VALIDITY}; a
 * new one may be asked for after {@link #RESEND_COOLDOWN}; after {@link #MAX_WRONG} wrong
 * entries the code is spent and a new one is needed.
 */
public final class OneTimeCode {

    public static final Duration VALIDITY = Duration.ofMinutes(10);
    public static final Duration RESEND_COOLDOWN = Duration.ofSeconds(60);
    public static final int MAX_WRONG = 5;
    public static final int DIGITS = 6;

    public enum Outcome { ACCEPTED, WRONG, EXPIRED, LOCKED, NO_CODE }

    /** @param attemptsLeft wrong entries still allowed after this one */
    public record Check(Outcome outcome, int attemptsLeft) {
    }

    private final Clock clock;
    private final RandomSource random;
    private byte[] key;
    private byte[] hash;
    private Instant issuedAt;
    private int wrong;
    private boolean used;

    public OneTimeCode(Clock clock, RandomSource random) {
        this.clock = clock;
        this.random = random;
    }

    /**
     * Makes a new code, forgetting any earlier one, and returns it for the mail. The caller keeps
     * it no longer than it takes to send it.
     */
    public synchronized String issue() {
        StringBuilder code = new StringBuilder(DIGITS);
        for (int i = 0; i < DIGITS; i++) {
            code.append((char) ('0' + random.nextInt(10)));
        }
        key = new byte[32];
        random.nextBytes(key);
        hash = mac(key, code.toString());
        issuedAt = clock.instant();
        wrong = 0;
        used = false;
        return code.toString();
    }

    /** Forgets the code (the session ended, or sending it failed). */
    public synchronized void forget() {
        if (key != null) {
            Arrays.fill(key, (byte) 0);
        }
        key = null;
        hash = null;
        issuedAt = null;
    }

    public synchronized Check verify(String input) {
        if (hash == null) {
            return new Check(Outcome.NO_CODE, 0);
        }
        if (used || wrong >= MAX_WRONG) {
            return new Check(Outcome.LOCKED, 0);
        }
        if (!clock.instant().isBefore(issuedAt.plus(VALIDITY))) {
            return new Check(Outcome.EXPIRED, 0);
        }
        String typed = input == null ? "" : input.strip();
        if (MessageDigest.isEqual(mac(key, typed), hash)) {
            used = true;
            return new Check(Outcome.ACCEPTED, MAX_WRONG - wrong);
        }
        wrong++;
        return wrong >= MAX_WRONG ? new Check(Outcome.LOCKED, 0) : new Check(Outcome.WRONG, MAX_WRONG - wrong);
    }

    /** Time until the code expires; zero when expired or when there is none. */
    public synchronized Duration timeLeft() {
        if (issuedAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), issuedAt.plus(VALIDITY));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Time until a new code may be asked for; zero when it may be now. */
    public synchronized Duration resendWait() {
        if (issuedAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), issuedAt.plus(RESEND_COOLDOWN));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static byte[] mac(byte[] key, String code) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m.doFinal(code.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }
}
