package jp.kenpo.kiosk.ui.common;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.scene.media.AudioClip;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's short sounds (the chime of a call for staff, spoken guidance), played with JavaFX
 * media's {@link AudioClip}. {@link #play} returns at once: loading a clip (the native media library
 * the first time, then the whole file) and starting it happen on the player's own thread, so no
 * caller — the JavaFX thread least of all — waits for sound. Nothing of it ever reaches the member:
 * a file that is missing or not audio is logged once, and a kiosk without a sound device is logged
 * once and stays silent from then on.
 *
 * <p>Why its own thread in its own thread group: AudioClip starts clips on a thread of its own,
 * made by the first {@code play} in the process and a member of the caller's thread group. When no
 * player can be made there (no sound device; Monocle in the headless tests) the exception is
 * uncaught on that thread, which ends — no clip plays after it. The player calls {@code play} only
 * from its thread, so that failure lands in its group, which logs it and silences the player. So
 * one player should serve the whole kiosk: clips played elsewhere first would take AudioClip's
 * thread out of its reach (they would still play, but a failure would go to standard error).
 */
public final class SoundPlayer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SoundPlayer.class);

    private final AtomicBoolean silent = new AtomicBoolean();
    private final ExecutorService thread;
    /** Loaded clips by their source; touched on the player's thread only. */
    private final Map<String, AudioClip> clips = new HashMap<>();
    /** Sources that could not be loaded (already logged); on the player's thread only. */
    private final Set<String> unplayable = new HashSet<>();

    public SoundPlayer() {
        ThreadGroup group = new ThreadGroup("sound") {
            @Override
            public void uncaughtException(Thread t, Throwable e) {
                silence(e);
            }
        };
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(group, r, "sound");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Plays the sound at {@code source} (a {@code file:}, {@code jar:} or {@code http(s):} URI of a
     * WAV, AIFF or MP3) at {@code volume} (0–1; 0 plays nothing). Returns at once; never throws.
     */
    public void play(URI source, double volume) {
        if (volume <= 0 || silent.get()) {
            return;
        }
        double v = Math.min(1, volume);
        try {
            thread.execute(() -> start(source.toString(), v));
        } catch (RejectedExecutionException closed) {
            LOG.debug("sound dropped: the player is closed");
        }
    }

    /** Whether the player has stopped playing for good (no sound device, or no media library). */
    public boolean silent() {
        return silent.get();
    }

    private void start(String source, double volume) {
        if (silent.get() || unplayable.contains(source)) {
            return;
        }
        try {
            AudioClip clip = clips.get(source);
            if (clip == null) {
                clip = new AudioClip(source); // reads and checks the whole file
                clips.put(source, clip);
            }
            clip.play(volume);
        } catch (RuntimeException e) { // MediaException: missing, unreadable, not audio
            unplayable.add(source);
            LOG.warn("the sound {} cannot be played: {}", source, e.getMessage());
        } catch (LinkageError e) { // no native media library for this machine
            silence(e);
        }
    }

    private void silence(Throwable e) {
        if (silent.compareAndSet(false, true)) {
            LOG.warn("the kiosk plays no sound until it restarts: {}", e.toString());
        }
    }

    /** Runs {@code r} on the player's thread, as its clips are started; for tests. */
    Future<?> onSoundThread(Runnable r) {
        return thread.submit(r);
    }

    /** Waits until what was asked of the player before has been done (at most {@code within}); for tests. */
    boolean idle(Duration within) throws InterruptedException {
        try {
            thread.submit(() -> { }).get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
