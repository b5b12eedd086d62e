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
import jp.kenpo.kiosk.ui.welcome.WelcomeScreen;
import jp.kenpo.kiosk.ui.welcome.WelcomeViewModel;
import jp.kenpo.kiosk.ui.step.Navigator;
import jp.kenpo.kiosk.ui.step.Screen;
import jp.kenpo.kiosk.ui.step.StepScreen;

/**
 * The screen host: one screen at a time under the header, the footer below, dialogs above. The
 * member session — its start, every step change, the idle timeout and the wipe — is decided by its
 * {@link SessionController}; the shell shows what it decides. Staff's side — the PIN pad, staff
 * mode and its pages, the call and the panel over the member's session — is its {@link StaffDesk}'s.
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

    private final ShellServices s;
    private final I18n i18n;
    private final Runnable exitAction;
    private final ScreenFactory screens;
    private final SessionController sessions;

    private final ScreenHost host;
    private final Dialogs dialogs;
    /** The staff side: PIN pad, staff mode, the call and the panel over the member's session. */
    private final StaffDesk desk;
    private final Timeline ticker;
    private final VoiceGuide voice;

    /** A shell that never speaks. */
    public Shell(ShellServices services, Runnable exitAction) {
        this(services, exitAction, jp.kenpo.kiosk.core.port.VoicePlayer.SILENT);
    }

    /** A shell that speaks each screen's guidance through {@code voice} ({@code voice.enabled}). */
    public Shell(ShellServices services, Runnable exitAction, jp.kenpo.kiosk.core.port.VoicePlayer voice) {
        this.s = services;
        this.i18n = services.i18n();
        this.exitAction = exitAction;
        this.screens = new ScreenFactory(services);
        this.sessions = new SessionController(s.config(), s.flow(), s.clock(), s.random(), StaffDesk.countsInBackground(s));
        Header header = new Header(i18n, this::chooseLanguage, this::toggleTextSize, this::toggleContrast, this::askCancel);
        this.host = new ScreenHost(header, new Footer(i18n, this::back, this::next, this::callStaff), s.config().display().largeText(),
                sessions::activity, this::staffCornerHeld);
        this.dialogs = new Dialogs(i18n, host.modal());
        this.desk = new StaffDesk(this, services, sessions, host, dialogs);
        this.voice = new VoiceGuide(voice, i18n, s.config().voice().enabled());
        if (this.voice.offered()) {
            header.voice(this.voice.onProperty());
        }
        host.onShown(this.voice::shown);
        host.modal().onChange(this.voice::dialog);
        // the stylesheet picks each script's font by the language's class (lang-ko: Noto Sans CJK KR)
        markLanguage(i18n.locale());
        i18n.localeProperty().addListener((obs, was, now) -> markLanguage(now));
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

    void advance() {
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

    void go(Step to) {
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
        String who = desk.lock();
        boolean staff = sessions.staffMode() || sessions.isStaffOverSession();
        if (sessions.end(reason)) {
            // A copy made with a physical keyboard must not outlive the session either.
            javafx.scene.input.Clipboard.getSystemClipboard().clear();
        }
        if (staff && who != null) {
            desk.audit(who, "staff-lock", null);
        }
        showWelcome();
    }

    private void showWelcome() {
        host.resetTextSize();
        voice.reset();
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

    // ---- staff (the desk does the work) -----------------------------------------------------

    @Override
    public void staffEntry() {
        desk.staffEntry();
    }

    @Override
    public void staffUnlocked() {
        desk.staffUnlocked();
    }

    @Override
    public void staffPage(String page) {
        desk.staffPage(page);
    }

    private void callStaff() {
        desk.callStaff();
    }

    private void staffCornerHeld(boolean held) {
        desk.cornerHeld(held);
    }

    @Override
    public void exitKiosk() {
        if (!sessions.staffMode()) {
            return;
        }
        LOG.info("kiosk exit requested by staff");
        desk.audit("staff", "kiosk-exit", null);
        stop();
        exitAction.run();
    }

    // ---- screen hosting ---------------------------------------------------------------------

    /** Shows a screen outside the member's journey: the welcome, error and staff screens. */
    void show(Screen next, ScreenNavigator nav) {
        boolean welcome = sessions.step() == Step.WELCOME && !sessions.inSession() && !sessions.staffMode();
        host.show(next, nav, welcome && next instanceof WelcomeScreen);
    }

    // ---- idle and cancel --------------------------------------------------------------------

    /** Evaluates the idle policy; the ticker calls it four times a second, tests call it directly. */
    public void tick() {
        if (desk.tick()) {
            return;
        }
        if (host.screen() != null) {
            if (sessions.waitingForStaff()) {
                host.screen().hold(); // staff were called: the outcome stays for them
            }
            host.screen().tick(); // the outcome screen's countdown may end the session here
        }
        if (!sessions.inSession()) {
            return;
        }
        // Paused while the member waits for the kiosk, or while the screen keeps its own time.
        switch (sessions.idle(busy() || host.screen().endsByItself() || sessions.waitingForStaff())) {
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

    private void toggleContrast() {
        host.toggleContrast();
    }

    private void markLanguage(java.util.Locale l) {
        root().getStyleClass().removeIf(c -> c.startsWith("lang-"));
        root().getStyleClass().add("lang-" + I18n.tag(l));
    }

    /** Opens the language picker; the member's choice applies at once to the screen below. */
    private void chooseLanguage() {
        if (!busy()) {
            dialogs.chooseLanguage(l -> {
                if (!busy()) {
                    i18n.setLocale(l);
                }
            });
        }
    }
}