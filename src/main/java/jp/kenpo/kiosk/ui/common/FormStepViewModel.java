package jp.kenpo.kiosk.ui.common;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import jp.kenpo.kiosk.ui.step.StepViewModel;

/**
 * A step whose entries are checked and taken into the session at once when the member presses 次へ
 * (the insurer number, the card, the basic information, the account, the email code): the member
 * goes on when they are taken, and stays with the reason in {@link #messageProperty()} when not.
 */
public abstract class FormStepViewModel implements StepViewModel {

    /** What the screen says about the entries; {@code null} when nothing. */
    protected final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>();

    public final ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    @Override
    public final void commit(Runnable proceed) {
        if (take()) {
            proceed.run();
        }
    }

    /** Takes the entries into the session; false keeps the member here, with a {@link #message}. */
    protected abstract boolean take();
}
