package jp.kenpo.kiosk.ui.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javafx.beans.property.ObjectProperty;

import jp.kenpo.kiosk.core.camera.SteadyGuidance;

/**
 * The sentence under a camera preview and how long the camera has been looking, for the view
 * models of the card and face screens. A frame's sentence shows once it has held
 * ({@link SteadyGuidance}); after the camera's find time without a picture, the screen offers
 * help ({@link #overdue()}).
 */
public final class PreviewGuidance {

    private final ObjectProperty<Message> message;
    private final Clock clock;
    private final Duration findLimit;
    private final SteadyGuidance<String> steady = new SteadyGuidance<>();
    private Instant since;

    /** Writes into the view model's {@code message}; the find time counts from {@link #restart()}. */
    public PreviewGuidance(ObjectProperty<Message> message, Clock clock, Duration findLimit) {
        this.message = message;
        this.clock = clock;
        this.findLimit = findLimit;
    }

    /** Looking starts (again): the find time counts from now and the next sentence shows at once. */
    public void restart() {
        steady.clear();
        since = clock.instant();
    }

    /** The newest frame asks for {@code key}; the sentence changes once that has held. */
    public void offer(String key) {
        Message m = Message.of(steady.offer(key, clock.instant()));
        // A new Message each frame: set only a different one, so that listeners see changes only.
        if (!m.equals(message.get())) {
            message.set(m);
        }
    }

    /** Shows {@code key} at once: something the member or the kiosk did, not a frame's judgement. */
    public void say(String key) {
        message.set(Message.of(key));
        steady.show(key);
    }

    /** Whether the camera has looked for the find time since {@link #restart()} without a picture. */
    public boolean overdue() {
        return Duration.between(since, clock.instant()).compareTo(findLimit) >= 0;
    }
}
