package jp.kenpo.kiosk.capture.card;

import jp.kenpo.kiosk.core.config.MaskRegion;

/**
 * What the four corners of a rectangle in a camera picture say about the rectangle, by plane
 * projective geometry: its true proportions (width over height, whatever the perspective), how far
 * it is tilted out of the picture's plane, and its turn within the picture.
 *
 * <p>The camera is a pinhole with square pixels and its principal point at the picture's centre.
 * Its focal length is taken from the rectangle itself when the perspective is strong enough to
 * tell it (the two vanishing directions of a rectangle's sides must be at right angles, Zhang and
 * He, "Whiteboard scanning and image enhancement", 2007), kept within the fields of view USB
 * webcams have (45–100° across); when the rectangle is seen nearly face on, the proportions do
 * not depend on the focal length and a nominal 70° camera is used. So a card tilted 45° away
 * from the camera still measures 85.60 : 53.98, while an A4 sheet (1.414) or a phone (about 2.07)
 * does not, however they are turned.
 */
public final class CardGeometry {

    /** ID-1 (ISO/IEC 7810): 85.60 × 53.98 mm. */
    public static final double ID1_ASPECT = MaskRegion.CARD_WIDTH_MM / MaskRegion.CARD_HEIGHT_MM;
    static final double MIN_HFOV_DEG = 45;
    static final double MAX_HFOV_DEG = 100;
    static final double NOMINAL_HFOV_DEG = 70;

    /**
     * The rectangle's pose.
     *
     * @param aspect the length of the side from corner 0 to corner 1 over the side from 1 to 2, as
     *               it is on the rectangle itself
     * @param tilt   degrees between the rectangle's plane and the picture's plane (0 = face on)
     * @param roll   degrees the side from corner 0 to corner 1 is turned from the horizontal
     *               (clockwise positive, as y grows downwards)
     * @param focal  the focal length used, in pixels
     */
    public record Pose(double aspect, double tilt, double roll, double focal) {
        /** How far the proportions are from ID-1's, as a share (0.05 = 5 %). */
        public double aspectError() {
            return Math.abs(aspect / ID1_ASPECT - 1);
        }
    }

    private CardGeometry() {
    }

    /**
     * The pose of the quadrilateral {@code x[i], y[i]} (i = 0..3, clockwise in the picture, y down)
     * seen in a picture of {@code width × height} pixels, or {@code null} when the four points are
     * not the picture of a rectangle in front of the camera.
     */
    public static Pose pose(double[] x, double[] y, int width, int height) {
        double cx = width / 2.0;
        double cy = height / 2.0;
        // Zhang and He name the rectangle's corners m1 (0,0), m2 (w,0), m3 (0,h), m4 (w,h).
        double[] m1 = {x[0] - cx, y[0] - cy, 1};
        double[] m2 = {x[1] - cx, y[1] - cy, 1};
        double[] m4 = {x[2] - cx, y[2] - cy, 1};
        double[] m3 = {x[3] - cx, y[3] - cy, 1};
        double[] m14 = cross(m1, m4);
        double d2 = dot(cross(m2, m4), m3);
        double d3 = dot(cross(m3, m4), m2);
        if (Math.abs(d2) < 1e-9 || Math.abs(d3) < 1e-9) {
            return null;
        }
        double k2 = dot(m14, m3) / d2;
        double k3 = dot(m14, m2) / d3;
        if (k2 <= 0 || k3 <= 0) {
            return null; // a corner behind the camera: not a rectangle in front of it
        }
        double[] n2 = {k2 * m2[0] - m1[0], k2 * m2[1] - m1[1], k2 * m2[2] - m1[2]};
        double[] n3 = {k3 * m3[0] - m1[0], k3 * m3[1] - m1[1], k3 * m3[2] - m1[2]};
        double f = focal(n2, n3, width);
        double f2 = f * f;
        double w2 = n2[0] * n2[0] + n2[1] * n2[1] + f2 * n2[2] * n2[2];
        double h2 = n3[0] * n3[0] + n3[1] * n3[1] + f2 * n3[2] * n3[2];
        if (h2 <= 0 || w2 <= 0) {
            return null;
        }
        double aspect = Math.sqrt(w2 / h2);
        // The rectangle's sides in camera space, and the plane's normal.
        double[] r1 = {n2[0] / f, n2[1] / f, n2[2]};
        double[] r2 = {n3[0] / f, n3[1] / f, n3[2]};
        double[] normal = cross(r1, r2);
        double len = Math.sqrt(dot(normal, normal));
        double tilt = len == 0 ? 90 : Math.toDegrees(Math.acos(Math.min(1, Math.abs(normal[2]) / len)));
        double roll = Math.toDegrees(Math.atan2((y[1] - y[0]) + (y[2] - y[3]), (x[1] - x[0]) + (x[2] - x[3])));
        return new Pose(aspect, tilt, roll, f);
    }

    /**
     * The focal length that makes the two side directions perpendicular, within the webcams'
     * range; the nominal one when the picture is too close to face on to tell.
     */
    private static double focal(double[] n2, double[] n3, int width) {
        double nominal = focalFor(NOMINAL_HFOV_DEG, width);
        double den = n2[2] * n3[2];
        if (Math.abs(den) < 1e-12) {
            return nominal;
        }
        double f2 = -(n2[0] * n3[0] + n2[1] * n3[1]) / den;
        if (!(f2 > 0)) {
            return nominal;
        }
        return Math.max(focalFor(MAX_HFOV_DEG, width), Math.min(focalFor(MIN_HFOV_DEG, width), Math.sqrt(f2)));
    }

    static double focalFor(double hfovDeg, int width) {
        return width / 2.0 / Math.tan(Math.toRadians(hfovDeg / 2));
    }

    /**
     * Orders four points as the card's corners: clockwise, starting at the top-left of the card
     * held the right way round (its long side across, the first side pointing rightwards).
     * Returns the index order into {@code x}/{@code y}, or {@code null} when the points do not
     * form a proper quadrilateral.
     */
    public static int[] cardOrder(double[] x, double[] y, int width, int height) {
        double mx = (x[0] + x[1] + x[2] + x[3]) / 4;
        double my = (y[0] + y[1] + y[2] + y[3]) / 4;
        double[] angle = new double[4];
        int[] cw = {0, 1, 2, 3};
        for (int i = 0; i < 4; i++) {
            angle[i] = Math.atan2(y[i] - my, x[i] - mx);
        }
        for (int i = 1; i < 4; i++) { // four points: an insertion sort by angle
            for (int j = i; j > 0 && angle[cw[j]] < angle[cw[j - 1]]; j--) {
                int t = cw[j];
                cw[j] = cw[j - 1];
                cw[j - 1] = t;
            }
        }
        Pose p = pose(pick(x, cw), pick(y, cw), width, height);
        if (p == null) {
            return null;
        }
        int start = p.aspect() >= 1 ? 0 : 1; // the long side first
        int[] a = rotate(cw, start);
        int[] b = rotate(cw, start + 2);
        double dxA = x[a[1]] - x[a[0]] + x[a[2]] - x[a[3]];
        return dxA >= 0 ? a : b;
    }

    private static int[] rotate(int[] order, int by) {
        int[] out = new int[4];
        for (int i = 0; i < 4; i++) {
            out[i] = order[(i + by) % 4];
        }
        return out;
    }

    private static double[] pick(double[] v, int[] order) {
        double[] out = new double[4];
        for (int i = 0; i < 4; i++) {
            out[i] = v[order[i]];
        }
        return out;
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
