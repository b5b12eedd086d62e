package jp.kenpo.kiosk.capture.card;

import java.util.List;

/**
 * Whether an outline running along the frame's edge is what is left of a card reaching over it:
 * one to three of its corners in the picture, at roughly right angles (a lone corner rounded as a
 * card's is), every side between them and the frame's edge a straight step, and large enough to be
 * a card held where the guide asks.
 * (Whether the rest would have a card's proportions cannot be told; the card is not reported
 * found, only that it is cut off.)
 */
final class CutOffCard {

    /** A card's corner seen at up to 45° of tilt stays within 50–130°. */
    static final double MIN_CORNER = 50;
    static final double MAX_CORNER = 130;
    /**
     * A bend this near straight is no corner: the outline's simplification left a point on a
     * side (where a thumb or the contact shadow bulges it).
     */
    static final double STRAIGHT = 150;
    /**
     * Two corners closer than this share of the longest side seen are one rounded corner cut in
     * two (its radius, 3.18 mm, is 4 % of the card's width; the simplification cuts it at up to
     * three times that).
     */
    static final double ROUNDED_CORNER = 0.12;
    /** The least share of a card's side leaving the picture that must be seen. */
    static final double MIN_SEEN = 0.5;
    /** How far a side leaving the picture may turn from the outline's own, in steps of {@value #SWING_STEP}°. */
    static final int MAX_SWING = 30;
    static final int SWING_STEP = 5;
    /** The two sides of a card leaving the picture are opposite sides: parallel within the perspective of 45° of tilt. */
    static final double MAX_LEAVING_ANGLE = 35;

    /** An ID-1 card's corner radius over its width: 3.18 / 85.60 mm. */
    static final double CORNER_RADIUS = 3.18 / 85.60;
    /**
     * A square-cut corner, blurred by a camera out of focus by a pixel or two (σ), reads its edge
     * about 0.8 σ in along the bisector (where a blurred quarter plane is at half its brightness):
     * 1.6 px at σ = 2, and the fitted sides may be half a pixel off besides. A rounded corner must
     * lie further in than that.
     */
    static final double MIN_INSET = 2.5;

    private final SideFit sides;
    private double[] px = new double[8];
    private double[] py = new double[8];
    private boolean[] border = new boolean[8];
    private int n;
    private int w;
    private int h;
    private double hitX;
    private double hitY;

    CutOffCard(SideFit sides) {
        this.sides = sides;
    }

    /**
     * Whether one of the outlines (work pixels) at the frame's edge is a cut-off card. {@code minSide}:
     * the least length (frame px) of the longest side seen.
     */
    boolean any(List<CardFinder.Outline> outlines, FramePixels pixels, double scale, int w, int h, double reach,
                double minSide) {
        double edge = 3 / scale;
        this.w = w;
        this.h = h;
        for (CardFinder.Outline o : outlines) {
            if (!o.atBorder()) {
                continue;
            }
            n = o.x().length;
            if (px.length < n) {
                px = new double[n];
                py = new double[n];
                border = new boolean[n];
            }
            double turn = 0;
            for (int i = 0; i < n; i++) {
                px[i] = (o.x()[i] + 0.5) / scale - 0.5;
                py[i] = (o.y()[i] + 0.5) / scale - 0.5;
            }
            for (int i = 0; i < n; i++) {
                int j = (i + 1) % n;
                turn += px[i] * py[j] - px[j] * py[i];
            }
            if (turn < 0) { // clockwise in the picture, so the inside is on each side's right
                reverse(px, n);
                reverse(py, n);
            }
            for (int i = 0; i < n; i++) {
                border[i] = px[i] < edge || py[i] < edge || px[i] > w - 1 - edge || py[i] > h - 1 - edge;
            }
            simplify();
            if (cutCard(pixels, minSide, reach)) {
                return true;
            }
        }
        return false;
    }

    /** Drops the points on a side and joins the halves of a rounded corner. */
    private void simplify() {
        boolean changed = true;
        while (changed && n > 3) {
            changed = false;
            double longest = 0;
            for (int i = 0; i < n; i++) {
                longest = Math.max(longest, length(i, (i + 1) % n));
            }
            for (int i = 0; i < n && !changed; i++) {
                int prev = (i + n - 1) % n;
                int next = (i + 1) % n;
                if (!border[i] && angle(prev, i, next) > STRAIGHT) {
                    remove(i);
                    changed = true;
                } else if (!border[i] && !border[next] && length(i, next) < ROUNDED_CORNER * longest
                        && meet(prev, i, next, (next + 1) % n, i)) {
                    remove(next);
                    changed = true;
                }
            }
        }
    }

    private boolean cutCard(FramePixels pixels, double minSide, double reach) {
        int free = 0;
        for (int i = 0; i < n; i++) {
            free += border[i] ? 0 : 1;
        }
        if (free < 1 || free > 3 || n < free + 2) {
            // A card leaves the picture at two points. With one corner in the picture, two straight
            // steps meeting at it are as likely the corner of a sheet of paper or a folder: that
            // corner must then be rounded as a card's is (see rounded).
            return false;
        }
        int first = -1; // the first corner inside the picture after one on the edge
        for (int i = 0; i < n; i++) {
            if (border[i] && !border[(i + 1) % n]) {
                first = (i + 1) % n;
            }
        }
        if (first < 0) {
            return false;
        }
        // the chain: edge point, the corners inside, edge point
        int[] chain = new int[free + 2];
        chain[0] = (first + n - 1) % n;
        for (int k = 0; k <= free; k++) {
            chain[k + 1] = (first + k) % n;
        }
        if (!border[chain[free + 1]]) {
            return false; // the corners inside are not all in one run
        }
        for (int k = 1; k <= free; k++) {
            double angle = angle(chain[k - 1], chain[k], chain[k + 1]);
            if (angle < MIN_CORNER || angle > MAX_CORNER) {
                return false;
            }
        }
        double longest = 0;
        for (int k = 0; k <= free; k++) {
            longest = Math.max(longest, length(chain[k], chain[k + 1]));
        }
        if (longest < minSide) {
            return false;
        }
        if (free == 2) {
            double ax = px[chain[1]] - px[chain[0]];
            double ay = py[chain[1]] - py[chain[0]];
            double bx = px[chain[2]] - px[chain[3]];
            double by = py[chain[2]] - py[chain[3]];
            double cos = (ax * bx + ay * by) / (Math.hypot(ax, ay) * Math.hypot(bx, by));
            if (cos < Math.cos(Math.toRadians(MAX_LEAVING_ANGLE))) {
                return false;
            }
            // at least half of the card in the picture: the sides leaving it seen for half the
            // card's other side at least (a sliver at the edge is as likely the top of a sheet
            // or a stripe of cloth, and such a card is asked to be laid into the guide anyway)
            double across = length(chain[1], chain[2]) / CardGeometry.ID1_ASPECT;
            if (Math.max(length(chain[0], chain[1]), length(chain[2], chain[3])) < MIN_SEEN * across) {
                return false;
            }
        }
        double wide = Math.max(reach, CardAnalyzer.WIDE_REACH * longest);
        for (int k = 1; k < free; k++) {
            int a = chain[k];
            int b = chain[k + 1];
            if (sides.closeSupport(pixels, px[a], py[a], px[b], py[b], wide, reach) < CardAnalyzer.MIN_SIDE_SUPPORT) {
                return false;
            }
        }
        if (!leaving(pixels, chain[1], chain[0], chain[2], true, wide, reach)) {
            return false;
        }
        double firstX = hitX;
        double firstY = hitY;
        if (!leaving(pixels, chain[free], chain[free + 1], chain[free - 1], false, wide, reach)) {
            return false;
        }
        return free > 1 || rounded(pixels, chain[1], firstX, firstY, hitX, hitY, longest, wide, reach);
    }

    /**
     * Whether the one corner in the picture, whose sides leave it towards (ax,ay) and (bx,by), is a
     * card's: two straight steps meeting at one corner are as likely the corner of a sheet of paper
     * or a folder, cut square, while a card's corner is rounded (3.18 mm, {@value #CORNER_RADIUS} of
     * its width). The card is at least as wide as the longest side seen, so its corner's edge lies
     * at least that radius times (1 / sin(θ/2) − 1) in from where the sides meet; half of that
     * (the edge found to a pixel or two), and at least {@value #MIN_INSET} px, is asked.
     */
    private boolean rounded(FramePixels pixels, int corner, double ax, double ay, double bx, double by, double longest,
                            double wide, double reach) {
        double angle = Math.toRadians(angle(corner, ax, ay, bx, by));
        double radius = CORNER_RADIUS * longest;
        double expected = radius * (1 / Math.sin(angle / 2) - 1);
        // what lies inside is read six times that far in along the bisector: past the rounded edge
        // of a card up to six times as wide as the side seen (a card further out of the picture
        // than that is asked to be moved in all the same)
        double inset = sides.cornerInset(pixels, px[corner], py[corner], ax, ay, bx, by, wide, reach, 6 * expected + 4);
        return inset >= Math.max(MIN_INSET, expected / 2);
    }

    /** The inside angle at corner {@code b} towards the points (ax,ay) and (cx,cy), in degrees. */
    private double angle(int b, double ax, double ay, double cx, double cy) {
        double ux = ax - px[b];
        double uy = ay - py[b];
        double vx = cx - px[b];
        double vy = cy - py[b];
        double cos = (ux * vx + uy * vy) / (Math.hypot(ux, uy) * Math.hypot(vx, vy));
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
    }

    /**
     * Whether a side leaves the picture from {@code corner}: the outline's own side to edge point
     * {@code end} or, when that is no step (the outline ran into the desk's grain or a cloth's
     * pattern on its way to the edge), a straight step leaving the corner up to
     * {@value #MAX_SWING}° from it, still at a card's corner angle to the side before.
     */
    private boolean leaving(FramePixels pixels, int corner, int end, int other, boolean fromEdge, double wide,
                            double reach) {
        double cx = px[corner];
        double cy = py[corner];
        double dx = px[end] - cx;
        double dy = py[end] - cy;
        double ux = px[other] - cx;
        double uy = py[other] - cy;
        double ul = Math.hypot(ux, uy);
        for (int k = 0; k <= 2 * MAX_SWING / SWING_STEP; k++) {
            double swing = Math.toRadians((k % 2 == 0 ? 1 : -1) * ((k + 1) / 2) * SWING_STEP);
            double cos = Math.cos(swing);
            double sin = Math.sin(swing);
            double rx = dx * cos - dy * sin;
            double ry = dx * sin + dy * cos;
            double rl = Math.hypot(rx, ry);
            double angle = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, (rx * ux + ry * uy) / (rl * ul)))));
            if (angle < MIN_CORNER || angle > MAX_CORNER || !toEdge(cx, cy, rx / rl, ry / rl)) {
                continue;
            }
            double support = fromEdge ? sides.closeSupport(pixels, hitX, hitY, cx, cy, wide, reach)
                    : sides.closeSupport(pixels, cx, cy, hitX, hitY, wide, reach);
            if (support >= CardAnalyzer.MIN_SIDE_SUPPORT) {
                return true;
            }
        }
        return false;
    }

    /** Where the ray from (x,y) along unit (dx,dy) meets the picture's edge, into hitX/hitY. */
    private boolean toEdge(double x, double y, double dx, double dy) {
        double t = Double.MAX_VALUE;
        if (dx > 1e-9) {
            t = Math.min(t, (w - 1 - x) / dx);
        } else if (dx < -1e-9) {
            t = Math.min(t, -x / dx);
        }
        if (dy > 1e-9) {
            t = Math.min(t, (h - 1 - y) / dy);
        } else if (dy < -1e-9) {
            t = Math.min(t, -y / dy);
        }
        if (t == Double.MAX_VALUE || t < 8) {
            return false;
        }
        hitX = x + t * dx;
        hitY = y + t * dy;
        return true;
    }

    private double length(int a, int b) {
        return Math.hypot(px[b] - px[a], py[b] - py[a]);
    }

    /** Where line a–b meets line c–d, into point {@code i}; false when they are parallel. */
    private boolean meet(int a, int b, int c, int d, int i) {
        double ux = px[b] - px[a];
        double uy = py[b] - py[a];
        double vx = px[d] - px[c];
        double vy = py[d] - py[c];
        double det = ux * vy - uy * vx;
        if (Math.abs(det) < 1e-6 * Math.hypot(ux, uy) * Math.hypot(vx, vy)) {
            return false;
        }
        double t = ((px[c] - px[a]) * vy - (py[c] - py[a]) * vx) / det;
        px[i] = px[a] + t * ux;
        py[i] = py[a] + t * uy;
        return true;
    }

    private void remove(int i) {
        System.arraycopy(px, i + 1, px, i, n - i - 1);
        System.arraycopy(py, i + 1, py, i, n - i - 1);
        System.arraycopy(border, i + 1, border, i, n - i - 1);
        n--;
    }

    /** The inside angle at b of the corner a–b–c, in degrees. */
    private double angle(int a, int b, int c) {
        double ux = px[a] - px[b];
        double uy = py[a] - py[b];
        double vx = px[c] - px[b];
        double vy = py[c] - py[b];
        double cos = (ux * vx + uy * vy) / (Math.hypot(ux, uy) * Math.hypot(vx, vy));
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
    }

    private static void reverse(double[] v, int n) {
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
    }
}
