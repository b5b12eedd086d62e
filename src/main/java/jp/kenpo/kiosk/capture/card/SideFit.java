package jp.kenpo.kiosk.capture.card;

/**
 * Puts the card's four sides where the picture's steps in colour are, at full resolution: along
 * each side of a rough quadrilateral it looks across the side for the strongest step near the
 * rough line, fits a straight line through those points (dropping points that do not lie on it: a
 * thumb, a pen touching the card, a glint), and intersects neighbouring lines for the corners. The
 * rounded corners of a card (radius 3.18 mm) are left out of the fit, so the corners found are
 * those of the card's straight sides, where its rectangle is.
 *
 * <p>How many of the looks found a step on the fitted line is the side's <em>support</em>: a card's
 * side is a step all along, an outline that only happens to be four-cornered in the texture of a
 * desk or cloth is not.
 *
 * <p>The fit, the support and the look past the corners stay in one class: they read the picture
 * the same way (along each side's colour direction, with the same per-look buffers) and the last
 * two need the lines and steps the fit leaves behind.
 */
final class SideFit {

    /** Looks per side. */
    static final int LOOKS = 24;
    /** A look reaching at most this far (px) is a close one. */
    static final int CLOSE = 3;
    /** The part of each side looked at: away from the rounded corners. */
    static final double FROM = 0.12;
    static final double TO = 0.88;
    /**
     * A step is at least this steep (colour distance per pixel, read along the side's colour
     * direction, three looks averaged) to count: about twice a dim camera's noise.
     */
    static final double MIN_STEP = 3.0;
    /** Looks past each end of a side, and how many finding the side's step mean it runs on. */
    static final int PAST = 8;
    static final int RUNS_ON = 4;
    /**
     * Looks finding the step that mean a side runs on past its corner with a side seen along less than
     * half its length. Such a side is the one most likely no edge at all: a row of print across a
     * sheet of paper, a line across a phone's screen, which with three edges of the sheet or the
     * screen makes ID-1's proportions. A card's side, however faint, still ends the card, and nothing
     * of its neighbours lies beyond it; the sheet's edges run on up to its own corners, in every look
     * until there. Two looks are 8 % of the side's length past the corner (4.5 mm along a card's short
     * side) on the side's very line, which a desk's grain or a cloth's pattern seldom gives twice.
     */
    static final int RUNS_ON_PAST_WEAK = 2;
    /** Below this colour distance between the two sides, steps are read in luma. */
    static final double MIN_COLOUR_STEP = 6.0;
    /** Luma's weights as a unit vector (BGR). */
    private static final double[] LUMA_AXIS = unit(FramePixels.LUMA);

    private final double[] px = new double[LOOKS];
    private final double[] py = new double[LOOKS];
    private final double[] gain = new double[LOOKS];
    private final boolean[] keep = new boolean[LOOKS];
    private final double[] profile = new double[128];
    private final double[] lineX = new double[4];
    private final double[] lineY = new double[4];
    private final double[] dirX = new double[4];
    private final double[] dirY = new double[4];
    private final double[] axis = new double[3];
    private final double[] look = new double[3];
    private final double[] colourIn = new double[3];
    private final double[] colourOut = new double[3];
    private final double[] colour = new double[3];
    private final double[] other = new double[3];
    private final double[] cornerX = new double[4];
    private final double[] cornerY = new double[4];
    final double[] support = new double[4];
    private final double[] sorted = new double[4];
    /** Each fitted side's median step (colour distance per pixel). */
    private final double[] step = new double[4];
    private final double[] steps = new double[LOOKS];

    /**
     * Refits {@code q} in place, looking up to {@code reach} pixels either side of each rough side.
     * Returns false when a side found no line at all (then {@code q} is unchanged).
     */
    boolean fit(FramePixels img, Quad q, double reach) {
        for (int s = 0; s < 4; s++) {
            if (!fitLine(img, q.x[s], q.y[s], q.x[(s + 1) % 4], q.y[(s + 1) % 4], reach, s)) {
                return false;
            }
        }
        double[] nx = cornerX;
        double[] ny = cornerY;
        for (int i = 0; i < 4; i++) {
            int prev = (i + 3) % 4; // corner i joins side i-1 (ending there) and side i (starting there)
            if (!intersect(prev, i, nx, ny, i)) {
                return false;
            }
        }
        q.set(nx, ny);
        return true;
    }

    /**
     * Refits side {@code s} of {@code q} alone, looking up to {@code reach} either side of where it
     * now lies, and moves its two corners to where it meets its neighbours as last fitted. Call
     * after {@link #fit} of the quadrilateral whose side was moved. Returns false (and leaves
     * {@code q}) when the side finds no line.
     */
    boolean refitSide(FramePixels img, Quad q, int s, double reach) {
        int e = (s + 1) % 4;
        if (!fitLine(img, q.x[s], q.y[s], q.x[e], q.y[e], reach, s)) {
            return false;
        }
        int prev = (s + 3) % 4;
        if (!intersect(prev, s, cornerX, cornerY, 0) || !intersect(s, e, cornerX, cornerY, 1)) {
            return false;
        }
        q.x[s] = cornerX[0];
        q.y[s] = cornerY[0];
        q.x[e] = cornerX[1];
        q.y[e] = cornerY[1];
        return true;
    }

    /**
     * Whether the four sides after {@link #fit} are a card's: each of at least three sides a step
     * along at least {@code side} of its length, the fourth along at least half that — a hand
     * holding the card, or a cloth of the card's own colour, may hide much of one side.
     */
    boolean supported(double side) {
        double[] s = sortedSupport();
        return s[0] >= side / 2 && s[1] >= side;
    }

    /** Whether each of the four sides is a step along at least {@code share} of its length. */
    boolean everySide(double share) {
        return sortedSupport()[0] >= share;
    }

    /** Whether three of the four sides are steps along at least {@code share} of their length. */
    boolean threeSides(double share) {
        return sortedSupport()[1] >= share;
    }

    private double[] sortedSupport() {
        System.arraycopy(support, 0, sorted, 0, 4);
        java.util.Arrays.sort(sorted);
        return sorted;
    }

    /**
     * The support of the straight edge near the line from (ax,ay) to (bx,by), clockwise around
     * the object it bounds (so the object lies to the right, y down): 0 when none is found.
     */
    double support(FramePixels img, double ax, double ay, double bx, double by, double reach) {
        return fitLine(img, ax, ay, bx, by, reach, 0) ? support[0] : 0;
    }

    /**
     * {@link #support} of a rough side brought to its step in ever closer looks — first up to
     * {@code wide}, then {@code reach}, then {@value #CLOSE} pixels either side — its ends moved
     * onto the line each look fits: a rough side a degree or two off the real one reaches past the
     * close look at its far end.
     */
    double closeSupport(FramePixels img, double ax, double ay, double bx, double by, double wide, double reach) {
        double[] reaches = {wide, reach, CLOSE};
        for (double r : reaches) {
            if (!fitLine(img, ax, ay, bx, by, r, 0)) {
                return 0;
            }
            double ta = (ax - lineX[0]) * dirX[0] + (ay - lineY[0]) * dirY[0];
            double tb = (bx - lineX[0]) * dirX[0] + (by - lineY[0]) * dirY[0];
            ax = lineX[0] + ta * dirX[0];
            ay = lineY[0] + ta * dirY[0];
            bx = lineX[0] + tb * dirX[0];
            by = lineY[0] + tb * dirY[0];
        }
        return support[0];
    }

    /**
     * How far in from where its two straight sides would meet a corner's edge lies, along the
     * corner's bisector (px): about 0 for the square-cut corner of a sheet of paper or a folder, and
     * r (1 / sin(θ/2) − 1) for a card's, rounded to r = 3.18 mm at angle θ (0.41 r at a right
     * angle). The sides run from the corner (cx,cy) towards (ax,ay) and towards (bx,by), each a
     * straight step found as {@link #closeSupport} finds it; NaN when one is not. The edge is where
     * the picture along the bisector crosses midway from what lies beyond the corner to what lies
     * {@code depth} pixels inside it.
     */
    double cornerInset(FramePixels img, double cx, double cy, double ax, double ay, double bx, double by, double wide,
                       double reach, double depth) {
        if (closeSupport(img, cx, cy, ax, ay, wide, reach) < CardAnalyzer.MIN_SIDE_SUPPORT) {
            return Double.NaN;
        }
        double x1 = lineX[0];
        double y1 = lineY[0];
        double u1x = dirX[0];
        double u1y = dirY[0];
        if (closeSupport(img, cx, cy, bx, by, wide, reach) < CardAnalyzer.MIN_SIDE_SUPPORT) {
            return Double.NaN;
        }
        double det = u1x * dirY[0] - u1y * dirX[0];
        if (Math.abs(det) < 1e-6) {
            return Double.NaN;
        }
        double t = ((lineX[0] - x1) * dirY[0] - (lineY[0] - y1) * dirX[0]) / det;
        double sx = x1 + t * u1x; // the sharp corner
        double sy = y1 + t * u1y;
        double sa = Math.signum((ax - sx) * u1x + (ay - sy) * u1y);
        double sb = Math.signum((bx - sx) * dirX[0] + (by - sy) * dirY[0]);
        double ux = sa * u1x + sb * dirX[0];
        double uy = sa * u1y + sb * dirY[0];
        double ul = Math.hypot(ux, uy);
        if (ul < 1e-6) {
            return Double.NaN;
        }
        ux /= ul;
        uy /= ul;
        if (!img.colour(sx - 4 * ux, sy - 4 * uy, colourOut) || !img.colour(sx + depth * ux, sy + depth * uy, colourIn)) {
            return Double.NaN;
        }
        double len = 0;
        for (int k = 0; k < 3; k++) {
            look[k] = colourIn[k] - colourOut[k];
            len += look[k] * look[k];
        }
        len = Math.sqrt(len);
        if (len < MIN_COLOUR_STEP) {
            return Double.NaN;
        }
        for (int k = 0; k < 3; k++) {
            look[k] /= len;
        }
        double out = img.along(sx - 4 * ux, sy - 4 * uy, look);
        double in = img.along(sx + depth * ux, sy + depth * uy, look);
        double mid = (out + in) / 2;
        double prev = out;
        for (double d = -3.5; d <= depth; d += 0.5) {
            double v = img.along(sx + d * ux, sy + d * uy, look);
            if (v >= mid) {
                return d - 0.5 * (v - mid) / Math.max(1e-9, v - prev);
            }
            prev = v;
        }
        return Double.NaN;
    }

    /** Fits one side, from (ax,ay) towards (bx,by), into slot {@code s} of the line and support arrays. */
    private boolean fitLine(FramePixels img, double ax, double ay, double bx0, double by0, double reach, int s) {
        double len = Math.hypot(bx0 - ax, by0 - ay);
        if (len < 8) {
            support[s] = 0;
            return false;
        }
        double tx = (bx0 - ax) / len;
        double ty = (by0 - ay) / len;
        double nx = -ty; // into the card, for corners clockwise in the picture
        double ny = tx;
        int r = (int) Math.min(Math.ceil(reach), (profile.length - 3) / 2);
        int n = 2 * r + 3;
        // a close look (the last, which decides) reads every look with three samples along the
        // side; the wider looks, which only bring the side near, one sample each
        boolean close = r <= CLOSE;
        colourAxis(img, ax, ay, bx0, by0, nx, ny, Math.max(2, 0.7 * r));
        int positive = 0;
        int negative = 0;
        for (int j = 0; j < LOOKS; j++) {
            double u = FROM + (TO - FROM) * j / (LOOKS - 1);
            double bx = ax + u * (bx0 - ax);
            double by = ay + u * (by0 - ay);
            lookAxis(img, bx, by, nx, ny, Math.max(2, 0.7 * r));
            boolean inside = true;
            for (int k = 0; k < n; k++) {
                double off = k - r - 1;
                double cx = bx + off * nx;
                double cy = by + off * ny;
                // three looks along the side, averaged: less noise, same step
                double v = close ? (img.along(cx - tx, cy - ty, look) + img.along(cx, cy, look)
                        + img.along(cx + tx, cy + ty, look)) / 3 : img.along(cx, cy, look);
                if (Double.isNaN(v)) {
                    inside = false;
                    break;
                }
                profile[k] = v;
            }
            keep[j] = false;
            if (!inside) {
                continue;
            }
            // The step nearest the rough line among those at least half as steep as the steepest.
            double best = 0;
            for (int k = 1; k < n - 1; k++) {
                best = Math.max(best, Math.abs(profile[k + 1] - profile[k - 1]) / 2);
            }
            if (best < MIN_STEP) {
                continue;
            }
            int at = -1;
            double atDist = Double.MAX_VALUE;
            for (int k = 1; k < n - 1; k++) {
                double g = Math.abs(profile[k + 1] - profile[k - 1]) / 2;
                boolean peak = g >= best * 0.5 && g >= Math.abs(profile[k] - profile[k - 2 < 0 ? 0 : k - 2]) / 2
                        && (k + 2 >= n || g >= Math.abs(profile[k + 2] - profile[k]) / 2);
                double dist = Math.abs(k - r - 1);
                if (peak && dist < atDist) {
                    at = k;
                    atDist = dist;
                }
            }
            if (at < 2 || at > n - 3) {
                continue;
            }
            double g0 = (profile[at] - profile[at - 2]) / 2;
            double g1 = (profile[at + 1] - profile[at - 1]) / 2;
            double g2 = (profile[at + 2] - profile[at]) / 2;
            double den = Math.abs(g0) - 2 * Math.abs(g1) + Math.abs(g2);
            double sub = den == 0 ? 0 : 0.5 * (Math.abs(g0) - Math.abs(g2)) / den;
            sub = Math.max(-0.5, Math.min(0.5, sub));
            double off = at - r - 1 + sub;
            px[j] = bx + off * nx;
            py[j] = by + off * ny;
            gain[j] = g1;
            keep[j] = true;
            if (g1 > 0) {
                positive++;
            } else {
                negative++;
            }
        }
        // A card's side is one kind of step all along (lighter or darker than what lies beyond).
        boolean brighterInside = positive >= negative;
        int count = 0;
        for (int j = 0; j < LOOKS; j++) {
            if (keep[j] && (gain[j] > 0) != brighterInside) {
                keep[j] = false;
            }
            if (keep[j]) {
                count++;
            }
        }
        if (count < 4) {
            support[s] = (double) count / LOOKS;
            return false;
        }
        for (int round = 0; round < 3; round++) {
            if (!line(s)) {
                return false;
            }
            double tolerance = round == 0 ? 3.0 : 1.5;
            count = 0;
            for (int j = 0; j < LOOKS; j++) {
                if (keep[j]) {
                    double d = Math.abs((px[j] - lineX[s]) * -dirY[s] + (py[j] - lineY[s]) * dirX[s]);
                    if (d > tolerance) {
                        keep[j] = false;
                    } else {
                        count++;
                    }
                }
            }
            if (count < 4) {
                support[s] = (double) count / LOOKS;
                return false;
            }
        }
        line(s);
        // The fitted side must not turn away from the rough one (a line through unrelated points).
        if (Math.abs(dirX[s] * tx + dirY[s] * ty) < Math.cos(Math.toRadians(8))) {
            support[s] = 0;
            return false;
        }
        if (dirX[s] * tx + dirY[s] * ty < 0) {
            dirX[s] = -dirX[s];
            dirY[s] = -dirY[s];
        }
        support[s] = (double) count / LOOKS;
        int m = 0;
        for (int j = 0; j < LOOKS; j++) {
            if (keep[j]) {
                steps[m++] = Math.abs(gain[j]);
            }
        }
        java.util.Arrays.sort(steps, 0, m);
        step[s] = steps[m / 2];
        return true;
    }

    /**
     * Whether any side of the fitted quadrilateral runs on past a corner: the mark of a corner that
     * is no corner — the end of a receipt cut across by a printed line, the content of a phone's
     * screen inside its frame. A card's sides end at its corners; beyond each corner lies what the
     * card lies on. Looked at from 6 % to 22 % of the side's length beyond each end (past the
     * card's rounded corner), for a step at least half as steep as along the side, on the side's
     * line: a step in at least {@value #RUNS_ON} of {@value #PAST} looks ({@value #RUNS_ON_PAST_WEAK}
     * past a corner with a side hardly seen) is a side running on (when
     * fewer than half the looks are inside the picture, in all of those that are). Call right
     * after {@link #fit} of the same quadrilateral.
     */
    boolean runsPastCorners(FramePixels img, Quad q) {
        for (int s = 0; s < 4; s++) {
            int e = (s + 1) % 4;
            double len = Math.hypot(q.x[e] - q.x[s], q.y[e] - q.y[s]);
            double tx = (q.x[e] - q.x[s]) / len;
            double ty = (q.y[e] - q.y[s]) / len;
            double nx = -ty;
            double ny = tx;
            colourAxis(img, q.x[s], q.y[s], q.x[e], q.y[e], nx, ny, 3);
            double least = Math.max(2 * MIN_STEP, step[s] / 2);
            if (runsOn(img, q.x[e], q.y[e], tx, ty, nx, ny, len, least, looksToRunOn(e))
                    || runsOn(img, q.x[s], q.y[s], -tx, -ty, nx, ny, len, least, looksToRunOn((s + 3) % 4))) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many of the {@value #PAST} looks past a corner must find its side's step for the side to run
     * on, when the other side meeting there is {@code other}: {@value #RUNS_ON}, or {@value
     * #RUNS_ON_PAST_WEAK} when that other side was seen along less than {@link
     * CardAnalyzer#MIN_SIDE_SUPPORT} of its length.
     */
    private int looksToRunOn(int other) {
        return support[other] < CardAnalyzer.MIN_SIDE_SUPPORT ? RUNS_ON_PAST_WEAK : RUNS_ON;
    }

    private boolean runsOn(FramePixels img, double cx, double cy, double tx, double ty, double nx, double ny, double len,
                           double least, int need) {
        int hits = 0;
        int seen = 0;
        for (int j = 0; j < PAST; j++) {
            double t = len * (0.06 + 0.16 * j / (PAST - 1));
            double bx = cx + t * tx;
            double by = cy + t * ty;
            lookAxis(img, bx, by, nx, ny, 3);
            boolean inside = true;
            for (int k = 0; k < 9; k++) {
                double v = img.along(bx + (k - 4) * nx, by + (k - 4) * ny, look);
                if (Double.isNaN(v)) {
                    inside = false;
                    break;
                }
                profile[k] = v;
            }
            if (!inside) {
                continue;
            }
            seen++;
            int at = 1;
            double best = 0;
            for (int k = 1; k < 8; k++) {
                double g = (profile[k + 1] - profile[k - 1]) / 2;
                if (Math.abs(g) > Math.abs(best)) {
                    best = g;
                    at = k;
                }
            }
            // either sign: a thin printed line running on is a step down and up again
            if (Math.abs(best) >= least && Math.abs(at - 4) <= 1) {
                hits++;
            }
        }
        // A corner near the frame's edge leaves few looks inside the picture: then every one of
        // them (at least two) must find the side running on.
        return seen >= PAST / 2 ? hits >= need : seen >= 2 && hits == seen;
    }

    /**
     * The colour direction in which the inside of the side differs from the outside, as a unit
     * vector (BGR): steps are read along it. Luma when the two sides hardly differ.
     */
    private void colourAxis(FramePixels img, double ax, double ay, double bx, double by, double nx, double ny,
                            double off) {
        double[] in = colourIn;
        double[] out = colourOut;
        java.util.Arrays.fill(in, 0);
        java.util.Arrays.fill(out, 0);
        int n = 0;
        for (double u = 0.2; u < 0.85; u += 0.15) {
            double px = ax + u * (bx - ax);
            double py = ay + u * (by - ay);
            if (img.colour(px + off * nx, py + off * ny, colour) && img.colour(px - off * nx, py - off * ny, other)) {
                for (int k = 0; k < 3; k++) {
                    in[k] += colour[k];
                    out[k] += other[k];
                }
                n++;
            }
        }
        double len = 0;
        for (int k = 0; k < 3; k++) {
            axis[k] = in[k] - out[k];
            len += axis[k] * axis[k];
        }
        len = Math.sqrt(len);
        if (n == 0 || len / n < MIN_COLOUR_STEP) {
            System.arraycopy(LUMA_AXIS, 0, axis, 0, 3);
            return;
        }
        for (int k = 0; k < 3; k++) {
            axis[k] /= len;
        }
    }

    /**
     * The colour direction for one look across the side: where the card's edge runs past spots or
     * stripes of the cloth, or a thumb, the colour beyond it changes from look to look. The side's
     * own direction when the two ends of this look hardly differ.
     */
    private void lookAxis(FramePixels img, double px, double py, double nx, double ny, double off) {
        double len = 0;
        if (img.colour(px + off * nx, py + off * ny, colour) && img.colour(px - off * nx, py - off * ny, other)) {
            for (int k = 0; k < 3; k++) {
                look[k] = colour[k] - other[k];
                len += look[k] * look[k];
            }
            len = Math.sqrt(len);
        }
        if (len < MIN_COLOUR_STEP) {
            System.arraycopy(axis, 0, look, 0, 3);
            return;
        }
        // keep the side's sense, so that the steps along one side keep one sign
        double dot = look[0] * axis[0] + look[1] * axis[1] + look[2] * axis[2];
        double sign = dot < 0 ? -1 : 1;
        for (int k = 0; k < 3; k++) {
            look[k] = sign * look[k] / len;
        }
    }

    /** Total least squares through the kept points of side {@code s}. */
    private boolean line(int s) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int j = 0; j < LOOKS; j++) {
            if (keep[j]) {
                sx += px[j];
                sy += py[j];
                n++;
            }
        }
        if (n < 2) {
            return false;
        }
        double mx = sx / n;
        double my = sy / n;
        double xx = 0;
        double xy = 0;
        double yy = 0;
        for (int j = 0; j < LOOKS; j++) {
            if (keep[j]) {
                double dx = px[j] - mx;
                double dy = py[j] - my;
                xx += dx * dx;
                xy += dx * dy;
                yy += dy * dy;
            }
        }
        // the direction of most spread, at half the angle of (xx − yy, 2xy), without trigonometry
        double c2 = xx - yy;
        double s2 = 2 * xy;
        double r = Math.sqrt(c2 * c2 + s2 * s2);
        lineX[s] = mx;
        lineY[s] = my;
        if (r == 0) {
            dirX[s] = 1;
            dirY[s] = 0;
        } else {
            dirX[s] = Math.sqrt(Math.max(0, (1 + c2 / r) / 2));
            dirY[s] = Math.copySign(Math.sqrt(Math.max(0, (1 - c2 / r) / 2)), s2);
        }
        return true;
    }

    private boolean intersect(int a, int b, double[] ox, double[] oy, int i) {
        double det = dirX[a] * dirY[b] - dirY[a] * dirX[b];
        if (Math.abs(det) < 1e-6) {
            return false;
        }
        double t = ((lineX[b] - lineX[a]) * dirY[b] - (lineY[b] - lineY[a]) * dirX[b]) / det;
        ox[i] = lineX[a] + t * dirX[a];
        oy[i] = lineY[a] + t * dirY[a];
        return true;
    }

    private static double[] unit(double[] v) {
        double l = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / l, v[1] / l, v[2] / l};
    }
}
