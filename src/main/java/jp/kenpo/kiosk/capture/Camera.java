package jp.kenpo.kiosk.capture;

import org.opencv.core.Mat;

import jp.kenpo.kiosk.core.port.CameraRequest;

/**
 * A source of camera frames: a USB camera or the virtual camera. Used by one thread only (the
 * {@link CameraService}'s grabbing thread).
 */
public interface Camera extends AutoCloseable {

    /** Opens the device. */
    void open() throws CameraException;

    /**
     * Waits for the next frame at the camera's own rate and writes it, BGR, into {@code frame}.
     * {@code false} when the camera is gone (unplugged, stopped answering).
     */
    boolean grab(Mat frame, CameraRequest request);

    /** Lets go of the device; the camera may be opened again later. */
    @Override
    void close();

    /** For the administrator's log: which device this is. */
    String describe();
}
