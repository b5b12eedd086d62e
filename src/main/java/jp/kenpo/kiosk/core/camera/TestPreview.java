package jp.kenpo.kiosk.core.camera;

/** A camera test's preview: the live picture with the analyzers' readings of the newest frame. */
public interface TestPreview extends CameraPreview {

    /** The newest readings, or null before the first frame. Never blocks. */
    CameraReadings readings();
}
