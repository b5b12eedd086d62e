package jp.kenpo.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Supplier;

import jp.kenpo.kiosk.core.camera.CameraPreview;
import jp.kenpo.kiosk.core.camera.CameraState;
import jp.kenpo.kiosk.core.camera.PreviewFrame;
import jp.kenpo.kiosk.testing.MutableClock;

/** A camera preview whose next frame, state and capture a view-model test sets. */
class ScriptedPreview implements CameraPreview {

    PreviewFrame next;
    CameraState state = CameraState.STARTING;
    byte[] captured;
    int shutters;
    int retakes;
    boolean closed;

    /** The next frame: what was found, whether it is good, the reason's message key ({@code null}: good). */
    void frame(boolean found, String reasonKey, double steady) {
        next = new PreviewFrame();
        next.pixels(4, 2);
        next.result(found, reasonKey == null, reasonKey, steady, 1);
        state = CameraState.LIVE;
    }

    /**
     * {@code n} frames {@code everyMs} apart, as a camera delivers them: each made by {@code frame},
     * taken by the view model's {@code poll} (which must see it as new), then the clock moves on.
     */
    static void frames(int n, long everyMs, MutableClock clock, Runnable frame, Supplier<PreviewFrame> poll) {
        for (int i = 0; i < n; i++) {
            frame.run();
            assertThat(poll.get()).as("frame %d is new to the view model", i).isNotNull();
            clock.advance(Duration.ofMillis(everyMs));
        }
    }

    @Override
    public PreviewFrame latest() {
        PreviewFrame f = next;
        next = null;
        return f;
    }

    @Override
    public CameraState state() {
        return state;
    }

    @Override
    public void shutter() {
        shutters++;
    }

    @Override
    public byte[] takeCaptured() {
        byte[] c = captured;
        captured = null;
        return c;
    }

    @Override
    public void retake() {
        retakes++;
    }

    @Override
    public void close() {
        closed = true;
    }
}
