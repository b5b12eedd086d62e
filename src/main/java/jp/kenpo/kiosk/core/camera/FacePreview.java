package jp.kenpo.kiosk.core.camera;

/** A face preview: as any preview, and the mouth score of the frame that was taken. */
public interface FacePreview extends CameraPreview {

    /** The mouth score (inner-lip gap / mouth width) of the last picture taken; the member's reference. */
    double capturedMouthScore();
}
