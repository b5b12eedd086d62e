package jp.kenpo.kiosk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.flow.Flow;
import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.testing.MutableClock;
import jp.kenpo.kiosk.testing.SeededRandom;
import jp.kenpo.kiosk.testing.TestConfigs;
import jp.kenpo.kiosk.ui.shell.SessionController.Idle;

/** The member session without a screen: start, step changes, the idle policy on a clock moved by hand, the wipe. */
class SessionControllerTest {

    private static final Duration MS = Duration.ofMillis(1);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T01:00:00Z"));

    private SessionController controller(KioskConfig config) {
        return new SessionController(config, new Flow(), clock, new SeededRandom(7));
    }

    @Test
    void aSessionStartsAtTheFirstStepAndFollowsTheFlowBothWays() {
        SessionController c = controller(TestConfigs.demo(dir));
        assertThat(c.session()).isEmpty();
        assertThat(c.step()).isEqualTo(Step.WELCOME);

        Step first = c.start();
        assertThat(first).isEqualTo(Step.CONSENT);
        assertThat(c.session()).isPresent();
        assertThat(c.step()).as("still on the welcome screen until the shell shows the first step").isEqualTo(Step.WELCOME);
        c.go(first);
        assertThat(c.step()).isEqualTo(Step.CONSENT);
        assertThat(c.previous()).as("no way back from the first step").isEmpty();

        Step second = c.next().orElseThrow();
        assertThat(second).isNotEqualTo(Step.CONSENT);
        c.go(second);
        assertThat(c.step()).isEqualTo(second);
        assertThat(c.previous()).contains(Step.CONSENT);
    }

    @Test
    void untouchedTheSessionAsksThenCountsDownThenExpires() {
        KioskConfig config = TestConfigs.demo(dir);
        SessionController c = controller(config);
        c.go(c.start());
        Duration idle = config.timeouts().idle();
        Duration countdown = config.timeouts().countdown();

        clock.advance(idle.minus(MS));
        assertThat(c.idle(false)).isEqualTo(Idle.ACTIVE);
        clock.advance(MS);
        assertThat(c.idle(false)).isEqualTo(Idle.COUNTDOWN);
        assertThat(c.secondsLeft()).isEqualTo(countdown.toSeconds());

        c.activity();
        assertThat(c.idle(false)).as("a touch answers the question").isEqualTo(Idle.ACTIVE);

        clock.advance(idle.plus(countdown).minus(Duration.ofSeconds(1)));
        assertThat(c.idle(false)).isEqualTo(Idle.COUNTDOWN);
        assertThat(c.secondsLeft()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(c.idle(false)).isEqualTo(Idle.EXPIRED);
    }

    @Test
    void whileTheKioskWorksTheIdleTimeoutPauses() {
        KioskConfig config = TestConfigs.demo(dir);
        SessionController c = controller(config);
        c.go(c.start());

        clock.advance(config.timeouts().idle().plus(config.timeouts().countdown()));
        assertThat(c.idle(true)).as("busy: the member waits for the kiosk").isEqualTo(Idle.ACTIVE);
        clock.advance(config.timeouts().idle().minus(MS));
        assertThat(c.idle(false)).as("the wait counted as a touch").isEqualTo(Idle.ACTIVE);
    }

    @Test
    void leavingTheWelcomeScreenCountsAsATouch() {
        KioskConfig config = TestConfigs.demo(dir);
        SessionController c = controller(config);
        Step first = c.start();
        clock.advance(config.timeouts().idle().minus(MS));
        c.go(first);
        clock.advance(Duration.ofSeconds(1));
        assertThat(c.idle(false)).isEqualTo(Idle.ACTIVE);
    }

    @Test
    void endingWipesTheSessionAndReturnsToTheWelcomeScreen() {
        SessionController c = controller(TestConfigs.demo(dir));
        c.go(c.start());
        KioskSession session = c.session().orElseThrow();
        session.account("taro@example.jp", "Midori7!s".toCharArray(), null);

        assertThat(c.end("cancelled by member")).isTrue();
        assertThat(session.isWiped()).isTrue();
        assertThat(session.email()).isNull();
        assertThat(c.session()).isEmpty();
        assertThat(c.step()).isEqualTo(Step.WELCOME);
        assertThat(c.idle(false)).as("no session, no idle question").isEqualTo(Idle.ACTIVE);
        assertThat(c.end("again")).as("nothing left to wipe").isFalse();
    }

    @Test
    void theStaffModeLocksItselfWhenLeftUntouched() {
        KioskConfig config = TestConfigs.demo(dir);
        SessionController c = controller(config);
        assertThat(c.unlockStaff()).isTrue();
        assertThat(c.unlockStaff()).as("one unlock").isFalse();
        assertThat(c.staffMode()).isTrue();

        clock.advance(config.staff().idle().minus(MS));
        assertThat(c.staffIdleExpired()).isFalse();
        c.activity();
        clock.advance(config.staff().idle().minus(MS));
        assertThat(c.staffIdleExpired()).isFalse();
        clock.advance(MS);
        assertThat(c.staffIdleExpired()).isTrue();

        assertThat(c.end("staff idle")).as("no member session was wiped").isFalse();
        assertThat(c.staffMode()).isFalse();
        assertThat(c.staffIdleExpired()).isFalse();
    }

    @Test
    void aMemberWaitingForStaffIsNotTimedOutUntilTheCallWaitEnds() {
        KioskConfig config = TestConfigs.demo(dir);
        SessionController c = controller(config);
        c.go(c.start());
        c.staffCalled();
        clock.advance(config.timeouts().idle().plus(config.timeouts().countdown()).plusSeconds(1));
        assertThat(c.waitingForStaff()).isTrue();
        assertThat(c.idle(c.waitingForStaff())).isEqualTo(Idle.ACTIVE);
        clock.advance(config.staff().callWait().minus(config.timeouts().idle().plus(config.timeouts().countdown()).plusSeconds(1)).minusSeconds(2));
        assertThat(c.idle(c.waitingForStaff())).as("the shell's tick, while waiting").isEqualTo(Idle.ACTIVE);
        clock.advance(Duration.ofSeconds(2));
        assertThat(c.waitingForStaff()).as("after staff.callWaitSeconds").isFalse();
        assertThat(c.idle(c.waitingForStaff())).as("the idle time counts again from the last touch").isEqualTo(Idle.ACTIVE);
        clock.advance(config.timeouts().idle().plusSeconds(1));
        assertThat(c.idle(c.waitingForStaff())).isEqualTo(Idle.COUNTDOWN);
    }

    @Test
    void staffOverTheSessionLockAfterTheirIdleTimeAndTheSessionStays() {
        KioskConfig config = TestConfigs.demo(dir);
        SessionController c = controller(config);
        c.go(c.start());
        KioskSession session = c.session().orElseThrow();
        c.staffOverSession();
        assertThat(c.staffIdleExpired()).isFalse();
        clock.advance(config.staff().idle().plusSeconds(1));
        assertThat(c.staffIdleExpired()).isTrue();
        c.staffLeftSession();
        assertThat(c.isStaffOverSession()).isFalse();
        assertThat(c.session()).containsSame(session);
        assertThat(session.isWiped()).isFalse();
    }

    @Test
    void eachSessionIsCountedForTheUnionWithoutPersonalData() throws Exception {
        KioskConfig config = TestConfigs.demo(dir);
        jp.kenpo.kiosk.store.SqliteKioskCounts counts = new jp.kenpo.kiosk.store.SqliteKioskCounts(
                jp.kenpo.kiosk.store.Database.open(dir.resolve("data")), clock);
        SessionController c = new SessionController(config, new Flow(), clock, new SeededRandom(7), counts);
        Instant since = clock.instant();

        // One member stops on the second screen after 30 s + 12 s, having retaken a picture twice.
        Step first = c.start();
        c.go(first);
        clock.advance(Duration.ofSeconds(30));
        Step second = c.next().orElseThrow();
        c.go(second);
        c.session().orElseThrow().captureRetried();
        c.session().orElseThrow().captureRetried();
        clock.advance(Duration.ofSeconds(12));
        c.end("idle timeout");

        // Two finish: one complete with medical-access authentication, one with the account only.
        for (boolean medical : new boolean[] {true, false}) {
            c.go(c.start());
            clock.advance(Duration.ofSeconds(medical ? 20 : 40));
            KioskSession s = c.session().orElseThrow();
            s.medicalChosen(medical);
            s.submitted("K07-000" + (medical ? 1 : 2), jp.kenpo.kiosk.core.session.RegistrationOutcome.COMPLETE);
            c.end("finished");
        }

        jp.kenpo.kiosk.core.session.DayCounts d = counts.counts(since);
        assertThat(d.started()).isEqualTo(3);
        assertThat(d.complete()).isEqualTo(1);
        assertThat(d.accountOnly()).isEqualTo(1);
        assertThat(d.pending()).isZero();
        assertThat(d.abandonedByStep()).containsExactly(java.util.Map.entry(second.name(), 1));
        assertThat(d.captureRetries()).isEqualTo(2);
        // The first step: 30, 20 and 40 s → median 30; the second: 12 s.
        assertThat(d.medianSecondsByStep()).containsEntry(first.name(), 30.0).containsEntry(second.name(), 12.0);
        assertThat(counts.since(since)).allSatisfy(e -> assertThat(e.step() == null || e.step().matches("[A-Z_]+"))
                .as("only step names, nothing the member entered").isTrue());
    }
}
