package jp.kenpo.kiosk.ui.step;

import javafx.scene.layout.Region;

/**
 * One screen shown by the shell: a view built in code over a view model. The shell owns the header
 * (step indicator, language, text size, 中止) and the footer (戻る, 次へ). A screen of the member's
 * journey is a {@link StepScreen}; the welcome, error and staff screens are plain screens.
 */
public interface Screen {

    /** The screen's root; its id is the screen's automation id. */
    Region view();

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

    /**
     * Called before {@link #tick()} while the member waits for staff (the call screen is shown, or
     * staff's PIN pad or panel is open over the session): a screen that ends the session by itself
     * keeps its time from running out under staff's hands, and counts it anew once they are done.
     */
    default void hold() {
    }

    /** Called once when the screen is left: stop timers, release listeners, clear fields. */
    default void dispose() {
    }
}
