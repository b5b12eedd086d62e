package jp.kenpo.kiosk.ui.done;

import java.time.Clock;
import java.time.Duration;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.value.ObservableBooleanValue;

import jp.kenpo.kiosk.core.session.Countdown;
import jp.kenpo.kiosk.core.session.RegistrationOutcome;
import jp.kenpo.kiosk.ui.step.StepViewModel;

/**
 * 14. The outcome: what the central service answered decides the words — 「完了しました」, or
 * 「申請を受け付けました」 with the mail promise (review), or a plain request to show the receipt to
 * staff (refused: no mail follows), or 「申請を受け付けました」 with the honest word that it will be
 * sent (no answer in time). The receipt number stays for {@code timeouts.outcomeSeconds}, counted
 * down on the screen; then the session ends by itself — but not while the member waits for staff
 * (a call, staff's panel over the session): the countdown holds, and starts anew when they are done.
 */
public final class DoneViewModel implements StepViewModel {

    private final RegistrationOutcome outcome;
    private final String receiptNumber;
    private final Clock clock;
    private final Duration showFor;
    private Countdown countdown;
    private final ReadOnlyLongWrapper secondsLeft = new ReadOnlyLongWrapper();

    /**
     * @param outcome   what the member is told ({@code null} counts as waiting to be sent)
     * @param showFor   how long the screen stays ({@code timeouts.outcomeSeconds})
     */
    public DoneViewModel(RegistrationOutcome outcome, String receiptNumber, Clock clock, Duration showFor) {
        this.outcome = outcome == null ? RegistrationOutcome.QUEUED : outcome;
        this.receiptNumber = receiptNumber;
        this.clock = clock;
        this.showFor = showFor;
        this.countdown = new Countdown(clock, showFor);
        secondsLeft.set(countdown.secondsLeft());
    }

    public RegistrationOutcome outcome() {
        return outcome;
    }

    public String receiptNumber() {
        return receiptNumber;
    }

    /** The title's message key. */
    public String titleKey() {
        return switch (outcome) {
            case COMPLETE -> "done.complete";
            case PENDING_REVIEW, QUEUED -> "done.accepted";
            case REFUSED -> "done.refused";
        };
    }

    /** The sentence under the title: the mail is promised only where one will come. */
    public String leadKey() {
        return switch (outcome) {
            case COMPLETE -> "done.completeLead";
            case PENDING_REVIEW -> "done.acceptedLead";
            case QUEUED -> "done.queuedLead";
            case REFUSED -> "done.refusedLead";
        };
    }

    /**
     * Staff were called or are at the kiosk: the full time counts again from now, so the receipt
     * number is still there for staff and for the member when staff leave.
     */
    public void hold() {
        countdown = new Countdown(clock, showFor);
        secondsLeft.set(countdown.secondsLeft());
    }

    /** Brings the countdown up to date; {@code true} once the time is over. */
    public boolean tick() {
        secondsLeft.set(countdown.secondsLeft());
        return countdown.over();
    }

    /** No 次へ: 「終わる」 or the countdown ends the session. */
    @Override
    public ObservableBooleanValue canAdvance() {
        return null;
    }

    /** The journey is over: going on is going back to the start. */
    @Override
    public void commit(Runnable proceed) {
        proceed.run();
    }

    public ReadOnlyLongProperty secondsLeftProperty() {
        return secondsLeft.getReadOnlyProperty();
    }
}
