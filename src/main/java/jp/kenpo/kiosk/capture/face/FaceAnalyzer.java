package jp.kenpo.kiosk.capture.face;

import static jp.kenpo.kiosk.capture.Measures.msSince;
import static jp.kenpo.kiosk.capture.Measures.round;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.imgproc.Imgproc;

import jp.kenpo.kiosk.capture.Measures;
import jp.kenpo.kiosk.core.face.FaceReason;
import jp.kenpo.kiosk.core.face.Pose;

/**
 * Judges a camera frame as a face photo: how many faces, where and how large the face is against
 * the oval guide, which way the head is turned, whether the mouth is open, and how sharp and
 * bright the face is.
 *
 * <p>The turn is measured from the face mesh as the nose tip's horizontal offset between the two
 * cheek contour points, divided by the distance between those points. A real head turned to the
 * side moves the nose towards one cheek (parallax: the nose stands out of the face's plane); a
 * flat photo turned towards the camera only gets narrower, so its nose stays in the middle.
 *
 * <p>Not thread-safe: one analyzer per camera thread.
 */
public final class FaceAnalyzer implements AutoCloseable {

    /** Mesh points: nose tip, cheek contour (image left, image right), inner lips, mouth corners. */
    static final int NOSE = 1;
    static final int CHEEK_IMAGE_LEFT = 234;
    static final int CHEEK_IMAGE_RIGHT = 454;
    static final int LIP_UPPER = 13;
    static final int LIP_LOWER = 14;
    static final int MOUTH_LEFT = 78;
    static final int MOUTH_RIGHT = 308;
    /**
     * Below this the eyes count as closed ({@link EyeOpening}: the darkness across the eye, summed,
     * over the eye's width). An open eye shows an iris about 12 mm across in an eye about 30 mm
     * wide, at least a third of the width tall even under narrow or heavy lids, and clearly darker
     * than the skin around it: 0.2–0.3 whatever the face's size, blur and JPEG, about 0.17 for dark
     * skin, which leaves the iris less contrast. Closed, only the lashes' line and the lid's crease
     * are left: 0.11–0.13.
     */
    public static final double EYES_OPEN = 0.15;

    /** Above this |yawScore| the head counts as turned (about 12°; frontal faces stay within ±0.04). */
    public static final double TURNED = 0.10;
    /**
     * Above this the mouth counts as open, when no closed-mouth reference of the member is known (the
     * frontal photo): lips at rest read under 0.03 (the mesh's own noise on a small face included);
     * parted by 6 % of the mouth's width — about 3 mm — they are open, which a photo for
     * identification must not show.
     */
    public static final double MOUTH_OPEN = 0.06;
    static final double MIN_PRESENCE = 0.5;
    /**
     * The face's width, cheek to cheek on the face mesh (about 14 cm on an adult), as a share of the
     * frame's width. A member stands 60–80 cm from the counter's camera; through a 70° webcam such a
     * face then covers 12.5–17 % of the picture's width (the detector's box, temple to temple with
     * the hair, about 1.2 times as much: 15–20 %). Below 12.5 % (80 px at 640×480, about 35 px
     * between the eyes) the member is further away than the counter allows and is asked to come
     * closer. The mesh is measured rather than the detector's box, whose size wanders for small
     * faces.
     */
    static final double MIN_WIDTH = 0.125;
    /** The detector's box as a share of the frame's width above which the face no longer fits the oval. */
    static final double MAX_WIDTH = 0.62;
    /** The face's centre may be this far from the frame's centre (shares of width and height). */
    static final double MAX_OFFSET_X = 0.14;
    static final double MAX_OFFSET_Y = 0.16;
    static final double MIN_SHARPNESS = 25;
    static final double MIN_BRIGHTNESS = 60;

    private final FaceDetector detector = new FaceDetector();
    private final FaceLandmarker landmarker = new FaceLandmarker();
    private final FaceLandmarker.Mesh mesh = new FaceLandmarker.Mesh();
    private final EyeOpening eyeOpening = new EyeOpening();
    private final Mat gray = new Mat();
    private final Mat laplacian = new Mat();
    private final MatOfDouble mean = new MatOfDouble();
    private final MatOfDouble std = new MatOfDouble();
    private boolean meshValid;

    /** Analyzes a BGR frame. */
    public FaceAnalysis analyze(Mat frame) {
        long start = System.nanoTime();
        meshValid = false;
        List<FaceDetector.Face> faces = detector.detect(frame);
        if (faces.isEmpty()) {
            return FaceAnalysis.none(msSince(start));
        }
        FaceDetector.Face face = faces.get(0);
        for (FaceDetector.Face f : faces) {
            if (f.width() * f.height() > face.width() * face.height()) {
                face = f;
            }
        }
        landmarker.landmarks(frame, face, mesh);
        if (mesh.presence < MIN_PRESENCE) {
            return FaceAnalysis.none(msSince(start));
        }
        meshValid = true;
        double cheeks = mesh.x[CHEEK_IMAGE_RIGHT] - mesh.x[CHEEK_IMAGE_LEFT];
        double middle = (mesh.x[CHEEK_IMAGE_RIGHT] + mesh.x[CHEEK_IMAGE_LEFT]) / 2;
        // The camera is not a mirror: a turn to the member's right moves the nose to the image's left.
        double yawScore = cheeks <= 0 ? 0 : -(mesh.x[NOSE] - middle) / cheeks;
        double mouthWidth = Math.hypot(mesh.x[MOUTH_RIGHT] - mesh.x[MOUTH_LEFT], mesh.y[MOUTH_RIGHT] - mesh.y[MOUTH_LEFT]);
        double gap = Math.hypot(mesh.x[LIP_LOWER] - mesh.x[LIP_UPPER], mesh.y[LIP_LOWER] - mesh.y[LIP_UPPER]);
        double mouthScore = mouthWidth <= 0 ? 0 : gap / mouthWidth;
        double eyes = eyeOpening.measure(frame, mesh);

        Imgproc.cvtColor(mesh.crop, gray, Imgproc.COLOR_BGR2GRAY);
        double sharpness = Measures.sharpness(gray, laplacian, mean, std);
        double brightness = Core.mean(gray).val[0];

        Pose.Direction yaw = yawScore > TURNED ? Pose.Direction.RIGHT
                : yawScore < -TURNED ? Pose.Direction.LEFT : Pose.Direction.FRONTAL;
        Pose.Mouth mouth = mouthScore > MOUTH_OPEN ? Pose.Mouth.OPEN : Pose.Mouth.CLOSED;
        List<FaceReason> reasons = new ArrayList<>();
        if (faces.size() > 1) {
            reasons.add(FaceReason.SEVERAL_FACES);
        }
        double faceWidth = Math.hypot(cheeks, mesh.y[CHEEK_IMAGE_RIGHT] - mesh.y[CHEEK_IMAGE_LEFT]);
        if (faceWidth / frame.cols() < MIN_WIDTH) {
            reasons.add(FaceReason.TOO_FAR);
        } else if (face.width() / frame.cols() > MAX_WIDTH) {
            reasons.add(FaceReason.TOO_CLOSE);
        }
        if (Math.abs(face.centerX() / frame.cols() - 0.5) > MAX_OFFSET_X
                || Math.abs(face.centerY() / frame.rows() - 0.5) > MAX_OFFSET_Y) {
            reasons.add(FaceReason.OFF_CENTER);
        }
        if (yaw != Pose.Direction.FRONTAL) {
            reasons.add(FaceReason.NOT_FRONTAL);
        }
        if (mouth == Pose.Mouth.OPEN) {
            reasons.add(FaceReason.MOUTH_OPEN);
        }
        if (eyes < EYES_OPEN) {
            reasons.add(FaceReason.EYES_CLOSED);
        }
        if (brightness < MIN_BRIGHTNESS) {
            reasons.add(FaceReason.TOO_DARK);
        }
        if (sharpness < MIN_SHARPNESS) {
            reasons.add(FaceReason.BLURRY);
        }
        double[] box = {round(face.x0(), 1), round(face.y0(), 1), round(face.width(), 1), round(face.height(), 1)};
        return new FaceAnalysis(faces.size(), box, yaw, round(yawScore, 3), mouth, round(mouthScore, 3), round(eyes, 3),
                round(sharpness, 1), round(brightness, 1), reasons.isEmpty(), List.copyOf(reasons), msSince(start));
    }

    /** The mesh of the last analyzed frame, when a face was found (valid until the next call). */
    public FaceLandmarker.Mesh mesh() {
        return meshValid ? mesh : null;
    }

    @Override
    public void close() {
        detector.close();
        landmarker.close();
        eyeOpening.close();
        gray.release();
        laplacian.release();
        mean.release();
        std.release();
    }
}
