package jp.kenpo.kiosk.capture.face;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfFloat6;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.opencv.imgproc.Subdiv2D;

import jp.kenpo.kiosk.capture.OpenCv;
import jp.kenpo.kiosk.core.face.Pose;

/**
 * Generates labelled 640×480 face frames from the two public-domain photos in
 * {@code src/test/resources/faces/} (see SOURCES.md): the face mesh of each photo (468 points with
 * depth) is turned in 3-D about the vertical axis and the photo is warped triangle by triangle onto
 * the turned points, so the nose, which stands out of the face, shifts against the cheeks as on a
 * real turn; the jaw is lowered and the inner mouth darkened for an open mouth. Also: several
 * faces, scale/position/light variations and flat-photo attacks (the whole frontal picture warped
 * in perspective as a print turned towards the camera). Labels come from the generator.
 */
public final class FaceFixtures {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;

    public enum Kind { FRONTAL, TURNED, TWO_FACES, FLAT_PHOTO }

    /** One generated frame and what it shows. */
    public record Frame(Mat image, Kind kind, Pose pose, double yawDegrees) {
    }

    /** A photo with its face mesh. */
    static final class Portrait {
        final Mat image;
        final double[] x;
        final double[] y;
        final double[] z;
        final double faceWidth;

        Portrait(Mat image, FaceLandmarker.Mesh mesh) {
            this.image = image;
            this.x = mesh.x.clone();
            this.y = mesh.y.clone();
            this.z = mesh.z.clone();
            this.faceWidth = x[454] - x[234];
        }
    }

    private static final int[] INNER_LIPS = {78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308, 324, 318, 402, 317, 14,
        87, 178, 88, 95};

    private final List<Portrait> portraits = new ArrayList<>();

    public FaceFixtures() {
        OpenCv.load();
        try (FaceDetector detector = new FaceDetector(); FaceLandmarker landmarker = new FaceLandmarker()) {
            for (String name : List.of("astronaut.jpg", "grace_hopper.jpg")) {
                Mat img = read("/faces/" + name);
                FaceDetector.Face face = detector.detect(img).get(0);
                portraits.add(new Portrait(img, landmarker.landmarks(img, face, new FaceLandmarker.Mesh())));
            }
        }
    }

    private static Mat read(String resource) {
        try (InputStream in = FaceFixtures.class.getResourceAsStream(resource)) {
            MatOfByte bytes = new MatOfByte(in.readAllBytes());
            Mat m = Imgcodecs.imdecode(bytes, Imgcodecs.IMREAD_COLOR);
            bytes.release();
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int portraits() {
        return portraits.size();
    }

    /** A frame of one portrait turned {@code yawDegrees} (positive: the member's right) with the mouth as given. */
    public Frame pose(int portrait, double yawDegrees, boolean mouthOpen, Random r) {
        return pose(portrait, yawDegrees, mouthOpen, Double.NaN, r);
    }

    /**
     * As {@link #pose(int, double, boolean, Random)}, the face {@code faceWidthPx} wide from cheek to
     * cheek (NaN: 30–42 % of the frame's width).
     */
    public Frame pose(int portrait, double yawDegrees, boolean mouthOpen, double faceWidthPx, Random r) {
        Portrait p = portraits.get(portrait);
        Mat face = warp(p, yawDegrees, mouthOpen ? 0.45 + 0.15 * r.nextDouble() : 0);
        double share = Double.isNaN(faceWidthPx) ? 0.30 + 0.12 * r.nextDouble() : faceWidthPx / WIDTH;
        Mat frame = place(face, p, share, r);
        face.release();
        light(frame, r);
        Pose.Direction d = yawDegrees > 0 ? Pose.Direction.RIGHT : yawDegrees < 0 ? Pose.Direction.LEFT
                : Pose.Direction.FRONTAL;
        return new Frame(frame, d == Pose.Direction.FRONTAL ? Kind.FRONTAL : Kind.TURNED,
                new Pose(d, mouthOpen ? Pose.Mouth.OPEN : Pose.Mouth.CLOSED), yawDegrees);
    }

    /** Both portraits side by side, frontal. */
    public Frame twoFaces(Random r) {
        Mat frame = new Mat(HEIGHT, WIDTH, CvType.CV_8UC3, new Scalar(110, 115, 120));
        for (int i = 0; i < 2; i++) {
            Portrait p = portraits.get(i);
            double scale = 0.22 * WIDTH / p.faceWidth;
            Mat small = new Mat();
            Imgproc.resize(p.image, small, new Size(), scale, scale, Imgproc.INTER_AREA);
            double cx = (p.x[234] + p.x[454]) / 2 * scale;
            double cy = p.y[1] * scale;
            paste(frame, small, (int) Math.round((i == 0 ? 0.27 : 0.73) * WIDTH - cx),
                    (int) Math.round(0.5 * HEIGHT - cy + r.nextInt(20) - 10));
            small.release();
        }
        return new Frame(frame, Kind.TWO_FACES, Pose.FRONTAL_CLOSED, 0);
    }

    /**
     * A frontal photo held up and turned {@code degrees} about its vertical axis: the whole
     * picture is warped in perspective (a pinhole camera, focal length = frame width).
     */
    public Frame flatPhoto(int portrait, double degrees, Random r) {
        Frame frontal = pose(portrait, 0, false, r);
        Mat out = turnedPrint(frontal.image(), degrees, new Scalar(90, 95, 100));
        frontal.image().release();
        return new Frame(out, Kind.FLAT_PHOTO, Pose.FRONTAL_CLOSED, degrees);
    }

    /**
     * The frame as a flat print at the camera's focal distance (focal length = frame width), turned {@code degrees}
     * about the vertical axis through its centre, seen through the same pinhole camera; {@code border} around it.
     */
    static Mat turnedPrint(Mat frame, double degrees, Scalar border) {
        double f = frame.cols();
        double cx = frame.cols() / 2.0;
        double cy = frame.rows() / 2.0;
        double t = Math.toRadians(degrees);
        Point[] from = {new Point(0, 0), new Point(frame.cols(), 0), new Point(frame.cols(), frame.rows()),
            new Point(0, frame.rows())};
        Point[] to = new Point[4];
        for (int i = 0; i < 4; i++) {
            double x = from[i].x - cx;
            double y = from[i].y - cy;
            double depth = f + x * Math.sin(t);
            to[i] = new Point(cx + f * x * Math.cos(t) / depth, cy + f * y / depth);
        }
        MatOfPoint2f src = new MatOfPoint2f(from);
        MatOfPoint2f dst = new MatOfPoint2f(to);
        Mat h = Imgproc.getPerspectiveTransform(src, dst);
        Mat out = new Mat();
        Imgproc.warpPerspective(frame, out, h, frame.size(), Imgproc.INTER_LINEAR, Core.BORDER_CONSTANT, border);
        src.release();
        dst.release();
        h.release();
        return out;
    }

    /** The photo warped onto its own mesh turned about the vertical axis, with the jaw lowered by {@code open}. */
    private Mat warp(Portrait p, double yawDegrees, double open) {
        int n = p.x.length;
        double a = Math.toRadians(yawDegrees);
        double cx = (p.x[234] + p.x[454]) / 2;
        double cz = (p.z[234] + p.z[454]) / 2;
        double chinY = p.y[152];
        double drop = open * (p.x[308] - p.x[78]);
        List<Point> src = new ArrayList<>();
        List<Point> dst = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Turned to the member's right, points nearer the camera (smaller z) move to the image's left.
            double tx = cx + (p.x[i] - cx) * Math.cos(a) + (p.z[i] - cz) * Math.sin(a);
            double ty = p.y[i];
            if (drop > 0 && isBelowMouthLine(p, i)) {
                double w = Math.max(0, Math.min(1, 1 - (p.y[i] - cornerY(p)) / Math.max(1, chinY - cornerY(p)) * 0.5));
                ty += drop * w;
            }
            src.add(new Point(p.x[i], p.y[i]));
            dst.add(new Point(tx, ty));
        }
        // Fixed points around the face keep the background and hair in place.
        double fw = p.faceWidth;
        double fy = p.y[1];
        for (int k = 0; k < 16; k++) {
            double ang = 2 * Math.PI * k / 16;
            Point q = new Point(cx + 1.1 * fw * Math.cos(ang), fy + 1.3 * fw * Math.sin(ang));
            src.add(q);
            dst.add(q);
        }
        for (Point q : new Point[] {new Point(0, 0), new Point(p.image.cols() - 1, 0),
            new Point(p.image.cols() - 1, p.image.rows() - 1), new Point(0, p.image.rows() - 1)}) {
            src.add(q);
            dst.add(q);
        }
        Mat out = p.image.clone();
        warpTriangles(p.image, out, src, dst);
        if (drop > 0) {
            Point[] lips = new Point[INNER_LIPS.length];
            for (int i = 0; i < lips.length; i++) {
                lips[i] = dst.get(INNER_LIPS[i]);
            }
            MatOfPoint poly = new MatOfPoint(lips);
            Imgproc.fillPoly(out, List.of(poly), new Scalar(35, 30, 60));
            poly.release();
        }
        return out;
    }

    /** Lower lip, chin and jaw under the line through the mouth corners: what moves when the mouth opens. */
    private static boolean isBelowMouthLine(Portrait p, int i) {
        double mouthLeft = p.x[61] - 0.15 * p.faceWidth;
        double mouthRight = p.x[291] + 0.15 * p.faceWidth;
        return i != 78 && i != 308 && p.x[i] > mouthLeft && p.x[i] < mouthRight && p.y[i] > cornerY(p) + 0.5;
    }

    private static double cornerY(Portrait p) {
        return (p.y[78] + p.y[308]) / 2;
    }

    private static void warpTriangles(Mat from, Mat to, List<Point> src, List<Point> dst) {
        Rect bounds = new Rect(0, 0, from.cols(), from.rows());
        Subdiv2D sub = new Subdiv2D(bounds);
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < src.size(); i++) {
            Point s = src.get(i);
            if (!bounds.contains(s) || index.containsKey(key(s))) {
                continue;
            }
            index.put(key(s), i);
            sub.insert(s);
        }
        MatOfFloat6 tris = new MatOfFloat6();
        sub.getTriangleList(tris);
        float[] t = tris.toArray();
        tris.release();
        for (int k = 0; k + 5 < t.length; k += 6) {
            Integer a = index.get(key(new Point(t[k], t[k + 1])));
            Integer b = index.get(key(new Point(t[k + 2], t[k + 3])));
            Integer c = index.get(key(new Point(t[k + 4], t[k + 5])));
            if (a == null || b == null || c == null) {
                continue;
            }
            triangle(from, to, new Point[] {src.get(a), src.get(b), src.get(c)},
                    new Point[] {dst.get(a), dst.get(b), dst.get(c)});
        }
    }

    private static long key(Point p) {
        return Math.round(p.x * 4) * 1_000_000L + Math.round(p.y * 4);
    }

    private static void triangle(Mat from, Mat to, Point[] s, Point[] d) {
        Rect rs = Imgproc.boundingRect(new MatOfPoint(s));
        Rect rd = Imgproc.boundingRect(new MatOfPoint(d));
        rs = clip(rs, from);
        rd = clip(rd, to);
        if (rs.width <= 0 || rs.height <= 0 || rd.width <= 0 || rd.height <= 0) {
            return;
        }
        Point[] sl = new Point[3];
        Point[] dl = new Point[3];
        Point[] dm = new Point[3];
        for (int i = 0; i < 3; i++) {
            sl[i] = new Point(s[i].x - rs.x, s[i].y - rs.y);
            dl[i] = new Point(d[i].x - rd.x, d[i].y - rd.y);
            dm[i] = new Point(Math.round(dl[i].x), Math.round(dl[i].y));
        }
        Mat m = Imgproc.getAffineTransform(new MatOfPoint2f(sl), new MatOfPoint2f(dl));
        Mat srcRoi = from.submat(rs);
        Mat warped = new Mat();
        Imgproc.warpAffine(srcRoi, warped, m, rd.size(), Imgproc.INTER_LINEAR, Core.BORDER_REFLECT_101);
        Mat mask = Mat.zeros(rd.height, rd.width, CvType.CV_8UC1);
        Imgproc.fillConvexPoly(mask, new MatOfPoint(dm), new Scalar(255));
        Mat dstRoi = to.submat(rd);
        warped.copyTo(dstRoi, mask);
        for (Mat x : new Mat[] {m, srcRoi, warped, mask, dstRoi}) {
            x.release();
        }
    }

    private static Rect clip(Rect r, Mat m) {
        int x0 = Math.max(0, r.x);
        int y0 = Math.max(0, r.y);
        int x1 = Math.min(m.cols(), r.x + r.width);
        int y1 = Math.min(m.rows(), r.y + r.height);
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    /** The face scaled to {@code widthShare} of the frame and centred near the middle. */
    private static Mat place(Mat face, Portrait p, double widthShare, Random r) {
        double scale = widthShare * WIDTH / p.faceWidth;
        Mat small = new Mat();
        Imgproc.resize(face, small, new Size(), scale, scale, scale < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
        Mat frame = new Mat(HEIGHT, WIDTH, CvType.CV_8UC3, new Scalar(110 + r.nextInt(40), 115, 120));
        double cx = (p.x[234] + p.x[454]) / 2 * scale;
        double cy = (p.y[10] + p.y[152]) / 2 * scale;
        int ox = (int) Math.round(WIDTH / 2.0 - cx + (r.nextDouble() - 0.5) * 0.1 * WIDTH);
        int oy = (int) Math.round(HEIGHT / 2.0 - cy + (r.nextDouble() - 0.5) * 0.1 * HEIGHT);
        paste(frame, small, ox, oy);
        small.release();
        return frame;
    }

    private static void paste(Mat frame, Mat img, int ox, int oy) {
        int x0 = Math.max(0, ox);
        int y0 = Math.max(0, oy);
        int x1 = Math.min(frame.cols(), ox + img.cols());
        int y1 = Math.min(frame.rows(), oy + img.rows());
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        Mat src = img.submat(y0 - oy, y1 - oy, x0 - ox, x1 - ox);
        Mat dst = frame.submat(y0, y1, x0, x1);
        src.copyTo(dst);
        src.release();
        dst.release();
    }

    /** Brightness 0.75–1.2 and a little sensor noise. */
    private static void light(Mat frame, Random r) {
        double gain = 0.75 + 0.45 * r.nextDouble();
        frame.convertTo(frame, -1, gain, 0);
        Mat noise = new Mat(frame.size(), frame.type());
        Core.randn(noise, 128, 4);
        Core.addWeighted(frame, 1, noise, 1, -128, frame);
        noise.release();
    }
}
