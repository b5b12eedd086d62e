package jp.kenpo.kiosk.capture.scenes;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;

/**
 * A pinhole camera with square pixels and the principal point at the image centre, and the rigid poses of flat
 * things (cards, desks, sheets) in front of it. Lengths are millimetres; image coordinates follow OpenCV (the centre
 * of pixel (0, 0) is the point (0, 0), so the image spans -0.5 .. width - 0.5).
 */
final class Pinhole {

    /** Sub-pixel bits used when polygons are handed to OpenCV's drawing functions. */
    static final int SHIFT = 4;

    final int width;
    final int height;
    final double hfovDeg;
    final double f;
    final double cx;
    final double cy;

    Pinhole(int width, int height, double hfovDeg) {
        this.width = width;
        this.height = height;
        this.hfovDeg = hfovDeg;
        this.f = (width / 2.0) / Math.tan(Math.toRadians(hfovDeg) / 2);
        this.cx = (width - 1) / 2.0;
        this.cy = (height - 1) / 2.0;
    }

    /** A plane in front of the camera: plane point (x, y) in mm lies at camera point R·(x, y, 0) + t. */
    static final class Pose {
        final double[] r;
        final double[] t;

        Pose(double[] r, double[] t) {
            this.r = r;
            this.t = t;
        }

        /**
         * The rotation of a plane that is first tilted out of the image plane by {@code tiltDeg} about the in-plane
         * axis at {@code axisDeg}, then rolled about the optical axis by {@code rollDeg} (clockwise on the image, as
         * y points down). The angle between the plane and the image plane is exactly the tilt.
         */
        static double[] rotation(double rollDeg, double tiltDeg, double axisDeg) {
            double th = Math.toRadians(tiltDeg);
            double ax = Math.cos(Math.toRadians(axisDeg));
            double ay = Math.sin(Math.toRadians(axisDeg));
            double c = Math.cos(th);
            double s = Math.sin(th);
            double k = 1 - c;
            // Rodrigues for the axis (ax, ay, 0)
            double[] tilt = {
                c + k * ax * ax, k * ax * ay, s * ay,
                k * ax * ay, c + k * ay * ay, -s * ax,
                -s * ay, s * ax, c };
            double ro = Math.toRadians(rollDeg);
            double[] roll = {Math.cos(ro), -Math.sin(ro), 0, Math.sin(ro), Math.cos(ro), 0, 0, 0, 1};
            return mul(roll, tilt);
        }

        double tiltDeg() {
            return Math.toDegrees(Math.acos(Math.min(1, Math.abs(r[8]))));
        }

        double[] camera(double x, double y) {
            return new double[] {r[0] * x + r[1] * y + t[0], r[3] * x + r[4] * y + t[1], r[6] * x + r[7] * y + t[2]};
        }
    }

    /** The pose of a plane with rotation r whose origin is seen at pixel (u, v) at depth z. */
    Pose poseAt(double[] r, double u, double v, double z) {
        return new Pose(r, new double[] {z * (u - cx) / f, z * (v - cy) / f, z});
    }

    /** The homography K·[r1 r2 t] taking plane millimetres (x, y, 1) to image pixels. */
    double[] homography(Pose p) {
        double[] h = new double[9];
        for (int i = 0; i < 3; i++) {
            double a = p.r[i * 3];
            double b = p.r[i * 3 + 1];
            double c = p.t[i];
            if (i == 0) {
                h[0] = f * a + cx * p.r[6];
                h[1] = f * b + cx * p.r[7];
                h[2] = f * c + cx * p.t[2];
            } else if (i == 1) {
                h[3] = f * a + cy * p.r[6];
                h[4] = f * b + cy * p.r[7];
                h[5] = f * c + cy * p.t[2];
            } else {
                h[6] = a;
                h[7] = b;
                h[8] = c;
            }
        }
        return h;
    }

    /** Pixels per millimetre of a plane at depth z, seen face on. */
    double pxPerMm(double z) {
        return f / z;
    }

    static Point apply(double[] h, double x, double y) {
        double w = h[6] * x + h[7] * y + h[8];
        return new Point((h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w);
    }

    /** Projects plane points given as x0, y0, x1, y1, ... */
    static Point[] apply(double[] h, double[] xy) {
        Point[] p = new Point[xy.length / 2];
        for (int i = 0; i < p.length; i++) {
            p[i] = apply(h, xy[2 * i], xy[2 * i + 1]);
        }
        return p;
    }

    static double[] mul(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[i * 3 + j] = a[i * 3] * b[j] + a[i * 3 + 1] * b[3 + j] + a[i * 3 + 2] * b[6 + j];
            }
        }
        return c;
    }

    static double[] invert(double[] m) {
        double a = m[4] * m[8] - m[5] * m[7];
        double b = m[5] * m[6] - m[3] * m[8];
        double c = m[3] * m[7] - m[4] * m[6];
        double det = m[0] * a + m[1] * b + m[2] * c;
        return new double[] {
            a / det, (m[2] * m[7] - m[1] * m[8]) / det, (m[1] * m[5] - m[2] * m[4]) / det,
            b / det, (m[0] * m[8] - m[2] * m[6]) / det, (m[2] * m[3] - m[0] * m[5]) / det,
            c / det, (m[1] * m[6] - m[0] * m[7]) / det, (m[0] * m[4] - m[1] * m[3]) / det};
    }

    // ---- polygons in the image ----

    static double area(Point[] p) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            Point a = p[i];
            Point b = p[(i + 1) % p.length];
            s += a.x * b.y - b.x * a.y;
        }
        return Math.abs(s) / 2;
    }

    /** minX, minY, maxX, maxY. */
    static double[] bounds(Point[] p) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Point q : p) {
            b[0] = Math.min(b[0], q.x);
            b[1] = Math.min(b[1], q.y);
            b[2] = Math.max(b[2], q.x);
            b[3] = Math.max(b[3], q.y);
        }
        return b;
    }

    /** The mean of a polygon's vertices. */
    static Point centre(Point[] p) {
        double mx = 0;
        double my = 0;
        for (Point q : p) {
            mx += q.x / p.length;
            my += q.y / p.length;
        }
        return new Point(mx, my);
    }

    /** A convex polygon pushed outwards from its centroid by d pixels at every vertex. */
    static Point[] grow(Point[] p, double d) {
        Point m = centre(p);
        Point[] g = new Point[p.length];
        for (int i = 0; i < p.length; i++) {
            double dx = p[i].x - m.x;
            double dy = p[i].y - m.y;
            double n = Math.max(1e-9, Math.hypot(dx, dy));
            g[i] = new Point(p[i].x + dx / n * d, p[i].y + dy / n * d);
        }
        return g;
    }

    /** Whether two convex polygons overlap (separating axis test). */
    static boolean overlap(Point[] a, Point[] b) {
        return !separated(a, b) && !separated(b, a);
    }

    private static boolean separated(Point[] a, Point[] b) {
        for (int i = 0; i < a.length; i++) {
            Point p = a[i];
            Point q = a[(i + 1) % a.length];
            double nx = q.y - p.y;
            double ny = p.x - q.x;
            double[] ea = extent(a, nx, ny);
            double[] eb = extent(b, nx, ny);
            if (ea[1] < eb[0] || eb[1] < ea[0]) {
                return true;
            }
        }
        return false;
    }

    /** The least and the greatest of x · nx + y · ny over a polygon's vertices: its shadow on the axis (nx, ny). */
    private static double[] extent(Point[] p, double nx, double ny) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Point s : p) {
            double v = s.x * nx + s.y * ny;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new double[] {min, max};
    }

    /** Integer polygon for OpenCV drawing with {@link #SHIFT} fractional bits, optionally scaled. */
    static MatOfPoint fixed(Point[] p, double scale) {
        Point[] q = new Point[p.length];
        double k = scale * (1 << SHIFT);
        for (int i = 0; i < p.length; i++) {
            // OpenCV's shifted coordinates put pixel centres at integers, like ours
            q[i] = new Point(Math.round(p[i].x * k), Math.round(p[i].y * k));
        }
        return new MatOfPoint(q);
    }

    static List<MatOfPoint> fixedList(Point[] p, double scale) {
        List<MatOfPoint> l = new ArrayList<>(1);
        l.add(fixed(p, scale));
        return l;
    }
}
