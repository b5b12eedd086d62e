package jp.kenpo.kiosk.core.port;

import java.util.List;

/**
 * Plays the kiosk's spoken prompts: clips made at build time, one per spoken message key and one
 * per character of a receipt number ({@code char-0}, {@code char-A}, {@code char-hyphen}), in each
 * language's folder (docs/architecture.md §13). Called on the JavaFX thread; never fails towards
 * the member (a clip that cannot play is skipped and logged).
 */
public interface VoicePlayer {

    /** Whether there is a clip {@code name} in {@code language} (a tag of {@code kiosk.languages}: {@code ja}, {@code en}). */
    boolean has(String language, String name);

    /** Stops what is being spoken and plays {@code names} one after the other; names without a clip are left out. */
    void play(String language, List<String> names);

    /**
     * Plays {@code names} once what is being said has ended — at once when nothing is — in place of
     * anything that was waiting: a new message does not cut a screen's instruction short, and only
     * the newest of several waits. A player that cannot wait plays them at once.
     */
    default void queue(String language, List<String> names) {
        play(language, names);
    }

    /** Stops what is being spoken, and what was waiting. */
    void stop();

    /** Whether any clip can be played at all: false when none were made (no engine at build time) or voice is off. */
    default boolean available() {
        return true;
    }

    /** A player that says nothing, for kiosks without voice and for tests. */
    VoicePlayer SILENT = new VoicePlayer() {
        @Override
        public boolean has(String language, String name) {
            return false;
        }

        @Override
        public void play(String language, List<String> names) {
        }

        @Override
        public void stop() {
        }

        @Override
        public boolean available() {
            return false;
        }
    };
}
