package jp.kenpo.kiosk.core.camera;

/**
 * A running card preview. The screen polls it on its own pulse: nothing here blocks, and only the
 * newest frame is ever handed out — older ones are dropped, never queued.
 */
public interface CameraPreview extends AutoCloseable {

    /** The newest frame since the last call, or {@code null} when none arrived since. */
    PreviewFrame latest();

    CameraState state();

    /** Asks for the next frame to be captured whatever the checks say (the shutter button). */
    void shutter();

    /**
     * The captured card (JPEG, perspective-corrected, masks applied) once, or {@code null}. After a
     * capture the analysis pauses until {@link #retake()}.
     */
    byte[] takeCaptured();

    /** Starts looking again after a capture the member did not keep. */
    void retake();

    /** Stops the preview. Never blocks; the camera thread lets go of the device by itself. */
    @Override
    void close();
}
