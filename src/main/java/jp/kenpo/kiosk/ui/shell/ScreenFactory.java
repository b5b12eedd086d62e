package jp.kenpo.kiosk.ui.shell;

import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.ui.common.ErrorScreen;
import jp.kenpo.kiosk.ui.consent.ConsentScreen;
import jp.kenpo.kiosk.ui.consent.ConsentViewModel;
import jp.kenpo.kiosk.ui.insurer.InsurerScreen;
import jp.kenpo.kiosk.ui.insurer.InsurerViewModel;

/** Builds the screen of a journey step with a fresh view model bound to the session. */
final class ScreenFactory {

    private final ShellServices s;
    private final Navigator nav;

    ScreenFactory(ShellServices s, Navigator nav) {
        this.s = s;
        this.nav = nav;
    }

    StepScreen create(Step step, KioskSession session) {
        double keyPx = s.config().display().mmToPx(15);
        return switch (step) {
            case CONSENT -> new ConsentScreen(new ConsentViewModel(s.consents(), session), s.i18n());
            case INSURER -> new InsurerScreen(new InsurerViewModel(s.config(), session), s.i18n(), keyPx);
            // Steps whose screens this version of the kiosk does not have yet: say so, send to staff.
            default -> new ErrorScreen(s.i18n(), "error.stepUnavailable", nav);
        };
    }
}
