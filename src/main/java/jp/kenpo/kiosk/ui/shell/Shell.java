package jp.kenpo.kiosk.ui.shell;

import java.util.List;
import java.util.Optional;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import jp.kenpo.kiosk.core.flow.Phase;
import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.core.session.IdleMonitor;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.core.session.SessionId;
import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.ErrorScreen;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.staff.StaffPinScreen;
import jp.kenpo.kiosk.ui.staff.StaffPinViewModel;
import jp.kenpo.kiosk.ui.staff.StaffScreen;
import jp.kenpo.kiosk.ui.staff.StaffViewModel;
import jp.kenpo.kiosk.ui.welcome.WelcomeScreen;
import jp.kenpo.kiosk.ui.welcome.WelcomeViewModel;
import jp.kenpo.kiosk.ui.step.Navigator;
import jp.kenpo.kiosk.ui.step.StepScreen;

/**
 * The screen host: one screen at a time under the header, the footer below, dialogs above. It owns
 * the member session — its start, every step change, the idle timeout and the wipe.
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

    private final StackPane root = new StackPane();
    private final StackPane content = new StackPane();
    private final Header header;
    private final Footer footer;
    private final ModalLayer modal = new ModalLayer();
    private final Region staffEntry = new Pane();
    /** When the staff corner was pressed and is still held; null otherwise. */
    private java.time.Instant staffPressedAt;
    private final Timeline ticker;
    private final Label idleSeconds = new Label();

    private KioskSession session;
    private IdleMonitor idle;
    /** While the staff screen or the PIN pad is shown: it locks itself when left untouched. */
    private IdleMonitor staffIdle;
    private Step step;
    private StepScreen screen;
    /** The navigator of the screen shown now. */
    private ScreenNavigator shown;
    /** The shown screen's busy state, or {@code null} when it never waits. */
    private ObservableBooleanValue busy;
    private boolean staffMode;

    public Shell(ShellServices services, Runnable exitAction) {
        this.s = services;
        this.i18n = services.i18n();
        this.exitAction = exitAction;
        this.screens = new ScreenFactory(services);
        this.header = new Header(i18n, this::toggleLanguage, this::toggleTextSize, this::askCancel);
        this.footer = new Footer(i18n, this::back, this::next0);

        // With large text a screen may not fit: it scrolls rather than pushing the bars away.
        ScrollPane scroller = new ScrollPane(content);
        scroller.setId("content-scroll");
        scroller.setFitToWidth(true);
        scroller.setFitToHeight(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.getStyleClass().add("content-scroll");
        BorderPane frame = new BorderPane(scroller, header, null, footer, null);
        frame.getStyleClass().add("frame");
        content.getStyleClass().add("content");

        staffEntry.setId(AutomationIds.STAFF_ENTRY);
        staffEntry.getStyleClass().add("staff-entry");
        staffEntry.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        staffEntry.setPrefSize(110, 110);
        StackPane.setAlignment(staffEntry, Pos.BOTTOM_RIGHT);
        // The hold is measured on the kiosk's clock and looked at every tick.
        staffEntry.setOnMousePressed(e -> staffPressedAt = s.clock().instant());
        staffEntry.setOnMouseReleased(e -> staffPressedAt = null);
        staffEntry.setOnMouseExited(e -> staffPressedAt = null);

        root.getChildren().addAll(frame, staffEntry, modal);
        root.getStyleClass().add("kiosk-root");
        if (s.config().display().largeText()) {
            root.getStyleClass().add("text-large");
        }
        for (var type : List.of(MouseEvent.MOUSE_PRESSED, TouchEvent.TOUCH_PRESSED, KeyEvent.KEY_PRESSED,
                ScrollEvent.SCROLL)) {
            root.addEventFilter(type, e -> activity());
        }
        ticker = new Timeline(new KeyFrame(TICK, e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        showWelcome();
    }

    public Region root() {
        return root;
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
        return staffMode;
    }

    public Step step() {
        return step;
    }

    /** The session in progress, if any; for tests that prove the wipe. */
    public Optional<KioskSession> session() {
        return Optional.ofNullable(session);
    }

    // ---- navigation -------------------------------------------------------------------------

    @Override
    public void startSession() {
        SessionId id = SessionId.random(s.random());
        session = new KioskSession(id, s.clock().instant());
        idle = new IdleMonitor(s.clock(), s.config().timeouts().idle(), s.config().timeouts().countdown());
        MDC.put("session", id.value());
        LOG.info("session started");
        go(s.flow().next(Step.WELCOME, session.facts()).orElseThrow());
    }

    /**
     * Starts a session that continues at {@code step} with what {@code restore} puts into it: a
     * member resuming (QR) continues where they stopped.
     */
    public void resume(Step at, java.util.function.Consumer<KioskSession> restore) {
        SessionId id = SessionId.random(s.random());
        session = new KioskSession(id, s.clock().instant());
        restore.accept(session);
        idle = new IdleMonitor(s.clock(), s.config().timeouts().idle(), s.config().timeouts().countdown());
        MDC.put("session", id.value());
        LOG.info("session resumed at {}", at);
        step = Step.WELCOME;
        go(at);
    }

    private void next0() {
        if (screen == null || !screen.commit()) {
            return;
        }
        next();
    }

    @Override
    public void next() {
        if (session == null) {
            return;
        }
        Optional<Step> next;
        try {
            next = s.flow().next(step, session.facts());
        } catch (IllegalStateException e) {
            LOG.error("no next step after {}: {}", step, e.getMessage());
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
        if (session == null || busy()) {
            return;
        }
        s.flow().previous(step, session.facts()).ifPresent(this::go);
    }

    /** Whether the shown screen waits for work in the background. */
    private boolean busy() {
        return busy != null && busy.get();
    }

    private void go(Step to) {
        LOG.info("step {} -> {}", step, to);
        Step from = step;
        step = to;
        ScreenNavigator nav = new ScreenNavigator();
        show(screens.create(to, session, nav), nav, to.inSession());
        if (from == Step.WELCOME) {
            idle.activity();
        }
    }

    @Override
    public void home(String reason) {
        modal.close();
        if (session != null) {
            session.wipe();
            // A copy made with a physical keyboard must not outlive the session either.
            javafx.scene.input.Clipboard.getSystemClipboard().clear();
            session = null;
            idle = null;
            LOG.info("session ended ({})", reason);
        } else if (staffMode) {
            audit("staff", "staff-lock", null);
        }
        MDC.remove("session");
        staffMode = false;
        staffIdle = null;
        showWelcome();
    }

    private void showWelcome() {
        step = Step.WELCOME;
        root.getStyleClass().remove("text-large");
        if (s.config().display().largeText()) {
            root.getStyleClass().add("text-large");
        }
        if (!I18n.JAPANESE.equals(i18n.locale())) {
            i18n.setLocale(I18n.JAPANESE);
        }
        ScreenNavigator nav = new ScreenNavigator();
        show(new WelcomeScreen(new WelcomeViewModel(s.config()), i18n, nav), nav, false);
        header.show(List.of(), null, false);
    }

    @Override
    public void showError(String messageKey) {
        LOG.info("error screen shown: {}", messageKey);
        ScreenNavigator nav = new ScreenNavigator();
        show(new ErrorScreen(i18n, messageKey, nav), nav, false);
        header.show(List.of(), null, false);
    }

    @Override
    public void staffEntry() {
        if (session != null || staffMode) {
            return;
        }
        LOG.info("staff PIN pad opened");
        watchStaffIdle();
        StaffPinViewModel vm = new StaffPinViewModel(s.staffGate(), s.background(), s.fx());
        ScreenNavigator nav = new ScreenNavigator();
        show(new StaffPinScreen(vm, i18n, nav, keyPx()), nav, false);
        header.show(List.of(), null, false);
    }

    /** The staff screen or the PIN pad is shown from now: it locks itself when left untouched. */
    private void watchStaffIdle() {
        staffIdle = new IdleMonitor(s.clock(), s.config().staff().idle(), java.time.Duration.ZERO);
    }

    @Override
    public void staffUnlocked() {
        if (staffMode) {
            return; // already unlocked: one staff screen, one audit entry
        }
        staffMode = true;
        watchStaffIdle();
        LOG.info("staff mode unlocked");
        audit("staff", "staff-unlock", null);
        ScreenNavigator nav = new ScreenNavigator();
        show(new StaffScreen(new StaffViewModel(s.config(), s.audit(), s.queue(), s.clock()), i18n, nav, s.background(),
                s.fx()), nav, false);
        header.show(List.of(), null, false);
    }

    @Override
    public void exitKiosk() {
        if (!staffMode) {
            return;
        }
        LOG.info("kiosk exit requested by staff");
        audit("staff", "kiosk-exit", null);
        stop();
        exitAction.run();
    }

    private void show(StepScreen next, ScreenNavigator nav, boolean inSession) {
        if (shown != null) {
            shown.live = false;
        }
        shown = nav;
        if (screen != null) {
            screen.dispose();
        }
        screen = next;
        busy = next.busy();
        header.busy(busy);
        content.getChildren().setAll(next.view());
        boolean welcome = step == Step.WELCOME && session == null && !staffMode;
        staffEntry.setVisible(welcome && next instanceof WelcomeScreen);
        if (inSession) {
            List<Phase> phases = s.flow().phases(session.facts());
            // After the submit there is nothing left to cancel: the outcome screen ends with 「終わる」 or by itself.
            header.show(phases, step.phase(), !next.endsByItself());
            footer.show(s.flow().previous(step, session.facts()).isPresent(), next.nextEnabled(), next.nextKey(),
                    next.hideNextWhileDisabled(), next.nextId(), busy);
        } else {
            footer.show(false, null, null, false);
        }
    }

    /**
     * What one screen may ask of the shell, while it is shown: once another screen is shown, its
     * calls do nothing — an answer from the background cannot move a later screen or a later member.
     */
    private final class ScreenNavigator implements Navigator {

        private boolean live = true;

        @Override
        public void next() {
            if (live) {
                Shell.this.next();
            }
        }

        @Override
        public void back() {
            if (live) {
                Shell.this.back();
            }
        }

        @Override
        public void startSession() {
            if (live) {
                Shell.this.startSession();
            }
        }

        @Override
        public void home(String reason) {
            if (live) {
                Shell.this.home(reason);
            }
        }

        @Override
        public void showError(String messageKey) {
            if (live) {
                Shell.this.showError(messageKey);
            }
        }

        @Override
        public void staffEntry() {
            if (live) {
                Shell.this.staffEntry();
            }
        }

        @Override
        public void staffUnlocked() {
            if (live) {
                Shell.this.staffUnlocked();
            }
        }

        @Override
        public void exitKiosk() {
            if (live) {
                Shell.this.exitKiosk();
            }
        }
    }

    // ---- idle and cancel --------------------------------------------------------------------

    private void activity() {
        if (idle != null) {
            idle.activity();
        }
        if (staffIdle != null) {
            staffIdle.activity();
        }
    }

    /** Evaluates the idle policy; the ticker calls it four times a second, tests call it directly. */
    public void tick() {
        if (staffPressedAt != null
                && !s.clock().instant().isBefore(staffPressedAt.plus(STAFF_LONG_PRESS))) {
            staffPressedAt = null;
            staffEntry();
            return;
        }
        if (session == null && staffIdle != null && staffIdle.state().kind() == IdleMonitor.Kind.EXPIRED) {
            LOG.info("staff {} left untouched for {} s: locked", staffMode ? "screen" : "PIN pad",
                    s.config().staff().idleSeconds());
            home("staff idle");
            return;
        }
        if (screen != null) {
            screen.tick(); // the outcome screen's countdown may end the session here
        }
        if (idle == null || session == null) {
            return;
        }
        if (busy() || screen.endsByItself()) {
            // Paused: the member waits for the kiosk, or the screen keeps its own time.
            idle.activity();
            if (modal.showing(AutomationIds.IDLE_DIALOG)) {
                modal.close();
            }
            return;
        }
        IdleMonitor.State state = idle.state();
        switch (state.kind()) {
            case ACTIVE -> {
                if (modal.showing(AutomationIds.IDLE_DIALOG)) {
                    modal.close();
                }
            }
            case COUNTDOWN -> {
                if (!modal.showing(AutomationIds.IDLE_DIALOG)) {
                    LOG.info("idle: asking whether to continue");
                    modal.open(idleDialog());
                }
                idleSeconds.textProperty().unbind();
                idleSeconds.textProperty().bind(i18n.text("idle.secondsLeft", state.secondsLeft()));
            }
            case EXPIRED -> home("idle timeout");
        }
    }

    private VBox idleDialog() {
        idleSeconds.setId(AutomationIds.IDLE_SECONDS);
        idleSeconds.getStyleClass().add("dialog-count");
        idleSeconds.setWrapText(true);
        idleSeconds.setMinHeight(Region.USE_PREF_SIZE);
        Button cont = Ui.button(i18n, "idle.continue", AutomationIds.IDLE_CONTINUE, "primary-action");
        cont.setOnAction(e -> {
            activity();
            modal.close();
            LOG.info("idle: member continued");
        });
        VBox d = new VBox(Ui.label(i18n, "idle.question", "dialog-title"), idleSeconds, cont);
        d.setId(AutomationIds.IDLE_DIALOG);
        return d;
    }

    private void askCancel() {
        if (session == null || busy()) {
            return;
        }
        Button keep = Ui.button(i18n, "cancel.keep", AutomationIds.CANCEL_KEEP, "secondary-action");
        keep.setOnAction(e -> modal.close());
        Button confirm = Ui.button(i18n, "cancel.confirm", AutomationIds.CANCEL_CONFIRM, "danger-action");
        confirm.setOnAction(e -> {
            if (busy()) {
                modal.close(); // the registration is being sealed: it goes on to the outcome screen
            } else {
                home("cancelled by member");
            }
        });
        HBox buttons = new HBox(keep, confirm);
        buttons.getStyleClass().add("row");
        VBox d = new VBox(Ui.label(i18n, "cancel.question", "dialog-title"),
                Ui.label(i18n, "cancel.explain", "lead"), buttons);
        d.setId(AutomationIds.CANCEL_DIALOG);
        modal.open(d);
    }

    private void toggleLanguage() {
        if (!busy()) {
            i18n.toggle();
        }
    }

    private void toggleTextSize() {
        if (!root.getStyleClass().remove("text-large")) {
            root.getStyleClass().add("text-large");
        }
    }

    private double keyPx() {
        return s.config().display().mmToPx(15);
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
}
