package jp.kenpo.kiosk.ui.step;

import jp.kenpo.kiosk.core.camera.PreviewFrame;

/**
 * A step's view model that runs the camera: its screen starts it when shown, takes the newest
 * analysed frame on every pulse, and stops it when left (docs/architecture.md §7).
 */
public interface CameraStepViewModel extends StepViewModel {

    /** Starts the preview (the camera thread's job for this step). */
    void start();

    /** The newest analysed frame since the last call, or {@code null}; on the JavaFX thread. */
    PreviewFrame poll();

    /** Stops the preview and drops what it held. */
    void dispose();
}
