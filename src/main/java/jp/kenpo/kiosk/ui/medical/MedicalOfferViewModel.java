package jp.kenpo.kiosk.ui.medical;

import jp.kenpo.kiosk.core.session.KioskSession;

/**
 * After the email: the account and membership are done; the member may finish here or go on to
 * health / medical access authentication (健診・医療アクセス認証), which the union offers.
 */
public final class MedicalOfferViewModel {

    private final KioskSession session;

    public MedicalOfferViewModel(KioskSession session) {
        this.session = session;
    }

    /** Whether the email was verified here (otherwise the activation link follows by mail). */
    public boolean emailVerified() {
        return session.emailVerified();
    }

    public void continueToMedical() {
        session.medicalChosen(true);
    }

    public void finishHere() {
        session.medicalChosen(false);
    }
}
