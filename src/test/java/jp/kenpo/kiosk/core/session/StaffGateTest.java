package jp.kenpo.kiosk.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.core.account.SlowHash;
import jp.kenpo.kiosk.core.port.AuditLog;
import jp.kenpo.kiosk.core.session.StaffGate.Outcome;
import jp.kenpo.kiosk.store.InMemoryRepositories;
import jp.kenpo.kiosk.testing.MutableClock;
import jp.kenpo.kiosk.testing.SeededRandom;

class StaffGateTest {

    private static final String HASH = SlowHash.hash("2468".toCharArray(), new SeededRandom(1), 100);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T01:00:00Z"));
    private final InMemoryRepositories.Settings settings = new InMemoryRepositories.Settings();
    private final InMemoryRepositories.Audit audit = new InMemoryRepositories.Audit(clock);
    private final StaffGate gate = gate();

    /** A gate as a restarted kiosk makes it: on the same database. */
    private StaffGate gate() {
        return new StaffGate(HASH, 3, Duration.ofMinutes(5), 4, clock, settings, audit);
    }

    private Outcome wrong() {
        return gate.attempt("1111".toCharArray()).outcome();
    }

    @Test
    void eachMemberOfStaffUnlocksWithTheirOwnPinAndIsNamed() {
        String other = SlowHash.hash("135790".toCharArray(), new SeededRandom(3), 100);
        StaffGate members = new StaffGate(java.util.List.of(
                new jp.kenpo.kiosk.core.config.StaffMember("tanaka", "田中", HASH),
                new jp.kenpo.kiosk.core.config.StaffMember("suzuki", "鈴木", other)), 3, Duration.ofMinutes(5), 4,
                clock, settings, audit);
        assertThat(members.attempt("2468".toCharArray()).staffId()).isEqualTo("tanaka");
        assertThat(members.attempt("135790".toCharArray()).staffId()).isEqualTo("suzuki");
        StaffGate.Result wrong = members.attempt("1111".toCharArray());
        assertThat(wrong.outcome()).isEqualTo(Outcome.WRONG);
        assertThat(wrong.staffId()).isNull();
        // The older single PIN is one member, "staff".
        assertThat(gate.attempt("2468".toCharArray()).staffId()).isEqualTo("staff");
    }

    @Test
    void rightPinUnlocks() {
        assertThat(gate.attempt("2468".toCharArray()).outcome()).isEqualTo(Outcome.UNLOCKED);
        assertThat(audit.recent(10)).isEmpty();
    }

    @Test
    void wrongPinsCountDownThenLock() {
        assertThat(gate.attempt("1111".toCharArray())).isEqualTo(new StaffGate.Result(Outcome.WRONG, 2, Duration.ZERO));
        assertThat(gate.attempt("1111".toCharArray()).attemptsLeft()).isEqualTo(1);
        assertThat(wrong()).isEqualTo(Outcome.LOCKED);
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
        wrong();
        wrong();
        gate.attempt("2468".toCharArray());
        assertThat(gate.attempt("1111".toCharArray()).attemptsLeft()).isEqualTo(2);
    }

    @Test
    void aProductionKioskNeverOpensForAPinShorterThanSixDigits() {
        StaffGate production = new StaffGate(HASH, 3, Duration.ofMinutes(5), 6, clock, settings, audit);
        assertThat(production.attempt("2468".toCharArray())).isEqualTo(new StaffGate.Result(Outcome.WRONG, 2, Duration.ZERO));
        String sixDigits = SlowHash.hash("246813".toCharArray(), new SeededRandom(3), 100);
        StaffGate six = new StaffGate(sixDigits, 3, Duration.ofMinutes(5), 6, clock, settings, audit);
        assertThat(six.attempt("246813".toCharArray()).outcome()).isEqualTo(Outcome.UNLOCKED);
    }

    @Test
    void eachRoundOfWrongPinsLocksSixTimesLonger() {
        for (int i = 0; i < 3; i++) {
            wrong();
        }
        clock.advance(Duration.ofMinutes(5));
        wrong();
        wrong();
        StaffGate.Result second = gate.attempt("1111".toCharArray());
        assertThat(second.outcome()).isEqualTo(Outcome.LOCKED);
        assertThat(second.lockedFor()).isEqualTo(Duration.ofMinutes(30));
        clock.advance(Duration.ofMinutes(30));
        wrong();
        wrong();
        assertThat(gate.attempt("1111".toCharArray()).lockedFor()).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void aRestartedKioskKeepsTheCountAndTheLock() {
        wrong();
        wrong();
        assertThat(gate().attempt("1111".toCharArray()).outcome()).as("third wrong PIN, after a restart")
                .isEqualTo(Outcome.LOCKED);
        clock.advance(Duration.ofMinutes(2));
        assertThat(gate().attempt("2468".toCharArray()).lockedFor()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void everyWrongPinAndEveryLockIsAuditedWithoutThePin() {
        for (int i = 0; i < 3; i++) {
            wrong();
        }
        assertThat(audit.recent(10)).extracting(AuditLog.Entry::action)
                .containsExactly("pin-lockout", "pin-wrong", "pin-wrong", "pin-wrong");
        assertThat(audit.recent(10)).extracting(AuditLog.Entry::detail).containsExactly("300 s", "3", "2", "1");
    }
}
