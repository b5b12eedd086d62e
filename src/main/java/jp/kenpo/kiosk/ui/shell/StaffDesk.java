package jp.kenpo.kiosk.ui.shell;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kenpo.kiosk.core.config.StaffMember;
import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.core.port.KioskCounts;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.staff.CameraTestScreen;
import jp.kenpo.kiosk.ui.staff.CameraTestViewModel;
import jp.kenpo.kiosk.ui.staff.CountsScreen;
import jp.kenpo.kiosk.ui.staff.CountsViewModel;
import jp.kenpo.kiosk.ui.staff.RefusedScreen;
import jp.kenpo.kiosk.ui.staff.RefusedViewModel;
import jp.kenpo.kiosk.ui.staff.StaffCallScreen;
import jp.kenpo.kiosk.ui.staff.StaffPanelScreen;
import jp.kenpo.kiosk.ui.staff.StaffPanelViewModel;
import jp.kenpo.kiosk.ui.staff.StaffPinScreen;
import jp.kenpo.kiosk.ui.staff.StaffPinViewModel;
import jp.kenpo.kiosk.ui.staff.StaffScreen;
import jp.kenpo.kiosk.ui.staff.StaffViewModel;
import jp.kenpo.kiosk.ui.step.StepScreen;

/**
 * The shell's staff side: the PIN pad, staff mode and its pages, and staff at the member's side —
 * the call, the panel over the member's session and its leaving. It remembers who of the staff
 * unlocked, for the audit log, until staff lock again or the session ends.
 *
 * <p>All methods run on the JavaFX thread.
 */
final class StaffDesk {

    private static final Logger LOG = LoggerFactory.getLogger(StaffDesk.class);
    /** How long the welcome screen's corner is held to open the staff PIN pad (on the kiosk's clock). */
    static final java.time.Duration STAFF_LONG_PRESS = java.time.Duration.ofSeconds(2);

    private final Shell shell;
    private final ShellServices s;
    private final I18n i18n;
    private final SessionController sessions;
    private final ScreenHost host;
    private final Dialogs dialogs;
    /** The PIN pad shown now (on its own or over a session), to learn who unlocked. */
    private StaffPinViewModel pin;
    /** Who of the staff unlocked staff mode or the panel over the session: what the audit log records. */
    private String staffId;
    /** The navigator of staff's layer over the session; retired when the layer closes. */
    private ScreenNavigator overlayNav;
    /** When the staff corner was pressed and is still held; null otherwise. */
    private java.time.Instant staffPressedAt;

    StaffDesk(Shell shell, ShellServices services, SessionController sessions, ScreenHost host, Dialogs dialogs) {
        this.shell = shell;
        this.s = services;
        this.i18n = services.i18n();
        this.sessions = sessions;
        this.host = host;
        this.dialogs = dialogs;
    }

    // ---- staff mode -------------------------------------------------------------------------

    /** The staff corner is pressed or let go: its hold is measured on the kiosk's clock and looked at every tick. */
    void cornerHeld(boolean held) {
        staffPressedAt = held ? s.clock().instant() : null;
    }

    /**
     * Staff's part of the shell's tick: a corner held long enough opens the PIN pad, and staff's
     * idle time locks the panel (the member's session goes on) or staff mode. Returns whether it acted.
     */
    boolean tick() {
        if (staffPressedAt != null
                && !s.clock().instant().isBefore(staffPressedAt.plus(STAFF_LONG_PRESS))) {
            staffPressedAt = null;
            shell.staffEntry();
            return true;
        }
        if (sessions.staffIdleExpired()) {
            if (sessions.isStaffOverSession()) {
                leaveSession(null); // the panel locks; the member's session goes on
            } else {
                shell.home("staff idle");
            }
            return true;
        }
        return false;
    }

    void staffEntry() {
        if (sessions.staffMode() || sessions.isStaffOverSession()) {
            return;
        }
        pin = new StaffPinViewModel(s.staffGate(), s.background(), s.fx());
        if (sessions.inSession()) {
            // Over the member's session: their screen stays below as it is, and 戻る returns to it.
            LOG.info("staff PIN pad opened over the session at {}", sessions.step());
            dialogs.close();
            sessions.staffOverSession();
            overlayNav = new ScreenNavigator(shell);
            host.showOverlay(new StaffPinScreen(pin, i18n, overlayNav, s.config().display().mmToPx(15),
                    () -> leaveSession(null)));
            return;
        }
        LOG.info("staff PIN pad opened");
        sessions.staffPinOpened();
        ScreenNavigator nav = new ScreenNavigator(shell);
        shell.show(new StaffPinScreen(pin, i18n, nav, s.config().display().mmToPx(15)), nav);
    }

    void staffUnlocked() {
        StaffMember who = pin == null ? null : pin.unlockedBy();
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
        ScreenNavigator nav = new ScreenNavigator(shell);
        shell.show(new StaffScreen(new StaffViewModel(s.config(), s.audit(), s.queue(), s.clock(), staffId), i18n, nav,
                s.background(), s.fx()), nav);
    }

    /**
     * The session ends or staff mode closes: staff's layer closes, and the staff member who
     * unlocked is forgotten. Returns who that was, or null.
     */
    String lock() {
        closeOverlay();
        String who = staffId;
        staffId = null;
        pin = null;
        return who;
    }

    // ---- staff at the member's side --------------------------------------------------------

    /**
     * 「係員を呼ぶ」: the call screen over the member's screen, the sound and the site's command (in
     * the background: their failure is logged, never shown), and the idle timeout waits for staff.
     */
    void callStaff() {
        if (!sessions.inSession() || host.overlay() != null || host.busy()) {
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
        host.showOverlay(new StaffCallScreen(i18n, this::staffEntry, () -> {
            sessions.callCancelled();
            LOG.info("the member went back without waiting for staff");
            closeOverlay();
        }));
    }

    /** The staff panel over the member's session, for {@code who}. */
    private void showPanel(StaffMember who) {
        KioskSession session = sessions.session().orElseThrow();
        Step at = sessions.step();
        boolean livenessFailed = at == Step.FACE_ANGLE && host.screen() instanceof StepScreen st
                && st.viewModel().needsStaff() != null && st.viewModel().needsStaff().get()
                && !session.livenessPassed();
        var vm = new StaffPanelViewModel(session, at, who, livenessFailed);
        host.showOverlay(new StaffPanelScreen(vm, i18n, then -> afterPanel(then, at)));
    }

    /** Staff chose on the panel: the layer closes and the member goes where the choice leads. */
    private void afterPanel(StaffPanelViewModel.After then, Step at) {
        if (!sessions.isStaffOverSession()) {
            return;
        }
        if (then.action() != null && then.action().startsWith("in-person-check")) {
            sessions.inPersonChecked();
        }
        leaveSession(then.action() == null ? null : then.action() + " " + at.name());
        switch (then.where()) {
            case ONWARD -> shell.advance();
            case STEP -> shell.go(then.step());
            case MEMBER -> { }
        }
    }

    /**
     * Staff's layer closes and the member is back on their screen as they left it; {@code audited}
     * (an action and the step) is recorded with the staff id, and the panel's leaving too.
     */
    void leaveSession(String audited) {
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

    // ---- staff pages ------------------------------------------------------------------------

    /** The staff pages reached from the staff screen: the camera test, refused registrations, today's counts. */
    void staffPage(String page) {
        if (!sessions.staffMode() || sessions.inSession()) {
            return;
        }
        ScreenNavigator nav = new ScreenNavigator(shell);
        switch (page) {
            case "staff" -> shell.show(new StaffScreen(new StaffViewModel(s.config(), s.audit(), s.queue(), s.clock(),
                    staffActor()), i18n, nav, s.background(), s.fx()), nav);
            case "camera" -> shell.show(new CameraTestScreen(new CameraTestViewModel(s.cameraTest(), s.audit(),
                    this::staffActor, s.background(), s.fx()), i18n, nav), nav);
            case "refused" -> shell.show(new RefusedScreen(new RefusedViewModel(s.queue(), s.audit(), s.clock(),
                    this::staffActor, s.background(), s.fx()), i18n, nav), nav);
            case "counts" -> shell.show(new CountsScreen(new CountsViewModel(s.counts(), s.clock()), i18n, nav,
                    s.background(), s.fx()), nav);
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

    // ---- records ----------------------------------------------------------------------------

    /** An audit entry, written on the background executor; a failure to write it is logged. */
    void audit(String actor, String action, String detail) {
        s.background().execute(() -> {
            try {
                s.audit().record(actor, action, detail);
            } catch (RuntimeException e) {
                LOG.warn("audit entry {} not written: {}", action, e.getMessage());
            }
        });
    }

    /** The counts written on the background executor: the JavaFX thread never waits for the database. */
    static KioskCounts countsInBackground(ShellServices s) {
        KioskCounts counts = s.counts();
        return new KioskCounts() {
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
}
