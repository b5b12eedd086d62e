package jp.kenpo.kiosk.capture.face;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;
import org.opencv.imgproc.Imgproc;

/**
 * MediaPipe's face mesh ({@code face_landmark.tflite}): 468 points of a face. The face the detector
 * found is cut out as a square 1.5 times its box, turned so the eyes are level, scaled to the
 * model's 192×192 RGB input in [0, 1]; the points come back in crop pixels and are mapped to the
 * frame through the same transform. The second output is a face-presence logit.
 *
 * <p>Not thread-safe; its buffers are reused frame after frame.
 */
public final class FaceLandmarker implements AutoCloseable {

    static {
        jp.kenpo.kiosk.capture.OpenCv.load(); // before the native images below
    }

    static final int INPUT = 192;
    public static final int POINTS = 468;
    static final double MARGIN = 1.5;

    /** The points in frame pixels ({@code x[i]}, {@code y[i]}, {@code z[i]}), the presence score 0–1 and the crop. */
    public static final class Mesh {
        public final double[] x = new double[POINTS];
        public final double[] y = new double[POINTS];
        /** Depth in frame pixels, smaller towards the camera (the nose tip is the smallest). */
        public final double[] z = new double[POINTS];
        public double presence;
        /** The model's input image (192×192 BGR), valid until the next call. */
        public Mat crop;
    }

    private final Net net = FaceModel.load("face_landmark.tflite");
    private final List<String> outputs = List.of("conv2d_21", "conv2d_31");
    private final float[] points = new float[POINTS * 3];
    private final float[] presence = new float[1];
    private final Mat crop = new Mat();
    private final List<Mat> results = new ArrayList<>(2);
    private final Size inputSize = new Size(INPUT, INPUT);
    private final Scalar zero = new Scalar(0, 0, 0);

    /** The mesh of the face found by the detector, into {@code out}. */
    public Mesh landmarks(Mat frame, FaceDetector.Face face, Mesh out) {
        double side = MARGIN * Math.max(face.width(), face.height());
        double angle = Math.atan2(face.keyY()[1] - face.keyY()[0], face.keyX()[1] - face.keyX()[0]);
        double ux = Math.cos(angle);
        double uy = Math.sin(angle);
        double cx = face.centerX();
        double cy = face.centerY();
        // Crop corners (top-left, top-right, bottom-left) in the frame, turned with the eyes.
        Point tl = corner(cx, cy, side, ux, uy, 0, 0);
        Point tr = corner(cx, cy, side, ux, uy, 1, 0);
        Point bl = corner(cx, cy, side, ux, uy, 0, 1);
        MatOfPoint2f from = new MatOfPoint2f(tl, tr, bl);
        MatOfPoint2f to = new MatOfPoint2f(new Point(0, 0), new Point(INPUT, 0), new Point(0, INPUT));
        Mat affine = Imgproc.getAffineTransform(from, to);
        Imgproc.warpAffine(frame, crop, affine, inputSize, Imgproc.INTER_LINEAR, Core.BORDER_CONSTANT, zero);
        affine.release();
        from.release();
        to.release();

        Mat blob = Dnn.blobFromImage(crop, 1 / 255.0, inputSize, zero, true, false);
        net.setInput(blob);
        net.forward(results, outputs);
        blob.release();
        results.get(0).reshape(1, POINTS * 3).get(0, 0, points);
        results.get(1).reshape(1, 1).get(0, 0, presence);
        results.forEach(Mat::release);
        results.clear();

        out.presence = 1 / (1 + Math.exp(-Math.max(-100, Math.min(100, presence[0]))));
        for (int i = 0; i < POINTS; i++) {
            double a = points[3 * i] / INPUT - 0.5;
            double b = points[3 * i + 1] / INPUT - 0.5;
            out.x[i] = cx + side * (a * ux - b * uy);
            out.y[i] = cy + side * (a * uy + b * ux);
            out.z[i] = side * points[3 * i + 2] / INPUT;
        }
        out.crop = crop;
        return out;
    }

    private static Point corner(double cx, double cy, double side, double ux, double uy, double a, double b) {
        double s = (a - 0.5) * side;
        double t = (b - 0.5) * side;
        return new Point(cx + s * ux - t * uy, cy + s * uy + t * ux);
    }

    @Override
    public void close() {
        crop.release();
    }
}
