package jp.kenpo.kiosk.capture;

import static jp.kenpo.kiosk.capture.Measures.msSince;
import static jp.kenpo.kiosk.capture.Measures.round;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import jp.kenpo.kiosk.core.document.CardReason;

/**
 * Finds an ID-1 card (85.60 × 53.98 mm) in a camera frame and judges whether it is good enough
 * to keep: four corners, perspective-corrected to {@link #CARD_WIDTH}×{@link #CARD_HEIGHT}, then
 * sharpness, glare, exposure, fill, tilt and whether it is cut off by the frame's edge.
 *
 * <p>Not thread-safe: one analyzer per capture thread. Its working images are kept between
 * frames, so a frame allocates no new pixel buffers once the sizes are settled.
 */
public final class CardAnalyzer implements AutoCloseable {

    public static final double ID1_RATIO = 85.60 / 53.98;
    /** Corrected card size: about 10 px/mm, enough for the small print. */
    public static final int CARD_WIDTH = 856;
    public static final int CARD_HEIGHT = 540;

    /** Thresholds, tuned on the generated fixtures (see CardAnalyzerAccuracyTest). */
    static final double MIN_SHARPNESS = 60;
    static final double MAX_GLARE = 0.015;
    static final double MIN_EXPOSURE = 70;
    static final double MIN_FILL = 0.12;
    static final double MAX_TILT = 12;
    /** ID-1 is 1.586; A-size paper 1.414 and phones 2.0+ fall outside. */
    static final double MIN_RATIO = 1.49;
    static final double MAX_RATIO = 1.70;
    private static final int WORK_WIDTH = 640;

    static {
        OpenCv.load(); // before the fields below, which are native images
    }

    private final Mat small = new Mat();
    private final Mat gray = new Mat();
    private final Mat edges = new Mat();
    private final Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(3, 3));
    private final Mat hierarchy = new Mat();
    private final Mat card = new Mat();
    private final Mat cardGray = new Mat();
    private final Mat laplacian = new Mat();
    private final Mat bright = new Mat();
    private final MatOfPoint2f curve = new MatOfPoint2f();
    private final MatOfInt hullIdx = new MatOfInt();
    private final MatOfPoint2f approx = new MatOfPoint2f();
    private final MatOfDouble mean = new MatOfDouble();
    private final MatOfDouble std = new MatOfDouble();

    public CardAnalyzer() {
    }

    /** Analyzes a BGR frame. */
    public CardAnalysis analyze(Mat frame) {
        long start = System.nanoTime();
        double scale = frame.cols() > WORK_WIDTH ? (double) WORK_WIDTH / frame.cols() : 1.0;
        if (scale < 1.0) {
            Imgproc.resize(frame, small, new Size(), scale, scale, Imgproc.INTER_AREA);
        } else {
            frame.copyTo(small);
        }
        Point[] quad = findQuad(small);
        if (quad == null) {
            return new CardAnalysis(false, List.of(), 0, 0, 0, 0, 0, false, List.of(CardReason.NOT_FOUND),
                    msSince(start));
        }
        for (Point p : quad) {
            p.x /= scale;
            p.y /= scale;
        }
        warp(frame, quad, card);
        Imgproc.cvtColor(card, cardGray, Imgproc.COLOR_BGR2GRAY);
        double sharpness = Measures.sharpness(cardGray, laplacian, mean, std);
        double exposure = Core.mean(cardGray).val[0];
        Imgproc.threshold(cardGray, bright, 250, 255, Imgproc.THRESH_BINARY);
        double glare = Core.countNonZero(bright) / (double) (cardGray.rows() * cardGray.cols());
        double fill = area(quad) / ((double) frame.cols() * frame.rows());
        double tilt = Math.toDegrees(Math.atan2(quad[1].y - quad[0].y, quad[1].x - quad[0].x));

        List<CardReason> reasons = new ArrayList<>();
        double margin = 0.01 * Math.max(frame.cols(), frame.rows());
        for (Point p : quad) {
            if (p.x < margin || p.y < margin || p.x > frame.cols() - 1 - margin || p.y > frame.rows() - 1 - margin) {
                reasons.add(CardReason.CUT_OFF);
                break;
            }
        }
        if (fill < MIN_FILL) {
            reasons.add(CardReason.TOO_SMALL);
        }
        if (Math.abs(tilt) > MAX_TILT) {
            reasons.add(CardReason.TILTED);
        }
        if (exposure < MIN_EXPOSURE) {
            reasons.add(CardReason.TOO_DARK);
        }
        if (glare > MAX_GLARE) {
            reasons.add(CardReason.GLARE);
        }
        if (sharpness < MIN_SHARPNESS) {
            reasons.add(CardReason.BLURRY);
        }
        List<double[]> corners = new ArrayList<>(4);
        for (Point p : quad) {
            corners.add(new double[] {round(p.x, 1), round(p.y, 1)});
        }
        return new CardAnalysis(true, corners, round(sharpness, 1), round(glare, 4), round(exposure, 1), round(fill, 4),
                round(tilt, 1), reasons.isEmpty(), List.copyOf(reasons), msSince(start));
    }

    /**
     * The perspective-corrected card of the last analyzed frame in which one was found; the analyzer's
     * own image, valid until the next {@link #analyze}.
     */
    public Mat corrected() {
        return card;
    }

    /** The card, perspective-corrected to ID-1 proportions, into {@code out}. */
    public static void warp(Mat frame, Point[] quad, Mat out) {
        MatOfPoint2f src = new MatOfPoint2f(quad);
        MatOfPoint2f dst = new MatOfPoint2f(new Point(0, 0), new Point(CARD_WIDTH - 1, 0),
                new Point(CARD_WIDTH - 1, CARD_HEIGHT - 1), new Point(0, CARD_HEIGHT - 1));
        Mat m = Imgproc.getPerspectiveTransform(src, dst);
        Imgproc.warpPerspective(frame, out, m, new Size(CARD_WIDTH, CARD_HEIGHT), Imgproc.INTER_LINEAR);
        m.release();
        src.release();
        dst.release();
    }

    /** The largest convex four-cornered outline with a card's proportions, clockwise from top-left. */
    private Point[] findQuad(Mat image) {
        Imgproc.cvtColor(image, gray, Imgproc.COLOR_BGR2GRAY);
        Imgproc.GaussianBlur(gray, gray, new Size(5, 5), 0);
        // Stretch the contrast so a dim room or a soft focus still shows the card's outline.
        Core.normalize(gray, gray, 0, 255, Core.NORM_MINMAX);
        Imgproc.Canny(gray, edges, 20, 60);
        Imgproc.morphologyEx(edges, edges, Imgproc.MORPH_CLOSE, kernel);
        List<MatOfPoint> contours = new ArrayList<>();
        Imgproc.findContours(edges, contours, hierarchy, Imgproc.RETR_LIST, Imgproc.CHAIN_APPROX_SIMPLE);
        double minArea = 0.03 * image.cols() * image.rows();
        Point[] best = null;
        double bestArea = 0;
        for (MatOfPoint c : contours) {
            double a = Imgproc.contourArea(c);
            if (a > minArea && a > bestArea) {
                Imgproc.convexHull(c, hullIdx);
                MatOfPoint hull = hullPoints(c, hullIdx);
                hull.convertTo(curve, CvType.CV_32F);
                hull.release();
                double perimeter = Imgproc.arcLength(curve, true);
                Imgproc.approxPolyDP(curve, approx, 0.02 * perimeter, true);
                if (approx.rows() == 4) {
                    Point[] q = order(approx.toArray());
                    if (isConvex(q) && cardLike(q)) {
                        best = q;
                        bestArea = a;
                    }
                }
            }
            c.release();
        }
        return best;
    }

    private static MatOfPoint hullPoints(MatOfPoint contour, MatOfInt idx) {
        Point[] pts = contour.toArray();
        int[] ix = idx.toArray();
        Point[] h = new Point[ix.length];
        for (int i = 0; i < ix.length; i++) {
            h[i] = pts[ix[i]];
        }
        return new MatOfPoint(h);
    }

    private static boolean cardLike(Point[] q) {
        double top = dist(q[0], q[1]);
        double bottom = dist(q[3], q[2]);
        double left = dist(q[0], q[3]);
        double right = dist(q[1], q[2]);
        double ratio = (top + bottom) / (left + right);
        return ratio >= MIN_RATIO && ratio <= MAX_RATIO;
    }

    /** Orders four points clockwise from the top-left. */
    static Point[] order(Point[] p) {
        Point[] out = new Point[4];
        double minSum = Double.MAX_VALUE;
        double maxSum = -Double.MAX_VALUE;
        double minDiff = Double.MAX_VALUE;
        double maxDiff = -Double.MAX_VALUE;
        for (Point q : p) {
            double s = q.x + q.y;
            double d = q.x - q.y;
            if (s < minSum) {
                minSum = s;
                out[0] = q;
            }
            if (s > maxSum) {
                maxSum = s;
                out[2] = q;
            }
            if (d > maxDiff) {
                maxDiff = d;
                out[1] = q;
            }
            if (d < minDiff) {
                minDiff = d;
                out[3] = q;
            }
        }
        return out;
    }

    private static boolean isConvex(Point[] q) {
        if (q[0] == q[1] || q[1] == q[2] || q[2] == q[3] || q[3] == q[0] || q[0] == q[2] || q[1] == q[3]) {
            return false;
        }
        MatOfPoint m = new MatOfPoint(q);
        boolean convex = Imgproc.isContourConvex(m);
        m.release();
        return convex;
    }

    private static double area(Point[] q) {
        double a = 0;
        for (int i = 0; i < 4; i++) {
            Point p1 = q[i];
            Point p2 = q[(i + 1) % 4];
            a += p1.x * p2.y - p2.x * p1.y;
        }
        return Math.abs(a) / 2;
    }

    private static double dist(Point a, Point b) {
        return Math.hypot(a.x - b.x, a.y - b.y);
    }

    @Override
    public void close() {
        for (Mat m : new Mat[] {small, gray, edges, kernel, hierarchy, card, cardGray, laplacian, bright, curve,
                approx, mean, std, hullIdx}) {
            m.release();
        }
    }
}
