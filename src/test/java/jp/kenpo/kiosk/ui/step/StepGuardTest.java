package jp.kenpo.kiosk.ui.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.core.session.SessionId;

/** The one guard of work in the background: a step left or a session wiped takes no answer. */
class StepGuardTest {

    private final KioskSession session = new KioskSession(new SessionId("test"), Instant.parse("2026-11-22T01:00:00Z"));
    private final StepGuard guard = new StepGuard(session);
    /** The JavaFX thread, stood in for by a queue the test runs by hand. */
    private final List<Runnable> fx = new ArrayList<>();
    private final Executor fxExecutor = fx::add;
    private final List<String> seen = new ArrayList<>();

    private void answer(String result) {
        guard.<String>deliver(fxExecutor, () -> seen.add("busy off"), (r, e) -> seen.add("got " + r))
                .accept(result, null);
        fx.forEach(Runnable::run);
        fx.clear();
    }

    @Test
    void aLiveStepTakesTheAnswerOnTheFxThread() {
        assertThat(guard.live()).isTrue();
        guard.<String>deliver(fxExecutor, () -> seen.add("busy off"), (r, e) -> seen.add("got " + r))
                .accept("hash", null);
        assertThat(seen).as("nothing before the JavaFX thread runs it").isEmpty();
        fx.forEach(Runnable::run);
        assertThat(seen).containsExactly("busy off", "got hash");
    }

    @Test
    void aClosedStepTakesNoAnswerButLeavesBusy() {
        guard.close();
        assertThat(guard.live()).isFalse();
        answer("hash");
        assertThat(seen).containsExactly("busy off");
    }

    @Test
    void aWipedSessionTakesNoAnswer() {
        session.wipe();
        assertThat(guard.live()).isFalse();
        answer("receipt");
        assertThat(seen).containsExactly("busy off");
    }

    @Test
    void theStepIsJudgedWhenTheAnswerArrivesNotWhenTheWorkStarted() {
        var completion = guard.<String>deliver(fxExecutor, () -> seen.add("busy off"), (r, e) -> seen.add("got " + r));
        completion.accept("late", null);
        guard.close(); // 戻る pressed while the answer waits for the JavaFX thread
        fx.forEach(Runnable::run);
        assertThat(seen).containsExactly("busy off");
    }
}
