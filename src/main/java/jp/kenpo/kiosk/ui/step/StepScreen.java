package jp.kenpo.kiosk.ui.step;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.layout.Region;

/**
 * One screen shown by the shell: a view built in code over a view model. The shell owns
 * the header (step indicator, language, text size, 中止) and the footer (戻る, 次へ).
 */
public interface StepScreen {

    /** The screen's root; its id is the screen's automation id. */
    Region view();

    /** When 次へ may be pressed; {@code null} when the screen has no 次へ (it moves on by itself). */
    default ObservableBooleanValue nextEnabled() {
        return null;
    }

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

    /**
     * Takes what the member entered into the session. {@code false} keeps the member on this screen;
     * the screen then shows why in its {@code #message}.
     */
    default boolean commit() {
        return true;
    }

    /**
     * True while the screen waits for work in the background (a hash, the sealing of the
     * registration): 戻る, 中止 and the language are then disabled and the idle timeout pauses, so the
     * session cannot change or end under it. {@code null} when the screen never waits.
     */
    default ObservableBooleanValue busy() {
        return null;
    }

    /**
     * Whether the screen ends the session by itself after a time of its own (the outcome screen's
     * countdown): the idle question is then not asked.
     */
    default boolean endsByItself() {
        return false;
    }

    /** Called by the shell's ticker, four times a second, while the screen is shown. */
    default void tick() {
    }

    /** Called once when the screen is left: stop timers, release listeners, clear fields. */
    default void dispose() {
    }
}
