package jp.kenpo.kiosk.capture.face;

import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;

/**
 * How much of the eyes is open, measured in the picture rather than from the face mesh alone: the
 * mesh follows the lids only loosely (closed eyes still read about two thirds of their open
 * height), while an open eye shows its iris — a dark band as tall as a third of the eye's width
 * or more — and a closed one shows only the lashes' thin line on skin.
 *
 * <p>For each eye, three lines are read across the eye (at its middle and a quarter of its width
 * either side); along each, the darkness below the skin at the line's ends is summed. The eye's
 * opening is the largest such sum over the eye's width; the face's is the mean of both eyes.
 *
 * <p>Not thread-safe; its buffers are reused.
 */
final class EyeOpening {

    /** Mesh points of each eye: outer corner, inner corner, upper lid, lower lid (the member's right eye first). */
    private static final int[][] EYES = {{33, 133, 159, 145}, {263, 362, 386, 374}};
    /** Where the three lines cross the eye, as shares of its width from its middle. */
    private static final double[] LINES = {-0.25, 0, 0.25};
    /** Samples along each line, in pixels. */
    private static final double STEP = 0.5;

    private final Mat roi = new Mat();
    private double[] line = new double[0];
    private byte[] pixels = new byte[0];
    private int width;
    private int height;
    private int ox;
    private int oy;

    /** The mean of both eyes' visible iris height over the eye's width (0 when it cannot be read). */
    double measure(Mat frame, FaceLandmarker.Mesh mesh) {
        double sum = 0;
        for (int[] eye : EYES) {
            sum += eye(frame, mesh, eye);
        }
        return sum / EYES.length;
    }

    private double eye(Mat frame, FaceLandmarker.Mesh m, int[] eye) {
        double ax = m.x[eye[0]];
        double ay = m.y[eye[0]];
        double bx = m.x[eye[1]];
        double by = m.y[eye[1]];
        double w = Math.hypot(bx - ax, by - ay);
        if (w < 4) {
            return 0;
        }
        double ux = (bx - ax) / w; // along the eye
        double uy = (by - ay) / w;
        double nx = -uy; // across it
        double ny = ux;
        double cx = (m.x[eye[2]] + m.x[eye[3]]) / 2;
        double cy = (m.y[eye[2]] + m.y[eye[3]]) / 2;
        double reach = 0.45 * w;
        if (!load(frame, cx, cy, w + reach)) {
            return 0;
        }
        double best = 0;
        int n = (int) (2 * reach / STEP) + 1;
        if (line.length < n) {
            line = new double[n];
        }
        for (double along : LINES) {
            double sx = cx + along * w * ux;
            double sy = cy + along * w * uy;
            for (int i = 0; i < n; i++) {
                double t = -reach + i * STEP;
                line[i] = sample(sx + t * nx, sy + t * ny);
            }
            best = Math.max(best, darkRun(line, n, STEP) / w);
        }
        return best;
    }

    /**
     * How much darker than the skin the line's first {@code n} samples are, summed along it (px, weighted by the share of
     * the skin's brightness missing): an iris about a third of the eye's width tall and half as
     * bright as the skin gives a sixth of the width; the lashes' thin line a few hundredths. Blur
     * spreads the darkness but keeps its sum, so a small, soft face reads as a large, sharp one.
     */
    private static double darkRun(double[] line, int n, double step) {
        int edge = Math.max(1, n / 6);
        double skin = 0;
        for (int i = 0; i < edge; i++) {
            skin += line[i] + line[n - 1 - i];
        }
        skin /= 2 * edge;
        if (skin < 8) {
            return 0; // nothing to read in the dark
        }
        double mass = 0;
        for (int i = edge; i < n - edge; i++) {
            mass += Math.max(0, skin - line[i]) / skin * step;
        }
        return mass;
    }

    /** Copies the grey square of side {@code 2 r} around (cx, cy) into the buffer. */
    private boolean load(Mat frame, double cx, double cy, double r) {
        int x0 = (int) Math.max(0, Math.floor(cx - r));
        int y0 = (int) Math.max(0, Math.floor(cy - r));
        int x1 = (int) Math.min(frame.cols(), Math.ceil(cx + r));
        int y1 = (int) Math.min(frame.rows(), Math.ceil(cy + r));
        if (x1 - x0 < 4 || y1 - y0 < 4) {
            return false;
        }
        Mat sub = frame.submat(new Rect(x0, y0, x1 - x0, y1 - y0));
        Imgproc.cvtColor(sub, roi, Imgproc.COLOR_BGR2GRAY);
        sub.release();
        width = roi.cols();
        height = roi.rows();
        if (pixels.length < width * height) {
            pixels = new byte[width * height];
        }
        roi.get(0, 0, pixels);
        ox = x0;
        oy = y0;
        return true;
    }

    private double sample(double x, double y) {
        double fx = Math.max(0, Math.min(width - 1.001, x - ox));
        double fy = Math.max(0, Math.min(height - 1.001, y - oy));
        int ix = (int) fx;
        int iy = (int) fy;
        double dx = fx - ix;
        double dy = fy - iy;
        int i = iy * width + ix;
        double top = (pixels[i] & 0xff) * (1 - dx) + (pixels[i + 1] & 0xff) * dx;
        double bottom = (pixels[i + width] & 0xff) * (1 - dx) + (pixels[i + width + 1] & 0xff) * dx;
        return top * (1 - dy) + bottom * dy;
    }

    void close() {
        roi.release();
    }
}
