package jp.kenpo.kiosk.ui;

import jp.kenpo.kiosk.core.camera.CameraPreview;
import jp.kenpo.kiosk.core.camera.CameraState;
import jp.kenpo.kiosk.core.camera.PreviewFrame;

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
