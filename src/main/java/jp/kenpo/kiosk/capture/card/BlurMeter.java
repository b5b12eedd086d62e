package jp.kenpo.kiosk.capture.card;

import java.util.Arrays;

/**
 * How blurred the card is, in pixels of the camera's picture: the standard deviation σ of the
 * Gaussian blur that would give the card's edges the slopes they have.
 *
 * <p>A sharp step of contrast C blurred by a Gaussian of σ pixels rises with a steepest slope of
 * C / (σ √(2π)) luma per pixel; so each step's σ is its rise divided by √(2π) times its steepest
 * slope — the print's contrast, its colour and the light cancel out. The meter reads the picture
 * along lines across the card in the card's own directions (its print runs along them), one pixel
 * at a time, finds the steps of at least {@link #MIN_RISE} levels, and takes the 70th percentile of
 * each direction's σ ({@link #QUANTILE}); the card's blur is the larger of the two, so blur by
 * motion, which smears only one direction, counts. A motion of L pixels reads as about 0.3–0.45 L
 * (the Gaussian with the same slope).
 *
 * <p>Sampling on the pixel grid makes a perfectly sharp step read about {@link #GRID} px; that much
 * is taken off in quadrature, so the result is the blur the lens and the movement added.
 */
final class BlurMeter {

    /**
     * Each direction's figure is this quantile of its steps' σ: print finer than the blur (a thin
     * stroke smeared by motion, a hairline under a Gaussian) reads less than the blur, never
     * more; soft print (a drawn face's shading) reads more. The 70th percentile stays with the blur.
     */
    static final double QUANTILE = 0.7;
    /** Steps with less rise than this are left out: noise, JPEG blocks and faint print. */
    static final double MIN_RISE = 24;
    /** What a perfectly sharp step reads on the pixel grid. */
    static final double GRID = 0.8;
    private static final double ROOT_2PI = Math.sqrt(2 * Math.PI);
    /** A step wider than this (each side of its steepest point) is not measured: σ up to about 7 px. */
    private static final int HALF_WIDTH = 18;
    private static final double[] ACROSS = {0.22, 0.32, 0.42, 0.52, 0.62, 0.72, 0.82};
    private static final double[] DOWN = {0.12, 0.22, 0.32, 0.42, 0.52, 0.62, 0.72, 0.82, 0.92};

    private double[] profile = new double[2048];
    private final double[] horizontal = new double[4096];
    private final double[] vertical = new double[4096];

    /**
     * Gaussian-equivalent blur σ in pixels of the card that {@code h} maps the unit square onto, or
     * NaN when the card shows too few steps to tell.
     */
    double measure(FramePixels img, Homography h) {
        int nh = 0;
        int nv = 0;
        for (double v : ACROSS) {
            // along the card's width: the card's vertical strokes and edges
            nh = scan(img, h, 0.02, v, 0.98, v, horizontal, nh);
        }
        for (double u : DOWN) {
            nv = scan(img, h, u, 0.03, u, 0.97, vertical, nv);
        }
        double a = quantile(horizontal, nh, QUANTILE);
        double b = quantile(vertical, nv, QUANTILE);
        double raw = Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
        if (Double.isNaN(raw)) {
            return Double.NaN;
        }
        return Math.sqrt(Math.max(0, raw * raw - GRID * GRID));
    }

    private int scan(FramePixels img, Homography h, double u0, double v0, double u1, double v1, double[] out, int n) {
        double x0 = h.x(u0, v0);
        double y0 = h.y(u0, v0);
        double x1 = h.x(u1, v1);
        double y1 = h.y(u1, v1);
        double len = Math.hypot(x1 - x0, y1 - y0);
        int count = (int) len;
        if (count < 8) {
            return n;
        }
        if (profile.length < count) {
            profile = new double[count];
        }
        double dx = (x1 - x0) / len;
        double dy = (y1 - y0) / len;
        int m = 0;
        for (int i = 0; i < count; i++) {
            double v = img.luma(x0 + i * dx, y0 + i * dy);
            if (!Double.isNaN(v)) {
                profile[m++] = v;
            } else if (m > 0) {
                break; // left the picture
            }
        }
        for (int i = 2; i < m - 2 && n < out.length; i++) {
            double g = (profile[i + 1] - profile[i - 1]) / 2;
            double gl = (profile[i] - profile[i - 2]) / 2;
            double gr = (profile[i + 2] - profile[i]) / 2;
            double ag = Math.abs(g);
            if (ag < 1 || ag < Math.abs(gl) || ag <= Math.abs(gr)) {
                continue;
            }
            // walk out to where the step ends: the slope falls below a tenth or turns
            int left = i;
            while (left > 1 && i - left < HALF_WIDTH) {
                double s = (profile[left] - profile[left - 2]) / 2;
                if (s * g <= 0 || Math.abs(s) < 0.1 * ag) {
                    break;
                }
                left--;
            }
            int right = i;
            while (right < m - 2 && right - i < HALF_WIDTH) {
                double s = (profile[right + 2] - profile[right]) / 2;
                if (s * g <= 0 || Math.abs(s) < 0.1 * ag) {
                    break;
                }
                right++;
            }
            if (i - left >= HALF_WIDTH || right - i >= HALF_WIDTH) {
                continue;
            }
            double rise = Math.abs(profile[right] - profile[left]);
            if (rise < MIN_RISE) {
                continue;
            }
            out[n++] = rise / (ROOT_2PI * ag);
        }
        return n;
    }

    private static double quantile(double[] v, int n, double q) {
        if (n < 3) {
            return Double.NaN;
        }
        Arrays.sort(v, 0, n);
        double at = q * (n - 1);
        int i = (int) at;
        return i + 1 < n ? v[i] + (at - i) * (v[i + 1] - v[i]) : v[i];
    }
}
