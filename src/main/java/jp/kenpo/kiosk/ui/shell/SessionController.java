package jp.kenpo.kiosk.ui.shell;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.flow.Flow;
import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.core.port.KioskCounts;
import jp.kenpo.kiosk.core.port.RandomSource;
import jp.kenpo.kiosk.core.session.IdleMonitor;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.core.session.SessionId;

/**
 * The member session and the staff mode, without a screen: the start, the step the member is at,
 * the idle policy on the kiosk's clock, and the wipe. The {@link Shell} shows what this decides;
 * this class knows nothing of JavaFX and is tested on its own.
 *
 * <p>A little over 300 lines on purpose: the member session and staff mode are one state (staff over
 * the session, the call, the idle time that waits for staff), and split they would share every field.
 */
public final class SessionController {

    private static final Logger LOG = LoggerFactory.getLogger(SessionController.class);

    /** What the idle policy asks of the shell at a tick. */
    public enum Idle {
        /** Nothing to do: no session, or the member is active (an open idle question closes). */
        ACTIVE,
        /** Ask 「操作を続けますか?」 with {@link SessionController#secondsLeft()} seconds left. */
        COUNTDOWN,
        /** The member did not answer: the session ends. */
        EXPIRED
    }

    private final KioskConfig config;
    private final Flow flow;
    private final Clock clock;
    private final RandomSource random;
    private final KioskCounts counts;
    /** When the member reached the step shown; null outside a session. */
    private java.time.Instant stepSince;

    private KioskSession session;
    private IdleMonitor idle;
    /** While the staff screen or the PIN pad is shown: it locks itself when left untouched. */
    private IdleMonitor staffIdle;
    private Step step = Step.WELCOME;
    private boolean staffMode;
    private long secondsLeft;
    /** After 「係員を呼ぶ」: until when the member's idle timeout waits for staff. */
    private java.time.Instant callWaitUntil;
    /** While staff's PIN pad or panel is open over the member's session. */
    private boolean staffOverSession;

    public SessionController(KioskConfig config, Flow flow, Clock clock, RandomSource random) {
        this(config, flow, clock, random, KioskCounts.NONE);
    }

    /** @param counts where the session's counts for the union go (no personal data); must not block */
    public SessionController(KioskConfig config, Flow flow, Clock clock, RandomSource random, KioskCounts counts) {
        this.counts = counts;
        this.config = config;
        this.flow = flow;
        this.clock = clock;
        this.random = random;
    }

    /** The session in progress, if any. */
    public Optional<KioskSession> session() {
        return Optional.ofNullable(session);
    }

    public boolean inSession() {
        return session != null;
    }

    public boolean staffMode() {
        return staffMode;
    }

    /** The step shown: {@link Step#WELCOME} outside a session. */
    public Step step() {
        return step;
    }

    /** Starts a member session; returns its first step, which the shell then shows with {@link #go}. */
    public Step start() {
        open();
        counts.record(KioskCounts.Kind.STARTED, null, null);
        LOG.info("session started");
        return flow.next(Step.WELCOME, session.facts()).orElseThrow();
    }

    /**
     * Starts a session with what {@code restore} puts into it, to continue at a later step: a member
     * resuming (QR) continues where they stopped. The shell then shows {@code at} with {@link #go}.
     */
    public void resume(Step at, Consumer<KioskSession> restore) {
        open();
        counts.record(KioskCounts.Kind.STARTED, null, null);
        restore.accept(session);
        LOG.info("session resumed at {}", at);
    }

    private void open() {
        SessionId id = SessionId.random(random);
        session = new KioskSession(id, clock.instant());
        idle = new IdleMonitor(clock, config.timeouts().idle(), config.timeouts().countdown());
        step = Step.WELCOME;
        MDC.put("session", id.value());
    }

    /**
     * The step after this one for what the session holds; empty when the journey is over.
     *
     * @throws IllegalStateException when the flow has no way on (the shell shows the error screen)
     */
    public Optional<Step> next() {
        return flow.next(step, session.facts());
    }

    /** The step before this one, when going back is meaningful. */
    public Optional<Step> previous() {
        return session == null ? Optional.empty() : flow.previous(step, session.facts());
    }

    /** The member is at {@code to} now. Leaving the welcome screen counts as a touch. */
    public void go(Step to) {
        LOG.info("step {} -> {}", step, to);
        Step from = step;
        stepTime(from);
        step = to;
        stepSince = clock.instant();
        if (from == Step.WELCOME && idle != null) {
            idle.activity();
        }
    }

    /**
     * Ends the session — the wipe — or locks the staff mode; the kiosk is back at its welcome
     * screen. Returns whether a member session was wiped.
     */
    public boolean end(String reason) {
        boolean wiped = session != null;
        if (wiped) {
            counted(session);
            session.wipe();
            session = null;
            idle = null;
            LOG.info("session ended ({})", reason);
        }
        MDC.remove("session");
        staffMode = false;
        staffIdle = null;
        callWaitUntil = null;
        staffOverSession = false;
        step = Step.WELCOME;
        return wiped;
    }

    /** The seconds spent on {@code left}, the step just left, for the union's median per step. */
    private void stepTime(Step left) {
        if (session != null && left != Step.WELCOME && stepSince != null) {
            double seconds = Duration.between(stepSince, clock.instant()).toMillis() / 1000.0;
            counts.record(KioskCounts.Kind.STEP_TIME, left.name(), Math.max(0, seconds));
        }
    }

    /** How the session ended, counted before the wipe: finished (and how), or abandoned at its step. */
    private void counted(KioskSession s) {
        stepTime(step);
        stepSince = null;
        for (int i = 0; i < s.captureRetries(); i++) {
            counts.record(KioskCounts.Kind.CAPTURE_RETRY, null, null);
        }
        if (s.outcome() == null) {
            counts.record(KioskCounts.Kind.ABANDONED, step.name(), null);
        } else if (!Boolean.TRUE.equals(s.facts().medicalChosen())) {
            counts.record(KioskCounts.Kind.ACCOUNT_ONLY, null, null);
        } else if (s.outcome() == jp.kenpo.kiosk.core.session.RegistrationOutcome.COMPLETE) {
            counts.record(KioskCounts.Kind.COMPLETE, null, null);
        } else {
            counts.record(KioskCounts.Kind.PENDING, null, null);
        }
    }

    /** The staff PIN pad is shown: it locks itself when left untouched. */
    public void staffPinOpened() {
        staffIdle = new IdleMonitor(clock, config.staff().idle(), Duration.ZERO);
    }

    /** Staff mode unlocked; false when it already was (one staff screen, one audit entry). */
    public boolean unlockStaff() {
        if (staffMode) {
            return false;
        }
        staffMode = true;
        staffPinOpened();
        LOG.info("staff mode unlocked");
        return true;
    }

    /**
     * The member called staff: the idle timeout waits {@code staff.callWaitSeconds} for them to
     * come, and a session is never wiped under someone waiting as asked.
     */
    public void staffCalled() {
        callWaitUntil = clock.instant().plus(config.staff().callWait());
        counts.record(KioskCounts.Kind.HELP_CALL, step.name(), null);
        LOG.info("staff called; the idle timeout waits {} s", config.staff().callWaitSeconds());
    }

    /** Staff recorded that they checked the member in person (counted for the union, nothing personal). */
    public void inPersonChecked() {
        counts.record(KioskCounts.Kind.IN_PERSON_CHECK, step.name(), null);
    }

    /** The member went back to their screen without waiting for staff. */
    public void callCancelled() {
        callWaitUntil = null;
    }

    /** Staff's PIN pad opens over the member's session: it locks itself when left untouched. */
    public void staffOverSession() {
        staffOverSession = true;
        staffIdle = new IdleMonitor(clock, config.staff().idle(), Duration.ZERO);
    }

    /** Whether staff's PIN pad or panel is open over the member's session. */
    public boolean isStaffOverSession() {
        return staffOverSession;
    }

    /** Staff left the member's session (戻る, an action, or the panel locked itself): the member goes on. */
    public void staffLeftSession() {
        staffOverSession = false;
        staffIdle = null;
        callWaitUntil = null;
        if (idle != null) {
            idle.activity();
        }
    }

    /** Whether the member waits for staff: called and within the wait, or staff are at the kiosk. */
    public boolean waitingForStaff() {
        return staffOverSession || (callWaitUntil != null && clock.instant().isBefore(callWaitUntil));
    }

    /** A touch, a key, a scroll: the member (or staff) is there. */
    public void activity() {
        if (idle != null) {
            idle.activity();
        }
        if (staffIdle != null) {
            staffIdle.activity();
        }
    }

    /** Whether the staff screen or the PIN pad was left untouched long enough to lock itself. */
    public boolean staffIdleExpired() {
        if ((session == null || staffOverSession) && staffIdle != null
                && staffIdle.state().kind() == IdleMonitor.Kind.EXPIRED) {
            LOG.info("staff {} left untouched for {} s: locked",
                    staffOverSession ? "panel over the session" : staffMode ? "screen" : "PIN pad",
                    config.staff().idleSeconds());
            return true;
        }
        return false;
    }

    /**
     * Evaluates the member's idle policy. While {@code paused} (the member waits for the kiosk, or the
     * screen keeps its own time) the member counts as active.
     */
    public Idle idle(boolean paused) {
        if (idle == null) {
            return Idle.ACTIVE;
        }
        if (paused) {
            idle.activity();
            return Idle.ACTIVE;
        }
        IdleMonitor.State state = idle.state();
        secondsLeft = state.secondsLeft();
        return switch (state.kind()) {
            case ACTIVE -> Idle.ACTIVE;
            case COUNTDOWN -> Idle.COUNTDOWN;
            case EXPIRED -> Idle.EXPIRED;
        };
    }

    /** The seconds left to answer the idle question, as of the last {@link #idle} that said COUNTDOWN. */
    public long secondsLeft() {
        return secondsLeft;
    }
}
