package jp.kenpo.kiosk.capture.face;

import java.util.List;

import jp.kenpo.kiosk.core.face.FaceReason;
import jp.kenpo.kiosk.core.face.Pose;

/**
 * What the face analyzer sees in one frame (the JSON of {@code analyze face}, docs/architecture.md §8).
 *
 * @param faces      how many faces were found
 * @param box        the largest face's box {@code [x, y, w, h]} in frame pixels, or {@code null}
 * @param yaw        the head's turn in the member's own terms ({@link Pose.Direction#RIGHT}: turned
 *                   to the member's right, the left cheek towards the camera)
 * @param yawScore   the nose's offset between the cheeks as a share of the face's width, positive
 *                   when turned to the member's right: about 0 frontal, 0.3–0.45 at 20°
 * @param mouth      open or closed by a fixed threshold (the liveness check compares with the
 *                   member's own closed mouth instead)
 * @param mouthScore the inner-lip gap divided by the mouth's width
 * @param eyes       the visible iris's height over the eye's width, both eyes' mean (closed below
 *                   {@link FaceAnalyzer#EYES_OPEN})
 * @param sharpness  variance of the Laplacian on the face crop
 * @param accept     good as a frontal, mouth-closed photo
 */
public record FaceAnalysis(int faces, double[] box, Pose.Direction yaw, double yawScore, Pose.Mouth mouth,
                           double mouthScore, double eyes, double sharpness, double brightness, boolean accept,
                           List<FaceReason> reasons, double ms) {

    /** No face at all. */
    static FaceAnalysis none(double ms) {
        return new FaceAnalysis(0, null, Pose.Direction.FRONTAL, 0, Pose.Mouth.CLOSED, 0, 0, 0, 0, false,
                List.of(FaceReason.NO_FACE), ms);
    }
}
