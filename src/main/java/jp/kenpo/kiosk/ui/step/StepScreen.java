package jp.kenpo.kiosk.ui.step;

/**
 * The screen of a step of the member's journey. What the step commits, whether it can go on and
 * whether it is busy are its {@link #viewModel() view model's}: the shell drives every step through
 * that one contract. The screen only says how its forward button looks.
 */
public interface StepScreen extends Screen {

    /** The step's view model, through which the shell's 次へ, 戻る, 中止 and idle timeout see the step. */
    StepViewModel viewModel();

    /** Whether 次へ is hidden (not just greyed) while it may not be pressed: when there is no way on. */
    default boolean hideNextWhileDisabled() {
        return false;
    }

    /** The message key of the 次へ button's text. */
    default String nextKey() {
        return "nav.next";
    }

    /** The automation id of the forward button: {@code #next}, or the screen's own ({@code #submit}). */
    default String nextId() {
        return jp.kenpo.kiosk.ui.AutomationIds.NEXT;
    }
}
