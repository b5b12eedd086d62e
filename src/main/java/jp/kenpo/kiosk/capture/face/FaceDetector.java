package jp.kenpo.kiosk.capture.face;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;
import org.opencv.imgproc.Imgproc;

/**
 * MediaPipe's short-range face detector (BlazeFace, {@code face_detection_short_range.tflite}) on
 * OpenCV's DNN module. The frame is letterboxed into the model's 128×128 RGB input scaled to
 * [-1, 1]; each of the 896 SSD anchors yields a score (a logit) and a box with six key points,
 * relative to the anchor; overlapping detections, and a box lying inside another, are merged by
 * weighted non-maximum suppression: one face, one box.
 *
 * <p>Not thread-safe; its buffers are reused frame after frame.
 */
public final class FaceDetector implements AutoCloseable {

    static {
        jp.kenpo.kiosk.capture.OpenCv.load(); // before the native images below
    }

    static final int INPUT = 128;
    static final int ANCHORS = 896;
    static final double MIN_SCORE = 0.5;
    static final double MERGE_IOU = 0.3;
    static final double MERGE_INSIDE = 0.6;

    /** A face in frame pixels; key points: 0 and 1 the eyes (image left, image right), 2 the nose tip. */
    public record Face(double x0, double y0, double x1, double y1, double score, double[] keyX, double[] keyY) {
        public double width() {
            return x1 - x0;
        }

        public double height() {
            return y1 - y0;
        }

        public double centerX() {
            return (x0 + x1) / 2;
        }

        public double centerY() {
            return (y0 + y1) / 2;
        }
    }

    private final Net net = FaceModel.load("face_detection_short_range.tflite");
    private final List<String> outputs = List.of("classificators", "regressors");
    private final float[] anchorX = new float[ANCHORS];
    private final float[] anchorY = new float[ANCHORS];
    private final float[] logits = new float[ANCHORS];
    private final float[] boxes = new float[ANCHORS * 16];
    private final Mat input = new Mat(INPUT, INPUT, CvType.CV_8UC3);
    private final List<Mat> results = new ArrayList<>(2);
    private final Scalar black = new Scalar(0, 0, 0);
    private final Scalar mean = new Scalar(127.5, 127.5, 127.5);
    private final Size inputSize = new Size(INPUT, INPUT);

    public FaceDetector() {
        anchors();
    }

    /**
     * The anchors of the short-range model: strides 8, 16, 16, 16, two anchors per cell and layer,
     * layers of equal stride sharing one grid — 16×16×2 + 8×8×6 = 896 anchor centres.
     */
    private void anchors() {
        int n = 0;
        int[][] grids = {{16, 2}, {8, 6}}; // cells per side, anchors per cell
        for (int[] g : grids) {
            for (int y = 0; y < g[0]; y++) {
                for (int x = 0; x < g[0]; x++) {
                    for (int k = 0; k < g[1]; k++) {
                        anchorX[n] = (x + 0.5f) / g[0];
                        anchorY[n] = (y + 0.5f) / g[0];
                        n++;
                    }
                }
            }
        }
    }

    /** The faces in a BGR frame, best first. */
    public List<Face> detect(Mat frame) {
        double scale = Math.min((double) INPUT / frame.cols(), (double) INPUT / frame.rows());
        int w = (int) Math.round(frame.cols() * scale);
        int h = (int) Math.round(frame.rows() * scale);
        int padX = (INPUT - w) / 2;
        int padY = (INPUT - h) / 2;
        input.setTo(black);
        Mat inside = input.submat(padY, padY + h, padX, padX + w);
        Imgproc.resize(frame, inside, new Size(w, h), 0, 0, Imgproc.INTER_AREA);
        inside.release();
        Mat blob = Dnn.blobFromImage(input, 1 / 127.5, inputSize, mean, true, false);
        net.setInput(blob);
        net.forward(results, outputs);
        blob.release();
        results.get(0).reshape(1, ANCHORS).get(0, 0, logits);
        results.get(1).reshape(1, ANCHORS * 16).get(0, 0, boxes);
        results.forEach(Mat::release);
        results.clear();

        List<Face> found = new ArrayList<>();
        for (int i = 0; i < ANCHORS; i++) {
            double score = 1 / (1 + Math.exp(-Math.max(-100, Math.min(100, logits[i]))));
            if (score < MIN_SCORE) {
                continue;
            }
            int o = i * 16;
            double cx = boxes[o] / INPUT + anchorX[i];
            double cy = boxes[o + 1] / INPUT + anchorY[i];
            double bw = boxes[o + 2] / INPUT;
            double bh = boxes[o + 3] / INPUT;
            double[] kx = new double[6];
            double[] ky = new double[6];
            for (int k = 0; k < 6; k++) {
                kx[k] = toFrame(boxes[o + 4 + 2 * k] / INPUT + anchorX[i], padX, scale);
                ky[k] = toFrame(boxes[o + 5 + 2 * k] / INPUT + anchorY[i], padY, scale);
            }
            found.add(new Face(toFrame(cx - bw / 2, padX, scale), toFrame(cy - bh / 2, padY, scale),
                    toFrame(cx + bw / 2, padX, scale), toFrame(cy + bh / 2, padY, scale), score, kx, ky));
        }
        return merge(found);
    }

    private static double toFrame(double share, int pad, double scale) {
        return (share * INPUT - pad) / scale;
    }

    /** Weighted non-maximum suppression: each cluster of overlapping boxes becomes their score-weighted mean. */
    private static List<Face> merge(List<Face> faces) {
        faces.sort((a, b) -> Double.compare(b.score(), a.score()));
        List<Face> out = new ArrayList<>();
        boolean[] taken = new boolean[faces.size()];
        for (int i = 0; i < faces.size(); i++) {
            if (taken[i]) {
                continue;
            }
            Face best = faces.get(i);
            double sw = 0;
            double x0 = 0;
            double y0 = 0;
            double x1 = 0;
            double y1 = 0;
            double[] kx = new double[6];
            double[] ky = new double[6];
            for (int j = i; j < faces.size(); j++) {
                Face f = faces.get(j);
                if (taken[j] || !sameFace(best, f)) {
                    continue;
                }
                taken[j] = true;
                double wgt = f.score();
                sw += wgt;
                x0 += wgt * f.x0();
                y0 += wgt * f.y0();
                x1 += wgt * f.x1();
                y1 += wgt * f.y1();
                for (int k = 0; k < 6; k++) {
                    kx[k] += wgt * f.keyX()[k];
                    ky[k] += wgt * f.keyY()[k];
                }
            }
            for (int k = 0; k < 6; k++) {
                kx[k] /= sw;
                ky[k] /= sw;
            }
            out.add(new Face(x0 / sw, y0 / sw, x1 / sw, y1 / sw, best.score(), kx, ky));
        }
        return out;
    }

    /**
     * Two boxes are one face when they overlap by more than {@link #MERGE_IOU} of their union, or
     * when one lies mostly (more than {@link #MERGE_INSIDE}) inside the other: the detector's
     * anchors of two sizes can both fire on one face, a small box on the face's middle inside a
     * large one round the head — two faces never overlap like that.
     */
    private static boolean sameFace(Face a, Face b) {
        double ix = Math.max(0, Math.min(a.x1(), b.x1()) - Math.max(a.x0(), b.x0()));
        double iy = Math.max(0, Math.min(a.y1(), b.y1()) - Math.max(a.y0(), b.y0()));
        double inter = ix * iy;
        double aa = a.width() * a.height();
        double bb = b.width() * b.height();
        double union = aa + bb - inter;
        double smaller = Math.min(aa, bb);
        return union > 0 && inter / union > MERGE_IOU || smaller > 0 && inter / smaller > MERGE_INSIDE;
    }

    @Override
    public void close() {
        input.release();
    }
}
