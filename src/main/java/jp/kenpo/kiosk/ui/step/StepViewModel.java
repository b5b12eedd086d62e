package jp.kenpo.kiosk.ui.step;

import javafx.beans.value.ObservableBooleanValue;

/** A form's view model as the shell's 次へ sees it: when it may be pressed, and what it does. */
public interface StepViewModel {

    ObservableBooleanValue canAdvance();

    /** Takes the form into the session; false keeps the member on the screen with a message. */
    boolean commit();
}
