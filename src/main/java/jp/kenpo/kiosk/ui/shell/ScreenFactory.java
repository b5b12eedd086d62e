package jp.kenpo.kiosk.ui.shell;

import java.time.Duration;

import jp.kenpo.kiosk.core.config.UnionConfig;
import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.ui.account.AccountScreen;
import jp.kenpo.kiosk.ui.account.AccountViewModel;
import jp.kenpo.kiosk.ui.basicinfo.BasicConfirmScreen;
import jp.kenpo.kiosk.ui.basicinfo.BasicConfirmViewModel;
import jp.kenpo.kiosk.ui.basicinfo.BasicInfoScreen;
import jp.kenpo.kiosk.ui.basicinfo.BasicInfoViewModel;
import jp.kenpo.kiosk.ui.card.CardScreen;
import jp.kenpo.kiosk.ui.card.CardViewModel;
import jp.kenpo.kiosk.ui.document.CaptureScreen;
import jp.kenpo.kiosk.ui.document.CaptureViewModel;
import jp.kenpo.kiosk.ui.document.DocumentChoiceScreen;
import jp.kenpo.kiosk.ui.document.DocumentChoiceViewModel;
import jp.kenpo.kiosk.ui.document.RemarksScreen;
import jp.kenpo.kiosk.ui.document.RemarksViewModel;
import jp.kenpo.kiosk.ui.eligibility.EligibilityScreen;
import jp.kenpo.kiosk.ui.eligibility.EligibilityViewModel;
import jp.kenpo.kiosk.ui.emailcode.EmailCodeScreen;
import jp.kenpo.kiosk.ui.emailcode.EmailCodeViewModel;
import jp.kenpo.kiosk.ui.confirm.ConfirmScreen;
import jp.kenpo.kiosk.ui.confirm.ConfirmViewModel;
import jp.kenpo.kiosk.ui.done.DoneScreen;
import jp.kenpo.kiosk.ui.done.DoneViewModel;
import jp.kenpo.kiosk.ui.face.FaceScreen;
import jp.kenpo.kiosk.ui.secret.SecretQuestionScreen;
import jp.kenpo.kiosk.ui.secret.SecretQuestionViewModel;
import jp.kenpo.kiosk.ui.face.FaceViewModel;
import jp.kenpo.kiosk.ui.medical.MedicalOfferScreen;
import jp.kenpo.kiosk.ui.medical.MedicalOfferViewModel;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.ui.consent.ConsentScreen;
import jp.kenpo.kiosk.ui.consent.ConsentViewModel;
import jp.kenpo.kiosk.ui.insurer.InsurerScreen;
import jp.kenpo.kiosk.ui.insurer.InsurerViewModel;
import jp.kenpo.kiosk.ui.resume.ResumeScanScreen;
import jp.kenpo.kiosk.ui.resume.ResumeScanViewModel;
import jp.kenpo.kiosk.ui.resume.ResumedScreen;
import jp.kenpo.kiosk.ui.resume.ResumedViewModel;
import jp.kenpo.kiosk.ui.step.Navigator;
import jp.kenpo.kiosk.ui.step.StepScreen;

/**
 * Builds the screen of a journey step with a fresh view model bound to the session, and the
 * navigator that screen (and only that screen, while it is shown) may use.
 */
final class ScreenFactory {

    private final ShellServices s;

    ScreenFactory(ShellServices s) {
        this.s = s;
    }

    /** The general consents, or the points terms. */
    private java.util.List<jp.kenpo.kiosk.core.config.ConsentText> consents(boolean points) {
        return s.consents().stream().filter(c -> c.pointsTerms() == points).toList();
    }

    private UnionConfig union(KioskSession session) {
        return s.config().union(session.insurerNumber()).orElseThrow(
                () -> new IllegalStateException("the union is chosen before the card"));
    }

    private StepScreen capture(KioskSession session, KioskSession.Side side) {
        return new CaptureScreen(new CaptureViewModel(session, side, s.camera(),
                s.config().masks(session.documentType(), side), s.clock(), findLimit()), s.i18n());
    }

    /** How long a capture screen waits for a good picture before it sends the member to staff. */
    private Duration findLimit() {
        return Duration.ofSeconds(s.config().camera().findSeconds());
    }

    /** Whether the union of this insurer number offers medical-access authentication; null for none served here. */
    private Boolean medicalOffered(String insurer) {
        var number = jp.kenpo.kiosk.core.member.InsurerNumber.parse(insurer).value();
        return number == null ? null : s.config().union(number).map(UnionConfig::medicalAccess).orElse(null);
    }

    StepScreen create(Step step, KioskSession session, Navigator nav) {
        double keyPx = s.config().display().mmToPx(15);
        return switch (step) {
            case RESUME_SCAN -> new ResumeScanScreen(new ResumeScanViewModel(session, s.resume().camera(),
                    s.resume().verifier(), s.resume().claims(), this::medicalOffered, s.background(), s.fx()),
                    s.i18n(), nav);
            case RESUMED -> new ResumedScreen(new ResumedViewModel(session), s.i18n());
            case CONSENT -> new ConsentScreen(new ConsentViewModel(consents(false), session), s.i18n());
            case POINTS_CONSENT -> new ConsentScreen(new ConsentViewModel(consents(true), session, true), s.i18n());
            case INSURER -> new InsurerScreen(new InsurerViewModel(s.config(), session), s.i18n(), keyPx);
            case CARD -> new CardScreen(new CardViewModel(union(session), session), s.i18n(), keyPx);
            case BASIC_INFO -> new BasicInfoScreen(new BasicInfoViewModel(session, s.clock()), s.i18n(), keyPx);
            case BASIC_CONFIRM -> new BasicConfirmScreen(new BasicConfirmViewModel(union(session), session), s.i18n());
            case ELIGIBILITY -> new EligibilityScreen(new EligibilityViewModel(s.eligibility(), session,
                    s.background(), s.fx()), s.i18n(), nav);
            case ACCOUNT -> new AccountScreen(new AccountViewModel(session), s.i18n(), keyPx);
            case EMAIL_CODE -> new EmailCodeScreen(new EmailCodeViewModel(session, s.clock(), s.random(),
                    s.codeMailer(), union(session).name(), s.i18n()::locale, s.background(), s.fx()),
                    s.i18n(), nav, keyPx);
            case MEDICAL_OFFER -> new MedicalOfferScreen(new MedicalOfferViewModel(session), s.i18n(), nav);
            case DOCUMENT_CHOICE -> new DocumentChoiceScreen(new DocumentChoiceViewModel(union(session), session),
                    s.i18n(), nav);
            case DOCUMENT_FRONT -> capture(session, KioskSession.Side.FRONT);
            case DOCUMENT_BACK -> capture(session, KioskSession.Side.BACK);
            case FACE_FRONT -> new FaceScreen(new FaceViewModel(session, FaceViewModel.Mode.FRONTAL, s.faceCamera(),
                    s.clock(), s.random(), findLimit()), s.i18n());
            case FACE_ANGLE -> new FaceScreen(new FaceViewModel(session, FaceViewModel.Mode.ANGLE, s.faceCamera(),
                    s.clock(), s.random(), findLimit()), s.i18n());
            case SECRET_QUESTION -> new SecretQuestionScreen(new SecretQuestionViewModel(session, s.random(),
                    s.i18n()::get, s.background(), s.fx()), s.i18n(), keyPx);
            case CONFIRM -> new ConfirmScreen(new ConfirmViewModel(session, union(session), s.submitter(), s.background(),
                    s.fx()), s.i18n());
            case DONE -> new DoneScreen(new DoneViewModel(session.outcome(), session.receiptNumber(), s.clock(),
                    s.config().timeouts().outcome()), s.i18n(), nav);
            case DOCUMENT_BACK_QUESTION -> new RemarksScreen(new RemarksViewModel(session), s.i18n(), nav);
            // The shell shows its own welcome screen; no step leads here. No default: a new step must
            // get its screen here, or the build fails.
            case WELCOME -> throw new IllegalArgumentException("the welcome screen is the shell's own");
        };
    }
}
