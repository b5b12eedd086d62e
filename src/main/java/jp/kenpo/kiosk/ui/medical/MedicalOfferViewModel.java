package jp.kenpo.kiosk.ui.medical;

import javafx.beans.value.ObservableBooleanValue;

import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.ui.step.StepViewModel;

/**
 * After the email: the account and membership are done; the member may finish here or go on to
 * health / medical access authentication (健診・医療アクセス認証), which the union offers.
 */
public final class MedicalOfferViewModel implements StepViewModel {

    private final ObservableBooleanValue always = StepViewModel.always();

    private final KioskSession session;
    /** Whether the member chose to finish here ({@code #skip-medical}). */
    private boolean finishHere;

    public MedicalOfferViewModel(KioskSession session) {
        this.session = session;
    }

    /** Whether the email was verified here (otherwise the activation link follows by mail). */
    public boolean emailVerified() {
        return session.emailVerified();
    }

    /** 「スキップ」: the member finishes here; {@link #commit} then records it. */
    public void finishHere() {
        finishHere = true;
    }

    /** 次へ goes on to medical access authentication. */
    @Override
    public ObservableBooleanValue canAdvance() {
        return always;
    }

    /** Records the choice: finish here (after {@link #finishHere()}), or go on to medical access authentication. */
    @Override
    public void commit(Runnable proceed) {
        session.medicalChosen(!finishHere);
        proceed.run();
    }
}
