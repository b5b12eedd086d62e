package jp.kenpo.kiosk.core.port;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A speech engine: text in, a WAV file out. The kiosk's is a command template
 * ({@code voice.command}, {@code app.CommandSpeechEngine}) so that a union can use another engine —
 * Open JTalk for natural Japanese — without a change to the code (docs/architecture.md §13).
 * The build's clips are made the same way by src/build/VoiceClips.java.
 */
public interface SpeechEngine {

    /** Speaks {@code text} with {@code voice} (a language's voice: {@code ja}, {@code en-us}) into {@code wav}. */
    void speak(String voice, String text, Path wav) throws IOException;
}
