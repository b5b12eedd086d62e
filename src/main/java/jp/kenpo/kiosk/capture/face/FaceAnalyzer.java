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

    /** Above this |yawScore| the head counts as turned (about 12°; frontal faces stay within ±0.04). */
    public static final double TURNED = 0.10;
    /** Above this the mouth counts as open, when no closed-mouth reference of the member is known. */
    public static final double MOUTH_OPEN = 0.12;
    static final double MIN_PRESENCE = 0.5;
    /** The face's width as a share of the frame's width: smaller is too far, larger too close. */
    static final double MIN_WIDTH = 0.22;
    static final double MAX_WIDTH = 0.62;
    /** The face's centre may be this far from the frame's centre (shares of width and height). */
    static final double MAX_OFFSET_X = 0.14;
    static final double MAX_OFFSET_Y = 0.16;
    static final double MIN_SHARPNESS = 25;
    static final double MIN_BRIGHTNESS = 60;

    private final FaceDetector detector = new FaceDetector();
    private final FaceLandmarker landmarker = new FaceLandmarker();
    private final FaceLandmarker.Mesh mesh = new FaceLandmarker.Mesh();
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
        double widthShare = face.width() / frame.cols();
        if (widthShare < MIN_WIDTH) {
            reasons.add(FaceReason.TOO_FAR);
        } else if (widthShare > MAX_WIDTH) {
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
        if (brightness < MIN_BRIGHTNESS) {
            reasons.add(FaceReason.TOO_DARK);
        }
        if (sharpness < MIN_SHARPNESS) {
            reasons.add(FaceReason.BLURRY);
        }
        double[] box = {round(face.x0(), 1), round(face.y0(), 1), round(face.width(), 1), round(face.height(), 1)};
        return new FaceAnalysis(faces.size(), box, yaw, round(yawScore, 3), mouth, round(mouthScore, 3), round(sharpness, 1),
                round(brightness, 1), reasons.isEmpty(), List.copyOf(reasons), msSince(start));
    }

    /** The mesh of the last analyzed frame, when a face was found (valid until the next call). */
    public FaceLandmarker.Mesh mesh() {
        return meshValid ? mesh : null;
    }

    @Override
    public void close() {
        detector.close();
        landmarker.close();
        gray.release();
        laplacian.release();
        mean.release();
        std.release();
    }
}
