package jp.kenpo.kiosk.core.face;

/**
 * Decides, frame by frame on the camera thread, whether a face frame is the one wanted: good as a
 * frontal photo, or showing the instructed pose. It must be safe to call from that thread.
 */
@FunctionalInterface
public interface FaceJudge {

    /**
     * @param accept whether the frame is good as a frontal, mouth-closed photo
     */
    boolean wanted(int faces, double yawScore, double mouthScore, boolean accept);

    /** The frontal photo: one face, inside the oval, mouth closed, sharp. */
    FaceJudge FRONTAL = (faces, yaw, mouth, accept) -> accept;
}
