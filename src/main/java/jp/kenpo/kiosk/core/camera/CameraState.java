package jp.kenpo.kiosk.core.camera;

/** What the camera is doing for the screen that asked for it. */
public enum CameraState {
    /** Opening the device; no frame yet. */
    STARTING,
    /** Frames arrive. */
    LIVE,
    /** No camera, one that failed to open, or one unplugged: the kiosk keeps trying. */
    UNAVAILABLE
}
