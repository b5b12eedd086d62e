package jp.kenpo.kiosk.core.port;

import jp.kenpo.kiosk.core.camera.CameraPreview;

/**
 * The kiosk's camera as the resume scan sees it: a live preview in which QR codes are looked for. When
 * one is read the preview pauses and {@link CameraPreview#takeCaptured()} returns its text, UTF-8;
 * {@link CameraPreview#retake()} looks again.
 */
public interface QrCamera {

    /** Starts the preview; returns at once (the camera opens in the background). */
    CameraPreview startQr(CameraRequest request);
}
