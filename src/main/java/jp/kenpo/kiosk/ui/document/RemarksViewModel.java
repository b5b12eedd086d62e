package jp.kenpo.kiosk.ui.document;

import javafx.beans.value.ObservableBooleanValue;

import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.ui.step.StepViewModel;

/**
 * Whether the back of the document has entries (運転免許証・運転経歴証明書: 備考欄; 在留カード: the
 * back's records). Only then is the back photographed. Never asked for the My Number card.
 */
public final class RemarksViewModel implements StepViewModel {

    private final KioskSession session;
    /** Whether the member answered on this screen. */
    private boolean answered;

    public RemarksViewModel(KioskSession session) {
        if (!session.documentType().asksAboutBack()) {
            throw new IllegalStateException(session.documentType() + " has no question about its back");
        }
        this.session = session;
    }

    public String questionKey() {
        return session.documentType() == DocumentType.RESIDENCE_CARD ? "remarks.question.residence"
                : "remarks.question.license";
    }

    public void answer(boolean backHasEntries) {
        session.backHasEntries(backHasEntries);
        answered = true;
    }

    /** No 次へ: the answer goes on. */
    @Override
    public ObservableBooleanValue canAdvance() {
        return null;
    }

    @Override
    public void commit(Runnable proceed) {
        if (answered) {
            proceed.run();
        }
    }
}
