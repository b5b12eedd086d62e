package jp.kenpo.kiosk.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javafx.animation.PauseTransition;
import javafx.scene.media.AudioClip;
import javafx.util.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kenpo.kiosk.core.config.VoiceSettings;
import jp.kenpo.kiosk.core.port.VoicePlayer;

/**
 * Plays the voice clips made at build time (src/build/VoiceClips.java) with JavaFX's
 * {@link AudioClip}: {@code jp/kenpo/kiosk/voice/<language>/<name>.wav} on the class path, one
 * after the other, each clip's length read from its WAV header. A clip that cannot be loaded is
 * skipped and logged once; when the build made no clips the player is silent
 * ({@link #available()} false), and {@code selftest} says so.
 */
public final class ClipPlayer implements VoicePlayer {

    private static final Logger LOG = LoggerFactory.getLogger(ClipPlayer.class);
    static final String ROOT = "/jp/kenpo/kiosk/voice/";
    /** The pause after a sentence, and after a character of a receipt number (read slowly, one by one). */
    private static final double SENTENCE_GAP = 0.35;
    private static final double CHARACTER_GAP = 0.12;

    private final double volume;
    private final boolean available;
    /** The clips made with {@code voice.command} ({@link VoiceSynthesis}), played instead of the built ones; null without. */
    private final java.nio.file.Path made;
    private final Map<String, Clip> clips = new HashMap<>();
    private PauseTransition next;
    private AudioClip playing;
    /** What {@link #queue} left to play after the clips being played; null when nothing waits. */
    private List<String> waiting;
    private String waitingLanguage;

    private record Clip(AudioClip audio, double seconds) {
    }

    public ClipPlayer(VoiceSettings settings) {
        this(settings, null);
    }

    /** @param made where the clips of {@code voice.command} are made, preferred to the built ones; null: none */
    public ClipPlayer(VoiceSettings settings, java.nio.file.Path made) {
        this.volume = settings.volume();
        this.made = made;
        this.available = settings.enabled() && (built() || made != null);
    }

    /** What the build wrote about the clips ({@code built}, {@code count}, {@code bytes}, {@code reason}); empty without. */
    public static Properties index() {
        Properties p = new Properties();
        try (InputStream in = ClipPlayer.class.getResourceAsStream(ROOT + "clips.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            LOG.warn("voice clips' index unreadable: {}", e.getMessage());
        }
        return p;
    }

    /** Whether the build made clips. */
    public static boolean built() {
        return "true".equals(index().getProperty("built"));
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public boolean has(String language, String name) {
        return available && url(language, name) != null;
    }

    @Override
    public void play(String language, List<String> names) {
        stop();
        if (available) {
            playNext(language, names.iterator());
        }
    }

    @Override
    public void queue(String language, List<String> names) {
        if (next == null) {
            play(language, names);
        } else {
            waiting = names;
            waitingLanguage = language;
        }
    }

    @Override
    public void stop() {
        waiting = null;
        if (next != null) {
            next.stop();
            next = null;
        }
        if (playing != null) {
            playing.stop();
            playing = null;
        }
    }

    private void playNext(String language, Iterator<String> names) {
        while (names.hasNext()) {
            String name = names.next();
            Clip clip = clip(language, name);
            if (clip == null) {
                continue;
            }
            playing = clip.audio();
            playing.play(volume);
            next = new PauseTransition(Duration.seconds(clip.seconds()
                    + (name.startsWith("char-") ? CHARACTER_GAP : SENTENCE_GAP)));
            next.setOnFinished(e -> playNext(language, names));
            next.play();
            return;
        }
        next = null;
        if (waiting != null) {
            List<String> then = waiting;
            waiting = null;
            playNext(waitingLanguage, then.iterator());
        }
    }

    private Clip clip(String language, String name) {
        String key = language + "/" + name;
        if (clips.containsKey(key)) {
            return clips.get(key);
        }
        Clip clip = null;
        URL url = url(language, name);
        if (url != null) {
            try (InputStream in = url.openStream()) {
                clip = new Clip(new AudioClip(url.toExternalForm()), seconds(in.readNBytes(64)));
            } catch (IOException | RuntimeException e) {
                LOG.warn("voice clip {} cannot be played: {}", key, e.toString());
            }
        }
        clips.put(key, clip);
        return clip;
    }

    URL url(String language, String name) {
        if (made != null) {
            java.nio.file.Path file = made.resolve(language).resolve(name + ".wav");
            if (java.nio.file.Files.isRegularFile(file)) {
                try {
                    return file.toUri().toURL();
                } catch (java.net.MalformedURLException e) {
                    LOG.warn("voice clip {} has no URL: {}", file, e.getMessage());
                }
            }
        }
        return ClipPlayer.class.getResource(ROOT + language + "/" + name + ".wav");
    }

    /** A PCM WAV's length in seconds from its header (the data chunk's size over the byte rate). */
    static double seconds(byte[] header) {
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        int byteRate = b.getInt(28);
        for (int at = 12; at + 8 <= header.length; ) {
            int id = b.getInt(at);
            int size = b.getInt(at + 4);
            if (id == 0x61746164) { // "data"
                return byteRate <= 0 ? 0 : (double) Integer.toUnsignedLong(size) / byteRate;
            }
            at += 8 + size + (size & 1);
        }
        return 0;
    }
}
