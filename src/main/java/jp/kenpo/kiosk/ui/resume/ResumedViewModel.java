package jp.kenpo.kiosk.ui.resume;

import javafx.beans.value.ObservableBooleanValue;

import jp.kenpo.kiosk.core.flow.EntryPoint;
import jp.kenpo.kiosk.core.flow.JourneyFacts;
import jp.kenpo.kiosk.core.resume.SignupDraft;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.ui.common.Message;
import jp.kenpo.kiosk.ui.step.StepViewModel;

/**
 * Whose signup continues: online, the claimed draft masked (「ケ*** タロウ さまの登録の続きです」, the
 * address partly hidden) and what comes next; offline, that the card, the name and the birthdate are
 * asked again. Nothing to enter: 次へ goes on.
 */
public final class ResumedViewModel implements StepViewModel {

    private final boolean online;
    private final Message greeting;
    private final Message email;
    private final Message next;

    public ResumedViewModel(KioskSession session) {
        SignupDraft d = session.draft();
        this.online = d != null;
        this.greeting = d == null ? Message.of("resumed.offline")
                : d.maskedName().isEmpty() ? Message.of("resumed.greeting.noName")
                : Message.of("resumed.greeting", d.maskedName());
        this.email = d == null || d.email() == null ? null : Message.of("resumed.email", d.maskedEmail());
        JourneyFacts facts = session.facts();
        // As the flow goes on from here: the card unless the draft brought it; then nothing more to
        // enter where the union offers no medical-access authentication, else the offer or — membership
        // verified in the app — the document.
        this.next = !facts.membershipFromApp() ? Message.of("resumed.next.membership")
                : Boolean.FALSE.equals(facts.medicalOffered()) ? Message.of("resumed.next.confirm")
                : session.entry() == EntryPoint.RESUMED_IDENTITY_VERIFIED ? Message.of("resumed.next.document")
                : Message.of("resumed.next.offer");
    }

    public boolean online() {
        return online;
    }

    public Message greeting() {
        return greeting;
    }

    /** The address, partly hidden; null offline or without one. */
    public Message email() {
        return email;
    }

    public Message next() {
        return next;
    }

    @Override
    public ObservableBooleanValue canAdvance() {
        return StepViewModel.always();
    }

    @Override
    public void commit(Runnable proceed) {
        proceed.run();
    }
}
