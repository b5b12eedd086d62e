package jp.kenpo.kiosk.core.camera;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The one sentence under a camera preview, held steady: a new sentence replaces the one shown only
 * after the frames have asked for it, without interruption, for {@link #HOLD}. A camera at the edge
 * of a judgement — a card just sharp enough, a face just large enough — would otherwise flip the
 * sentence several times a second, and a member cannot read, let alone follow, a sentence that
 * changes faster than they can read it. (Half a second is about the time it takes to notice a
 * change and start reading; what the analyzers decide and when a picture is taken are not
 * delayed by it.)
 *
 * <p>Keys are compared with {@link Objects#equals}; {@code null} is a key like any other.
 */
public final class SteadyGuidance<K> {

    /** How long a new sentence must be asked for before it is shown. */
    public static final Duration HOLD = Duration.ofMillis(500);

    private final Duration hold;
    private K shown;
    private boolean showing;
    private K next;
    private Instant nextSince;

    public SteadyGuidance() {
        this(HOLD);
    }

    public SteadyGuidance(Duration hold) {
        this.hold = hold;
    }

    /** The newest frame asks for {@code key} at {@code now}; returns what to show. */
    public K offer(K key, Instant now) {
        if (!showing) {
            show(key);
            return shown;
        }
        if (Objects.equals(key, shown)) {
            nextSince = null;
            return shown;
        }
        if (nextSince == null || !Objects.equals(key, next)) {
            next = key;
            nextSince = now;
        }
        if (Duration.between(nextSince, now).compareTo(hold) >= 0) {
            show(key);
        }
        return shown;
    }

    /**
     * Shows {@code key} at once (something the member did or the camera's state changed, not a
     * frame's judgement: a retake, the camera gone).
     */
    public void show(K key) {
        shown = key;
        showing = true;
        next = null;
        nextSince = null;
    }

    /** Forgets what was shown: the next key offered is shown at once. */
    public void clear() {
        shown = null;
        showing = false;
        next = null;
        nextSince = null;
    }
}
