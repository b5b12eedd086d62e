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
import jp.kenpo.kiosk.ui.staff.CameraTestScreen;
import jp.kenpo.kiosk.ui.staff.CameraTestViewModel;
import jp.kenpo.kiosk.ui.staff.CountsScreen;
import jp.kenpo.kiosk.ui.staff.CountsViewModel;
import jp.kenpo.kiosk.ui.staff.RefusedScreen;
import jp.kenpo.kiosk.ui.staff.RefusedViewModel;
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
    /** The PIN pad shown now (on its own or over a session), to learn who unlocked. */
    private StaffPinViewModel pin;
    /** Who of the staff unlocked staff mode or the panel over the session: what the audit log records. */
    private String staffId;
    /** The navigator of staff's layer over the session; retired when the layer closes. */
    private ScreenNavigator overlayNav;
    private final Timeline ticker;

    public Shell(ShellServices services, Runnable exitAction) {
        this.s = services;
        this.i18n = services.i18n();
        this.exitAction = exitAction;
        this.screens = new ScreenFactory(services);
        this.sessions = new SessionController(s.config(), s.flow(), s.clock(), s.random(), countsInBackground(s));
        Header header = new Header(i18n, this::chooseLanguage, this::toggleTextSize, this::askCancel);
        // The staff corner's hold is measured on the kiosk's clock and looked at every tick.
        this.host = new ScreenHost(header, new Footer(i18n, this::back, this::next, this::callStaff), s.config().display().largeText(),
                sessions::activity, held -> staffPressedAt = held ? s.clock().instant() : null);
        this.dialogs = new Dialogs(i18n, host.modal());
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
        closeOverlay();
        boolean staff = sessions.staffMode() || sessions.isStaffOverSession();
        String who = staffId;
        if (sessions.end(reason)) {
            // A copy made with a physical keyboard must not outlive the session either.
            javafx.scene.input.Clipboard.getSystemClipboard().clear();
        }
        if (staff && who != null) {
            audit(who, "staff-lock", null);
        }
        staffId = null;
        pin = null;
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
        if (sessions.staffMode() || sessions.isStaffOverSession()) {
            return;
        }
        pin = new StaffPinViewModel(s.staffGate(), s.background(), s.fx());
        if (sessions.inSession()) {
            // Over the member's session: their screen stays below as it is, and 戻る returns to it.
            LOG.info("staff PIN pad opened over the session at {}", sessions.step());
            dialogs.close();
            sessions.staffOverSession();
            overlayNav = new ScreenNavigator(this);
            host.showOverlay(new StaffPinScreen(pin, i18n, overlayNav, s.config().display().mmToPx(15),
                    () -> leaveSession(null)));
            return;
        }
        LOG.info("staff PIN pad opened");
        sessions.staffPinOpened();
        ScreenNavigator nav = new ScreenNavigator(this);
        show(new StaffPinScreen(pin, i18n, nav, s.config().display().mmToPx(15)), nav);
    }

    @Override
    public void staffUnlocked() {
        jp.kenpo.kiosk.core.config.StaffMember who = pin == null ? null : pin.unlockedBy();
        if (who == null) {
            return;
        }
        if (sessions.isStaffOverSession()) {
            if (!(host.overlay() instanceof StaffPinScreen)) {
                return; // the panel is open already
            }
            staffId = who.id();
            audit(staffId, "staff-unlock-session", sessions.step().name());
            showPanel(who);
            return;
        }
        if (sessions.inSession() || !sessions.unlockStaff()) {
            return; // already unlocked: one staff screen, one audit entry
        }
        staffId = who.id();
        audit(staffId, "staff-unlock", null);
        ScreenNavigator nav = new ScreenNavigator(this);
        show(new StaffScreen(new StaffViewModel(s.config(), s.audit(), s.queue(), s.clock(), staffId), i18n, nav,
                s.background(), s.fx()), nav);
    }

    // ---- staff at the member's side --------------------------------------------------------

    /**
     * 「係員を呼ぶ」: the call screen over the member's screen, the sound and the site's command (in
     * the background: their failure is logged, never shown), and the idle timeout waits for staff.
     */
    void callStaff() {
        if (!sessions.inSession() || host.overlay() != null || busy()) {
            return;
        }
        Step at = sessions.step();
        sessions.staffCalled();
        dialogs.close();
        audit("kiosk", "staff-call", at.name());
        s.background().execute(() -> {
            try {
                s.staffAlert().call(at.name());
            } catch (RuntimeException e) {
                LOG.warn("the staff call did not go out: {}", e.toString());
            }
        });
        host.showOverlay(new jp.kenpo.kiosk.ui.staff.StaffCallScreen(i18n, this::staffEntry, () -> {
            sessions.callCancelled();
            LOG.info("the member went back without waiting for staff");
            closeOverlay();
        }));
    }

    /** The staff panel over the member's session, for {@code who}. */
    private void showPanel(jp.kenpo.kiosk.core.config.StaffMember who) {
        KioskSession session = sessions.session().orElseThrow();
        Step at = sessions.step();
        boolean livenessFailed = at == Step.FACE_ANGLE && host.screen() instanceof StepScreen st
                && st.viewModel().needsStaff() != null && st.viewModel().needsStaff().get()
                && !session.livenessPassed();
        var vm = new jp.kenpo.kiosk.ui.staff.StaffPanelViewModel(session, at, who, livenessFailed);
        host.showOverlay(new jp.kenpo.kiosk.ui.staff.StaffPanelScreen(vm, i18n, then -> afterPanel(then, at)));
    }

    /** Staff chose on the panel: the layer closes and the member goes where the choice leads. */
    private void afterPanel(jp.kenpo.kiosk.ui.staff.StaffPanelViewModel.After then, Step at) {
        if (!sessions.isStaffOverSession()) {
            return;
        }
        if (then.action() != null && then.action().startsWith("in-person-check")) {
            sessions.inPersonChecked();
        }
        leaveSession(then.action() == null ? null : then.action() + " " + at.name());
        switch (then.where()) {
            case ONWARD -> advance();
            case STEP -> go(then.step());
            case MEMBER -> { }
        }
    }

    /**
     * Staff's layer closes and the member is back on their screen as they left it; {@code audited}
     * (an action and the step) is recorded with the staff id, and the panel's leaving too.
     */
    private void leaveSession(String audited) {
        if (staffId != null) {
            if (audited != null) {
                int space = audited.indexOf(' ');
                audit(staffId, audited.substring(0, space), audited.substring(space + 1));
            }
            audit(staffId, "staff-lock", sessions.step().name());
        }
        staffId = null;
        pin = null;
        sessions.staffLeftSession();
        closeOverlay();
    }

    private void closeOverlay() {
        if (overlayNav != null) {
            overlayNav.retire();
            overlayNav = null;
        }
        host.closeOverlay();
    }

    /** The staff pages reached from the staff screen: the camera test, refused registrations, today's counts. */
    @Override
    public void staffPage(String page) {
        if (!sessions.staffMode() || sessions.inSession()) {
            return;
        }
        ScreenNavigator nav = new ScreenNavigator(this);
        switch (page) {
            case "staff" -> show(new StaffScreen(new StaffViewModel(s.config(), s.audit(), s.queue(), s.clock(),
                    staffActor()), i18n, nav, s.background(), s.fx()), nav);
            case "camera" -> show(new CameraTestScreen(new CameraTestViewModel(s.cameraTest(), s.audit(), this::staffActor,
                    s.background(), s.fx()), i18n, nav), nav);
            case "refused" -> show(new RefusedScreen(new RefusedViewModel(s.queue(), s.audit(), s.clock(),
                    this::staffActor, s.background(), s.fx()), i18n, nav), nav);
            case "counts" -> show(new CountsScreen(new CountsViewModel(s.counts(), s.clock()), i18n, nav, s.background(),
                    s.fx()), nav);
            default -> LOG.warn("no staff page {}", page);
        }
    }

    /**
     * Who acts in staff mode, as the audit log names them: the id of the staff member who unlocked
     * ({@code "staff"} for the older single PIN).
     */
    String staffActor() {
        return staffId == null ? "staff" : staffId;
    }

    /** The counts written on the background executor: the JavaFX thread never waits for the database. */
    private static jp.kenpo.kiosk.core.port.KioskCounts countsInBackground(ShellServices s) {
        jp.kenpo.kiosk.core.port.KioskCounts counts = s.counts();
        return new jp.kenpo.kiosk.core.port.KioskCounts() {
            @Override
            public void record(Kind kind, String step, Double seconds) {
                try {
                    s.background().execute(() -> counts.record(kind, step, seconds));
                } catch (java.util.concurrent.RejectedExecutionException closing) {
                    LOG.debug("count {} dropped: the kiosk is closing", kind.code());
                }
            }

            @Override
            public java.util.List<Event> since(java.time.Instant since) {
                return counts.since(since);
            }
        };
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
            if (sessions.isStaffOverSession()) {
                leaveSession(null); // the panel locks; the member's session goes on
            } else {
                home("staff idle");
            }
            return;
        }
        if (host.screen() != null) {
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
