package jp.kenpo.kiosk.core.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jp.kenpo.kiosk.core.account.SlowHash;
import jp.kenpo.kiosk.core.config.StaffMember;
import jp.kenpo.kiosk.core.port.AuditLog;
import jp.kenpo.kiosk.core.port.SettingsRepository;

/**
 * The staff PIN check with its lockout: after {@code maxAttempts} wrong PINs the pad stays locked
 * for {@code lockout}, whatever is typed; each further {@code maxAttempts} wrong PINs lock it
 * {@value #ESCALATION} times longer (5 → 5 min, 10 → 30 min, 15 → 3 h with the defaults), at most
 * a day. The count and the lock are kept in the kiosk's database, so restarting the kiosk does not
 * give a guesser new tries; only the right PIN resets them. Every wrong PIN and every lock is
 * written to the audit log (never the PIN). A PIN shorter than {@code minDigits} never unlocks
 * (6 on a production kiosk: a 4-digit PIN is one of 10 000, guessed within the escalating locks in
 * a few weeks; the demo's PIN has 4). Verification is slow on purpose: call it off the JavaFX thread.
 */
public final class StaffGate {

    public enum Outcome { UNLOCKED, WRONG, LOCKED }

    /**
     * @param attemptsLeft wrong PINs still allowed; @param lockedFor time until the pad opens again;
     * @param staff        who unlocked (the member whose PIN it was), {@code null} unless unlocked
     */
    public record Result(Outcome outcome, int attemptsLeft, Duration lockedFor, StaffMember staff) {

        public Result(Outcome outcome, int attemptsLeft, Duration lockedFor) {
            this(outcome, attemptsLeft, lockedFor, null);
        }

        /** The id the audit log records for what this member of staff does next. */
        public String staffId() {
            return staff == null ? null : staff.id();
        }
    }

    /** Each further round of wrong PINs locks the pad this many times longer. */
    static final int ESCALATION = 6;
    static final Duration LONGEST = Duration.ofDays(1);
    /** Settings kept in the kiosk's database: wrong PINs in a row, and until when the pad is locked. */
    static final String FAILURES = "staff-pin-failures";
    static final String LOCKED_UNTIL = "staff-pin-locked-until";

    private final List<StaffMember> members;
    private final int maxAttempts;
    private final Duration lockout;
    private final Clock clock;
    private final SettingsRepository settings;
    private final AuditLog audit;
    private final int minDigits;

    /** A gate with one shared PIN, recorded as staff {@value StaffMember#SHARED_ID}. */
    public StaffGate(String pinHash, int maxAttempts, Duration lockout, int minDigits, Clock clock,
                     SettingsRepository settings, AuditLog audit) {
        this(List.of(new StaffMember(StaffMember.SHARED_ID, null, pinHash)), maxAttempts, lockout, minDigits, clock,
                settings, audit);
    }

    /**
     * A gate for the staff {@code members}, each with their own PIN. The count of wrong PINs and the
     * lock are the kiosk's, not a member's: a guesser gains nothing from there being several PINs
     * but the chance to hit any one of them.
     */
    public StaffGate(List<StaffMember> members, int maxAttempts, Duration lockout, int minDigits, Clock clock,
                     SettingsRepository settings, AuditLog audit) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("no staff member can unlock");
        }
        this.minDigits = minDigits;
        this.members = List.copyOf(members);
        this.maxAttempts = maxAttempts;
        this.lockout = lockout;
        this.clock = clock;
        this.settings = settings;
        this.audit = audit;
    }

    public synchronized Result attempt(char[] pin) {
        Instant now = clock.instant();
        Instant lockedUntil = settings.get(LOCKED_UNTIL).map(Instant::parse).orElse(null);
        if (lockedUntil != null && now.isBefore(lockedUntil)) {
            return new Result(Outcome.LOCKED, 0, Duration.between(now, lockedUntil));
        }
        int failures = settings.get(FAILURES).map(Integer::parseInt).orElse(0);
        StaffMember who = pin.length >= minDigits ? whose(pin) : null;
        if (who != null) {
            if (failures > 0) {
                settings.put(FAILURES, "0");
            }
            return new Result(Outcome.UNLOCKED, maxAttempts, Duration.ZERO, who);
        }
        failures++;
        settings.put(FAILURES, Integer.toString(failures));
        audit.record("staff", "pin-wrong", Integer.toString(failures)); // wrong PINs in a row
        if (failures % maxAttempts == 0) {
            Duration lock = lockFor(failures / maxAttempts);
            settings.put(LOCKED_UNTIL, now.plus(lock).toString());
            audit.record("staff", "pin-lockout", lock.toSeconds() + " s");
            return new Result(Outcome.LOCKED, 0, lock);
        }
        return new Result(Outcome.WRONG, maxAttempts - failures % maxAttempts, Duration.ZERO);
    }

    /** The member whose PIN this is; every hash is checked, so the time taken does not tell which. */
    private StaffMember whose(char[] pin) {
        StaffMember found = null;
        for (StaffMember m : members) {
            if (SlowHash.verify(pin, m.pinHash()) && found == null) {
                found = m;
            }
        }
        return found;
    }

    /** The lock after the {@code round}-th round of wrong PINs (1, 2, …). */
    private Duration lockFor(int round) {
        Duration lock = lockout;
        for (int i = 1; i < round && lock.compareTo(LONGEST) < 0; i++) {
            lock = lock.multipliedBy(ESCALATION);
        }
        return lock.compareTo(LONGEST) > 0 ? LONGEST : lock;
    }
}
