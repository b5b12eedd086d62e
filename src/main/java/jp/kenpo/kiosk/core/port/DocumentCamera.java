package jp.kenpo.kiosk.core.port;

import java.util.List;

import jp.kenpo.kiosk.core.camera.CameraPreview;
import jp.kenpo.kiosk.core.config.MaskRegion;

/**
 * The kiosk's camera as the document-capture step sees it: a live, analyzed preview of an
 * identity card that captures the perspective-corrected card once it is good and steady.
 */
public interface DocumentCamera {

    /**
     * Starts the preview for one side of a card; returns at once (the camera opens in the
     * background). {@code masks} are blacked out on the captured image.
     */
    CameraPreview start(CameraRequest request, List<MaskRegion> masks);
}
