package jp.kenpo.kiosk.ui.step;

import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The one contract of a journey step's view model, as the shell drives it: whether the member can
 * go on, what going on commits to the session, and whether the step waits for work in the
 * background. The shell calls {@link #commit} for 次へ, and for a screen's own way on (a document
 * chosen, 「スキップ」) through {@link Navigator#next()}; it calls {@link #close()} when the screen is left.
 */
public interface StepViewModel {

    /** When 次へ may be pressed; {@code null} when the step has no 次へ (its own buttons go on). */
    ObservableBooleanValue canAdvance();

    /**
     * Takes what the member entered or chose into the session and runs {@code proceed} when the
     * member goes on: at once, or — when the work runs in the background — once it is done, and then
     * only if the step is still {@link StepGuard#live() live}. When {@code proceed} is not run the
     * member stays, and the view model's message says why.
     */
    void commit(Runnable proceed);

    /**
     * True while the step waits for work in the background (a hash, the sealing of the registration):
     * 戻る, 中止 and the language are then disabled and the idle timeout pauses, so the session cannot
     * change or end under it. {@code null} when the step never waits.
     */
    default ObservableBooleanValue busy() {
        return null;
    }

    /**
     * True once the member has had repeated trouble at this step that staff should help with (three
     * angle instructions not followed, no picture within the camera's find time, the roster check
     * refusing twice): the shell then offers 「係員を呼ぶ」 by itself. {@code null} when it never does.
     */
    default ObservableBooleanValue needsStaff() {
        return null;
    }

    /** The screen is left: work still under way no longer changes the session or the screen. */
    default void close() {
    }

    /** A {@link #canAdvance()} for a step whose 次へ may always be pressed. */
    static ObservableBooleanValue always() {
        return new ReadOnlyBooleanWrapper(true).getReadOnlyProperty();
    }
}
