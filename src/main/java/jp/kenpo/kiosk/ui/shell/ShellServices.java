package jp.kenpo.kiosk.ui.shell;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;

import jp.kenpo.kiosk.core.config.ConsentText;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.flow.Flow;
import jp.kenpo.kiosk.core.port.AuditLog;
import jp.kenpo.kiosk.core.port.CodeMailer;
import jp.kenpo.kiosk.core.port.DocumentCamera;
import jp.kenpo.kiosk.core.port.FaceCamera;
import jp.kenpo.kiosk.core.port.RegistrationSubmitter;
import jp.kenpo.kiosk.core.port.RandomSource;
import jp.kenpo.kiosk.core.roster.Eligibility;
import jp.kenpo.kiosk.core.session.StaffGate;
import jp.kenpo.kiosk.ui.I18n;

/**
 * What the shell and its screens are given by the composition root.
 *
 * @param queue      what waits for the central service, for staff
 * @param background where blocking work runs (never the JavaFX thread)
 * @param fx         where results come back to (the JavaFX thread)
 * @param staffAlert what 「係員を呼ぶ」 does besides showing the call screen (a sound, the site's command)
 * @param counts     counts for the union (no personal data)
 * @param cameraTest staff's camera test and choice of camera
 * @param resume     resuming a signup begun in the app (QR code); null where it is not offered
 */
public record ShellServices(
        KioskConfig config,
        Clock clock,
        RandomSource random,
        Flow flow,
        I18n i18n,
        AuditLog audit,
        StaffGate staffGate,
        Eligibility eligibility,
        CodeMailer codeMailer,
        DocumentCamera camera,
        FaceCamera faceCamera,
        RegistrationSubmitter submitter,
        jp.kenpo.kiosk.core.port.CentralSync queue,
        List<ConsentText> consents,
        Executor background,
        Executor fx,
        jp.kenpo.kiosk.core.port.StaffAlert staffAlert,
        jp.kenpo.kiosk.core.port.KioskCounts counts,
        jp.kenpo.kiosk.core.port.CameraTest cameraTest,
        Resume resume) {

    /** What resuming an app-started signup needs: the camera reading QR codes, the token check, the claim. */
    public record Resume(jp.kenpo.kiosk.core.port.QrCamera camera,
                         jp.kenpo.kiosk.core.resume.ResumeTokenVerifier verifier,
                         jp.kenpo.kiosk.core.port.SignupClaims claims) {
    }

}
