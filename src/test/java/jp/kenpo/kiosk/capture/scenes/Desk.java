package jp.kenpo.kiosk.capture.scenes;

import java.util.Random;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The surface behind the card: a desk top or a cloth, as a procedural texture in millimetres on its own plane, seen
 * through that plane's homography (so a wood grain or a check has its real size and perspective). Large frames are
 * shaded at half resolution and scaled up, which reads as a background slightly softer than the card.
 *
 * <p>The surfaces are those of the place the kiosk stands: the counter of a health-insurance office, where the member
 * lays the card down or holds it up over the counter. {@link #pick} therefore draws them with the shares of such
 * counters, not uniformly: desk tops most of the time (wood veneer 25 %, grey laminate 22 %, light laminate 18 %), a
 * dark rubber mat or dark cloth sometimes (15 %), and a patterned cloth (a table cloth, a scarf or a bag put on the
 * counter) rarely but still (checks 7 %, stripes 7 %, dots 6 %). Patterned fabrics come in light, mid and dark
 * grounds (about 40 / 35 / 25 %), each with an ink that contrasts with its ground, so that the patterned frames are not
 * all a white ground as bright as the card.
 */
final class Desk {

    enum Style { WOOD, GREY_DESK, LIGHT_DESK, CLOTH_CHECKS, CLOTH_STRIPES, CLOTH_DOTS, DARK_CLOTH }

    /** Random lattice values, 64 × 64, periodic. */
    private static final int LAT = 64;
    /** Texels per lattice cell in the smooth tile. */
    private static final int SUB = 8;
    private static final int TILE = LAT * SUB;
    /**
     * Smooth value noise tabulated once: a periodic tile of 64 × 64 cells at 8 texels per cell, in bytes so that it
     * stays in the cache (256 KB).
     */
    private static final byte[] SMOOTH = new byte[TILE * TILE];
    private static final double OFFSET = (1 << 24);

    static {
        Random r = new Random(0x5eed_de5cL);
        float[] lattice = new float[LAT * LAT];
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = r.nextFloat();
        }
        for (int v = 0; v < TILE; v++) {
            int iy = v / SUB;
            double ty = (v % SUB) / (double) SUB;
            ty = ty * ty * (3 - 2 * ty);
            int r0 = iy * LAT;
            int r1 = ((iy + 1) % LAT) * LAT;
            for (int u = 0; u < TILE; u++) {
                int ix = u / SUB;
                int ix1 = (ix + 1) % LAT;
                double tx = (u % SUB) / (double) SUB;
                tx = tx * tx * (3 - 2 * tx);
                double a = lattice[r0 + ix] + (lattice[r0 + ix1] - lattice[r0 + ix]) * tx;
                double b = lattice[r1 + ix] + (lattice[r1 + ix1] - lattice[r1 + ix]) * tx;
                SMOOTH[v * TILE + u] = (byte) Math.round(255 * (a + (b - a) * ty));
            }
        }
    }

    private Desk() {
    }

    /*
     * How often each surface is seen, in percent of frames (they sum to 100). A registration kiosk stands at an office
     * counter: its top (wood veneer, grey or light laminate) is what a card lies on most of the time; some counters
     * have a dark rubber mat or a dark cloth on them; a patterned cloth under the card is rare but happens.
     */
    static final int WOOD_PCT = 25;
    static final int GREY_DESK_PCT = 22;
    static final int LIGHT_DESK_PCT = 18;
    static final int DARK_CLOTH_PCT = 15;
    static final int CHECKS_PCT = 7;
    static final int STRIPES_PCT = 7;
    static final int DOTS_PCT = 6;

    private static final Style[] BY_SHARE = {Style.WOOD, Style.GREY_DESK, Style.LIGHT_DESK, Style.DARK_CLOTH,
        Style.CLOTH_CHECKS, Style.CLOTH_STRIPES, Style.CLOTH_DOTS};
    private static final int[] SHARE = {WOOD_PCT, GREY_DESK_PCT, LIGHT_DESK_PCT, DARK_CLOTH_PCT, CHECKS_PCT,
        STRIPES_PCT, DOTS_PCT};

    static {
        int sum = 0;
        for (int s : SHARE) {
            sum += s;
        }
        if (sum != 100) {
            throw new IllegalStateException("surface shares sum to " + sum);
        }
    }

    /** A surface with the shares of office counters (see the class comment). */
    static Style pick(Random r) {
        int x = r.nextInt(100);
        for (int i = 0; i < SHARE.length; i++) {
            x -= SHARE[i];
            if (x < 0) {
                return BY_SHARE[i];
            }
        }
        return BY_SHARE[BY_SHARE.length - 1];
    }

    /** A surface pattern: colour (b, g, r; 0..255) at plane point (x, y) mm, for a pixel footprint of fp mm. */
    private interface Pattern {
        void colour(double x, double y, double fp, double[] bgr);
    }

    /**
     * Paints the frame with the surface whose plane homography (mm to pixels) is h, except inside the convex
     * polygon {@code hidden} (pixels, may be null) which something opaque will cover. A surface out of the focal
     * plane ({@code defocused}, behind a held card) is shaded at a lower resolution, which also softens it.
     * Returns a short description of the surface.
     */
    static String paint(Mat frame, double[] h, Style style, Random r, Point[] hidden, boolean defocused) {
        int w = frame.cols();
        int hh = frame.rows();
        int ds = (w * hh > 400_000 ? 2 : 1) + (defocused ? 1 : 0);
        int lw = (w + ds - 1) / ds;
        int lh = (hh + ds - 1) / ds;
        double[] inv = Pinhole.invert(h);
        StringBuilder name = new StringBuilder();
        Pattern p = pattern(style, r, name);
        byte[] out = new byte[lw * lh * 3];
        double[] c = new double[3];
        // shaded pixel i stands for the frame point the up-scaling maps it to
        double sx = w / (double) lw;
        double sy = hh / (double) lh;
        // footprint of one shaded pixel on the plane, at the frame centre
        double fp = sx * footprint(inv, w / 2.0, hh / 2.0);
        int i = 0;
        for (int y = 0; y < lh; y++) {
            double fy = (y + 0.5) * sy - 0.5;
            double[] span = hidden == null ? null : span(hidden, fy);
            for (int x = 0; x < lw; x++) {
                double fx = (x + 0.5) * sx - 0.5;
                if (span != null && fx > span[0] && fx < span[1]) {
                    i += 3;
                    continue;
                }
                double q = 1 / (inv[6] * fx + inv[7] * fy + inv[8]);
                double px = (inv[0] * fx + inv[1] * fy + inv[2]) * q;
                double py = (inv[3] * fx + inv[4] * fy + inv[5]) * q;
                p.colour(px, py, fp, c);
                out[i++] = (byte) clamp(c[0]);
                out[i++] = (byte) clamp(c[1]);
                out[i++] = (byte) clamp(c[2]);
            }
        }
        if (ds == 1) {
            frame.put(0, 0, out);
        } else {
            Mat small = new Mat(lh, lw, CvType.CV_8UC3);
            small.put(0, 0, out);
            Imgproc.resize(small, frame, new Size(w, hh), 0, 0, Imgproc.INTER_LINEAR);
            small.release();
        }
        return name.toString();
    }

    /** Where the horizontal line at y crosses a convex polygon: {minX, maxX}, or null if it misses it. */
    static double[] span(Point[] p, double y) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int i = 0; i < p.length; i++) {
            Point a = p[i];
            Point b = p[(i + 1) % p.length];
            if ((a.y <= y && b.y >= y) || (b.y <= y && a.y >= y)) {
                double x = a.y == b.y ? a.x : a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y);
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
                if (a.y == b.y) {
                    lo = Math.min(lo, b.x);
                    hi = Math.max(hi, b.x);
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : null;
    }

    private static double footprint(double[] inv, double x, double y) {
        double q0 = inv[6] * x + inv[7] * y + inv[8];
        double q1 = inv[6] * (x + 1) + inv[7] * y + inv[8];
        double ax = (inv[0] * x + inv[1] * y + inv[2]) / q0;
        double ay = (inv[3] * x + inv[4] * y + inv[5]) / q0;
        double bx = (inv[0] * (x + 1) + inv[1] * y + inv[2]) / q1;
        double by = (inv[3] * (x + 1) + inv[4] * y + inv[5]) / q1;
        return Math.hypot(bx - ax, by - ay);
    }

    private static Pattern pattern(Style style, Random r, StringBuilder name) {
        double th = r.nextDouble() * Math.PI;
        double ct = Math.cos(th);
        double st = Math.sin(th);
        double ox = r.nextDouble() * 10_000;
        double oy = r.nextDouble() * 10_000;
        switch (style) {
            case WOOD -> {
                double[][] woods = {{120, 170, 212}, {75, 120, 172}, {45, 72, 108}, {150, 192, 226}, {60, 100, 150}};
                String[] kinds = {"oak", "teak", "walnut", "maple", "cherry"};
                int k = r.nextInt(woods.length);
                double[] base = woods[k];
                name.append("wood-").append(kinds[k]);
                double plank = 80 + r.nextDouble() * 90;
                double ring = 2.5 + r.nextDouble() * 5;
                double warpAmp = 4 + r.nextDouble() * 8;
                return (x, y, fp, bgr) -> {
                    double a = x * ct + y * st + ox;
                    double b = -x * st + y * ct + oy;
                    double pk = floor(b / plank);
                    double bp = b - pk * plank;
                    int hsh = (int) pk;
                    double tint = (hash(hsh) - 0.5) * 0.16;
                    double aa = a + hash(hsh + 1) * 500;
                    double warp = noise(aa * 0.006, b * 0.015) * warpAmp + noise(aa * 0.04, b * 0.1) * 1.2;
                    double u = (b + warp + hash(hsh + 2) * 50) / ring;
                    double fr = u - floor(u);
                    double late = smooth(0.55, 0.8, fr) * (1 - smooth(0.88, 1.0, fr));
                    double fibre = noise(aa * 0.03, b * 1.1) - 0.5;
                    double edge = bp < plank - bp ? bp : plank - bp;
                    double seam = 1 - 0.45 * clamp01((0.5 - edge) / (fp > 0.3 ? fp : 0.3) + 0.5);
                    double lum = (1 + tint - 0.2 * late - 0.12 * fibre) * seam;
                    bgr[0] = base[0] * lum * (1 - 0.12 * late);
                    bgr[1] = base[1] * lum;
                    bgr[2] = base[2] * lum;
                };
            }
            case GREY_DESK, LIGHT_DESK -> {
                boolean light = style == Style.LIGHT_DESK;
                double g = light ? 205 + r.nextDouble() * 32 : 90 + r.nextDouble() * 75;
                double tb = (r.nextDouble() - 0.5) * (light ? 10 : 14);
                double[] base = {g + tb, g + tb * 0.2, g - tb};
                double speck = light ? 0.03 : 0.06;
                name.append(light ? "light-desk" : "grey-desk");
                return (x, y, fp, bgr) -> {
                    double v = 1 + (noise(x * 1.3 + ox, y * 1.3 + oy) + noise(y * 0.71 + oy, x * 0.93) - 1) * speck
                            + (noise(x * 0.008 + ox, y * 0.008) - 0.5) * 0.08;
                    bgr[0] = base[0] * v;
                    bgr[1] = base[1] * v;
                    bgr[2] = base[2] * v;
                };
            }
            case CLOTH_CHECKS, CLOTH_STRIPES, CLOTH_DOTS -> {
                // fabrics come in light, mid and dark grounds; the pattern's ink contrasts with the ground
                double[][] inks = {{40, 40, 190}, {150, 70, 30}, {60, 130, 40}, {90, 40, 30}, {35, 35, 35},
                    {40, 150, 215}, {140, 60, 150}};
                double[] ink = inks[r.nextInt(inks.length)];
                double[] ground;
                int lightness = r.nextInt(100);
                if (lightness < 40) {
                    // white, cream or a pale tint of the ink
                    ground = new double[] {215 + r.nextDouble() * 30, 215 + r.nextDouble() * 30,
                        215 + r.nextDouble() * 30};
                    if (r.nextInt(3) == 0) {
                        ground = new double[] {ink[0] * 0.4 + 150, ink[1] * 0.4 + 150, ink[2] * 0.4 + 150};
                    }
                } else if (lightness < 75) {
                    // mid grounds: beige, sage, dusty blue, muted red, grey; a darker or a light ink
                    double[][] mids = {{120, 160, 185}, {120, 150, 130}, {165, 135, 110}, {95, 95, 160},
                        {140, 140, 140}, {100, 140, 170}};
                    double[] m = mids[r.nextInt(mids.length)];
                    double l = 0.8 + 0.4 * r.nextDouble();
                    ground = new double[] {m[0] * l, m[1] * l, m[2] * l};
                    if (r.nextBoolean()) {
                        ink = new double[] {ink[0] * 0.55, ink[1] * 0.55, ink[2] * 0.55};
                    } else {
                        double w = 220 + 30 * r.nextDouble();
                        ink = new double[] {w - 10 * r.nextDouble(), w, w - 5 * r.nextDouble()};
                    }
                } else {
                    // dark grounds: navy, bottle green, burgundy, charcoal, brown; a light or a bright ink
                    double[][] darks = {{70, 35, 25}, {35, 60, 25}, {35, 30, 80}, {45, 45, 45}, {30, 45, 70}};
                    double[] d = darks[r.nextInt(darks.length)];
                    double l = 0.8 + 0.5 * r.nextDouble();
                    ground = new double[] {d[0] * l, d[1] * l, d[2] * l};
                    if (r.nextInt(3) > 0) {
                        double w = 200 + 45 * r.nextDouble();
                        ink = new double[] {w - 15 * r.nextDouble(), w - 5 * r.nextDouble(), w};
                    } else {
                        ink = new double[] {Math.min(255, ink[0] * 1.2 + 20), Math.min(255, ink[1] * 1.2 + 20),
                            Math.min(255, ink[2] * 1.2 + 20)};
                    }
                }
                double[] in = ink;
                double[] gr = ground;
                double period = 6 + r.nextDouble() * 20;
                double duty = 0.3 + r.nextDouble() * 0.3;
                double fold = 0.05 + r.nextDouble() * 0.1;
                if (style == Style.CLOTH_CHECKS) {
                    name.append("cloth-checks");
                } else if (style == Style.CLOTH_STRIPES) {
                    name.append("cloth-stripes");
                } else {
                    name.append("cloth-dots");
                }
                double dotR = period * (0.12 + r.nextDouble() * 0.15);
                return (x, y, fp, bgr) -> {
                    double a = (x * ct + y * st) / period;
                    double b = (-x * st + y * ct) / period;
                    double w = fp / period;
                    double k;
                    if (style == Style.CLOTH_CHECKS) {
                        k = 0.5 * band(a, duty, w) + 0.5 * band(b, duty, w);
                    } else if (style == Style.CLOTH_STRIPES) {
                        k = band(a, duty, w) * 0.9 + band(a * 2 + 0.3, 0.15, 2 * w) * 0.1;
                    } else {
                        double row = floor(b);
                        double ca = a + row * 0.5;
                        double dx = (ca - floor(ca) - 0.5) * period;
                        double dy = (b - row - 0.5) * period;
                        k = clamp01((dotR - Math.sqrt(dx * dx + dy * dy)) / (fp > 0.05 ? fp : 0.05) + 0.5);
                    }
                    double v = 1 + (noise(x * 2 + ox, y * 2 + oy) - 0.5) * 0.07
                            + (noise(x * 0.012 + ox, y * 0.02 + oy) - 0.5) * 2 * fold;
                    for (int c = 0; c < 3; c++) {
                        bgr[c] = (gr[c] + (in[c] - gr[c]) * k) * v;
                    }
                };
            }
            default -> {
                double[][] darks = {{25, 22, 20}, {50, 30, 20}, {25, 40, 25}, {30, 25, 40}, {38, 38, 38}};
                double[] base = darks[r.nextInt(darks.length)];
                name.append("dark-cloth");
                // a cloth with folds, or a counter mat (rubber or felt): finer grain, hardly any folds
                boolean mat = r.nextBoolean();
                double grain = mat ? 0.14 : 0.25;
                double folds = mat ? 0.12 : 0.5;
                double fine = mat ? 4.0 : 2.2;
                return (x, y, fp, bgr) -> {
                    double v = 1 + (noise(x * fine + ox, y * fine + oy) - 0.5) * grain
                            + (noise(x * 0.01 + ox, y * 0.025 + oy) - 0.5) * folds;
                    bgr[0] = base[0] * v;
                    bgr[1] = base[1] * v;
                    bgr[2] = base[2] * v;
                };
            }
        }
    }

    /** Coverage of a stripe [0, duty) of each period at position u (in periods), antialiased over w periods. */
    private static double band(double u, double duty, double w) {
        double f = u - floor(u);
        double d = f < duty ? (f < duty - f ? f : duty - f) : -(f - duty < 1 - f ? f - duty : 1 - f);
        return clamp01(0.5 + d / (w > 1e-3 ? w : 1e-3));
    }

    /** Smooth value noise in 0..1 with unit cell size, periodic over 64 cells (looked up in the tile). */
    static double noise(double x, double y) {
        int ix = (int) (x * SUB + OFFSET) & (TILE - 1);
        int iy = (int) (y * SUB + OFFSET) & (TILE - 1);
        return (SMOOTH[iy * TILE + ix] & 0xFF) * (1 / 255.0);
    }

    /** Floor for |v| < 2^31 (Math.floor is not always an intrinsic). */
    private static double floor(double v) {
        int i = (int) v;
        return v < i ? i - 1 : i;
    }

    private static double clamp01(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    /** A per-index random value in 0..1 (for planks and the like). */
    private static double hash(int i) {
        return (SMOOTH[((i * 7919) & (TILE - 1)) * TILE + ((i * 104_729) & (TILE - 1))] & 0xFF) * (1 / 255.0);
    }

    private static double smooth(double e0, double e1, double x) {
        double t = clamp01((x - e0) / (e1 - e0));
        return t * t * (3 - 2 * t);
    }

    private static int clamp(double v) {
        return v < 0 ? 0 : v > 255 ? 255 : (int) (v + 0.5);
    }
}
