package jp.kenpo.kiosk.ui.shell;

import java.util.Optional;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.ErrorScreen;
import jp.kenpo.kiosk.ui.staff.StaffPinScreen;
import jp.kenpo.kiosk.ui.staff.StaffPinViewModel;
import jp.kenpo.kiosk.ui.staff.StaffScreen;
import jp.kenpo.kiosk.ui.staff.StaffViewModel;
import jp.kenpo.kiosk.ui.welcome.WelcomeScreen;
import jp.kenpo.kiosk.ui.welcome.WelcomeViewModel;
import jp.kenpo.kiosk.ui.step.Navigator;
import jp.kenpo.kiosk.ui.step.Screen;
import jp.kenpo.kiosk.ui.step.StepScreen;

/**
 * The screen host: one screen at a time under the header, the footer below, dialogs above. The
 * member session — its start, every step change, the idle timeout and the wipe — is decided by its
 * {@link SessionController}; the shell shows what it decides.
 *
 * <p>Each screen gets a navigator of its own that works only while that screen is shown: an answer
 * from the background that arrives after the member left the screen moves nothing. While a screen
 * is busy (a hash, the sealing of the registration) 戻る, 中止 and the language are disabled and
 * the idle timeout pauses, so the session cannot change or end under the work.
 *
 * <p>All methods run on the JavaFX thread.
 */
public final class Shell implements Navigator {

    private static final Logger LOG = LoggerFactory.getLogger(Shell.class);
    static final Duration TICK = Duration.millis(250);
    /** How long the welcome screen's corner is held to open the staff PIN pad (on the kiosk's clock). */
    static final java.time.Duration STAFF_LONG_PRESS = java.time.Duration.ofSeconds(2);

    private final ShellServices s;
    private final I18n i18n;
    private final Runnable exitAction;
    private final ScreenFactory screens;
    private final SessionController sessions;

    private final ScreenHost host;
    private final Dialogs dialogs;
    /** When the staff corner was pressed and is still held; null otherwise. */
    private java.time.Instant staffPressedAt;
    private final Timeline ticker;

    public Shell(ShellServices services, Runnable exitAction) {
        this.s = services;
        this.i18n = services.i18n();
        this.exitAction = exitAction;
        this.screens = new ScreenFactory(services);
        this.sessions = new SessionController(s.config(), s.flow(), s.clock(), s.random());
        Header header = new Header(i18n, this::toggleLanguage, this::toggleTextSize, this::askCancel);
        // The staff corner's hold is measured on the kiosk's clock and looked at every tick.
        this.host = new ScreenHost(header, new Footer(i18n, this::back, this::next), s.config().display().largeText(),
                sessions::activity, held -> staffPressedAt = held ? s.clock().instant() : null);
        this.dialogs = new Dialogs(i18n, host.modal());
        ticker = new Timeline(new KeyFrame(TICK, e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        showWelcome();
    }

    public Region root() {
        return host.root();
    }

    /** Starts the idle ticker; {@link #stop()} ends it. */
    public void start() {
        ticker.play();
    }

    public void stop() {
        ticker.stop();
    }

    /** Whether a window close request may be honoured: only in staff mode. */
    public boolean allowsClose() {
        return sessions.staffMode();
    }

    public Step step() {
        return sessions.step();
    }

    /** The session in progress, if any; for tests that prove the wipe. */
    public Optional<KioskSession> session() {
        return sessions.session();
    }

    // ---- navigation -------------------------------------------------------------------------

    @Override
    public void startSession() {
        go(sessions.start());
    }

    @Override
    public void startResume() {
        if (s.resume() == null) {
            showError("error.resumeUnavailable");
            return;
        }
        resume(Step.RESUME_SCAN, KioskSession::resuming);
    }

    /** Starts a session at {@code at} with what {@code restore} puts into it: a member resuming (QR). */
    public void resume(Step at, java.util.function.Consumer<KioskSession> restore) {
        sessions.resume(at, restore);
        go(at);
    }

    /**
     * 次へ, or a step's own way on: the shown step's view model commits, and the member goes on when
     * it says so — if its screen is still the one shown then.
     */
    @Override
    public void next() {
        if (!sessions.inSession() || !(host.screen() instanceof StepScreen step)) {
            return;
        }
        ScreenNavigator at = host.navigator();
        step.viewModel().commit(() -> {
            if (at.live()) {
                advance();
            }
        });
    }

    private void advance() {
        Optional<Step> next;
        try {
            next = sessions.next();
        } catch (IllegalStateException e) {
            LOG.error("no next step after {}: {}", sessions.step(), e.getMessage());
            showError("error.unexpected");
            return;
        }
        if (next.isEmpty()) {
            home("finished");
        } else {
            go(next.get());
        }
    }

    @Override
    public void back() {
        if (!sessions.inSession() || busy()) {
            return;
        }
        sessions.previous().ifPresent(this::go);
    }

    /** Whether the shown screen waits for work in the background. */
    private boolean busy() {
        return host.busy();
    }

    private void go(Step to) {
        if (!to.inSession()) {
            showError("error.stepUnavailable"); // no step leads to the welcome screen
            return;
        }
        sessions.go(to);
        ScreenNavigator nav = new ScreenNavigator(this);
        KioskSession session = sessions.session().orElseThrow();
        StepScreen screen = screens.create(to, session, nav);
        host.showStep(screen, nav, s.flow().phases(session.facts()), to.phase(), sessions.previous().isPresent());
    }

    @Override
    public void home(String reason) {
        dialogs.close();
        boolean staff = sessions.staffMode();
        if (sessions.end(reason)) {
            // A copy made with a physical keyboard must not outlive the session either.
            javafx.scene.input.Clipboard.getSystemClipboard().clear();
        } else if (staff) {
            audit("staff", "staff-lock", null);
        }
        showWelcome();
    }

    private void showWelcome() {
        host.resetTextSize();
        if (!I18n.JAPANESE.equals(i18n.locale())) {
            i18n.setLocale(I18n.JAPANESE);
        }
        ScreenNavigator nav = new ScreenNavigator(this);
        show(new WelcomeScreen(new WelcomeViewModel(s.config()), i18n, nav), nav);
    }

    @Override
    public void showError(String messageKey) {
        LOG.info("error screen shown: {}", messageKey);
        ScreenNavigator nav = new ScreenNavigator(this);
        show(new ErrorScreen(i18n, messageKey, nav), nav);
    }

    // ---- staff mode -------------------------------------------------------------------------

    @Override
    public void staffEntry() {
        if (sessions.inSession() || sessions.staffMode()) {
            return;
        }
        LOG.info("staff PIN pad opened");
        sessions.staffPinOpened();
        StaffPinViewModel vm = new StaffPinViewModel(s.staffGate(), s.background(), s.fx());
        ScreenNavigator nav = new ScreenNavigator(this);
        show(new StaffPinScreen(vm, i18n, nav, s.config().display().mmToPx(15)), nav);
    }

    @Override
    public void staffUnlocked() {
        if (!sessions.unlockStaff()) {
            return; // already unlocked: one staff screen, one audit entry
        }
        audit("staff", "staff-unlock", null);
        ScreenNavigator nav = new ScreenNavigator(this);
        show(new StaffScreen(new StaffViewModel(s.config(), s.audit(), s.queue(), s.clock()), i18n, nav, s.background(),
                s.fx()), nav);
    }

    @Override
    public void exitKiosk() {
        if (!sessions.staffMode()) {
            return;
        }
        LOG.info("kiosk exit requested by staff");
        audit("staff", "kiosk-exit", null);
        stop();
        exitAction.run();
    }

    private void audit(String actor, String action, String detail) {
        s.background().execute(() -> {
            try {
                s.audit().record(actor, action, detail);
            } catch (RuntimeException e) {
                LOG.warn("audit entry {} not written: {}", action, e.getMessage());
            }
        });
    }

    // ---- screen hosting ---------------------------------------------------------------------

    /** Shows a screen outside the member's journey: the welcome, error and staff screens. */
    private void show(Screen next, ScreenNavigator nav) {
        boolean welcome = sessions.step() == Step.WELCOME && !sessions.inSession() && !sessions.staffMode();
        host.show(next, nav, welcome && next instanceof WelcomeScreen);
    }

    // ---- idle and cancel --------------------------------------------------------------------

    /** Evaluates the idle policy; the ticker calls it four times a second, tests call it directly. */
    public void tick() {
        if (staffPressedAt != null
                && !s.clock().instant().isBefore(staffPressedAt.plus(STAFF_LONG_PRESS))) {
            staffPressedAt = null;
            staffEntry();
            return;
        }
        if (sessions.staffIdleExpired()) {
            home("staff idle");
            return;
        }
        if (host.screen() != null) {
            host.screen().tick(); // the outcome screen's countdown may end the session here
        }
        if (!sessions.inSession()) {
            return;
        }
        // Paused while the member waits for the kiosk, or while the screen keeps its own time.
        switch (sessions.idle(busy() || host.screen().endsByItself())) {
            case ACTIVE -> dialogs.closeIdle();
            case COUNTDOWN -> dialogs.askIdle(sessions.secondsLeft(), sessions::activity);
            case EXPIRED -> home("idle timeout");
        }
    }

    private void askCancel() {
        if (!sessions.inSession() || busy()) {
            return;
        }
        dialogs.askCancel(this::busy, () -> home("cancelled by member"));
    }

    private void toggleTextSize() {
        host.toggleTextSize();
    }

    private void toggleLanguage() {
        if (!busy()) {
            i18n.toggle();
        }
    }
}
