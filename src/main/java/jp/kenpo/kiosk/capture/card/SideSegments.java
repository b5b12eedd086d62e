package jp.kenpo.kiosk.capture.card;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Four-cornered outlines made of straight pieces of edge, for cards whose outline runs into
 * something else: the line where a counter meets the wall passing behind the card, a pen or a
 * notebook touching it, a thumb over its side. The outlines of the edge picture are simplified to
 * polygons (Douglas–Peucker), their long straight pieces kept, and any four pieces that meet
 * at roughly right angles near their ends — as a card's sides do, even in perspective and with the
 * rounded corners or a thumb leaving gaps, or with a line behind the card running on from a side
 * — make a candidate.
 */
final class SideSegments {

    /** A piece of straight edge from (x0,y0) to (x1,y1). */
    record Segment(double x0, double y0, double x1, double y1) {
        double length() {
            return Math.hypot(x1 - x0, y1 - y0);
        }

        double dx() {
            return (x1 - x0) / length();
        }

        double dy() {
            return (y1 - y0) / length();
        }
    }

    /** Straight pieces at most this far from the outline (work pixels). */
    static final double STRAIGHT = 1.5;
    /** Pieces kept, longest first. */
    static final int MAX_SEGMENTS = 28;
    /** Adjacent sides meet at 90° ± 50° (a card tilted 45° still does). */
    static final double MIN_CORNER_SIN = Math.sin(Math.toRadians(40));

    private SideSegments() {
    }

    /**
     * The longest lines the pieces make: pieces on one line — a card's side broken by a thumb, by
     * the spots of a cloth touching it, or found once from each side of the edge — are joined
     * into one spanning them all.
     */
    static List<Segment> strongest(List<Segment> pieces) {
        List<Segment> all = new ArrayList<>(pieces);
        all.sort(Comparator.comparingDouble(Segment::length).reversed());
        List<Segment> lines = new ArrayList<>();
        for (Segment s : all) {
            boolean joined = false;
            for (int i = 0; i < lines.size() && !joined; i++) {
                Segment o = lines.get(i);
                if (sameLine(o, s)) {
                    lines.set(i, join(o, s));
                    joined = true;
                }
            }
            if (!joined) {
                lines.add(s);
            }
        }
        lines.sort(Comparator.comparingDouble(Segment::length).reversed());
        return lines.size() > MAX_SEGMENTS ? new ArrayList<>(lines.subList(0, MAX_SEGMENTS)) : lines;
    }

    /** One piece along {@code a}'s line spanning both. */
    private static Segment join(Segment a, Segment b) {
        double ux = a.dx();
        double uy = a.dy();
        double t0 = 0;
        double t1 = a.length();
        for (double[] p : new double[][] {{b.x0(), b.y0()}, {b.x1(), b.y1()}}) {
            double t = (p[0] - a.x0()) * ux + (p[1] - a.y0()) * uy;
            t0 = Math.min(t0, t);
            t1 = Math.max(t1, t);
        }
        return new Segment(a.x0() + t0 * ux, a.y0() + t0 * uy, a.x0() + t1 * ux, a.y0() + t1 * uy);
    }

    /** The straight pieces of closed outlines ({@code xy} = x0,y0,x1,y1,… per outline) at least {@code minLength} long. */
    static List<Segment> segments(List<int[]> outlines, double minLength) {
        List<Segment> all = new ArrayList<>();
        for (int[] xy : outlines) {
            int n = xy.length / 2;
            if (n < 3) {
                continue;
            }
            boolean[] keep = new boolean[n];
            simplify(xy, 0, n - 1, keep);
            keep[0] = true;
            keep[n - 1] = true;
            int prev = -1;
            int first = -1;
            for (int i = 0; i < n; i++) {
                if (!keep[i]) {
                    continue;
                }
                if (prev >= 0) {
                    add(all, xy, prev, i, minLength);
                } else {
                    first = i;
                }
                prev = i;
            }
            if (prev != first) {
                add(all, xy, prev, first, minLength);
            }
        }
        return all;
    }

    private static void add(List<Segment> out, int[] xy, int a, int b, double minLength) {
        Segment s = new Segment(xy[2 * a], xy[2 * a + 1], xy[2 * b], xy[2 * b + 1]);
        if (s.length() >= minLength) {
            out.add(s);
        }
    }

    /** Douglas–Peucker: marks the points that keep the polyline within {@link #STRAIGHT}. */
    private static void simplify(int[] xy, int from, int to, boolean[] keep) {
        if (to <= from + 1) {
            return;
        }
        double ax = xy[2 * from];
        double ay = xy[2 * from + 1];
        double bx = xy[2 * to];
        double by = xy[2 * to + 1];
        double len = Math.hypot(bx - ax, by - ay);
        int worst = -1;
        double worstDist = STRAIGHT;
        for (int i = from + 1; i < to; i++) {
            double px = xy[2 * i];
            double py = xy[2 * i + 1];
            double d = len == 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / len;
            if (d > worstDist) {
                worstDist = d;
                worst = i;
            }
        }
        if (worst >= 0) {
            keep[worst] = true;
            simplify(xy, from, worst, keep);
            simplify(xy, worst, to, keep);
        }
    }

    /** The two sides of one thick edge, or one side found twice: the same line, overlapping. */
    private static boolean sameLine(Segment a, Segment b) {
        double cross = Math.abs(a.dx() * b.dy() - a.dy() * b.dx());
        if (cross > Math.sin(Math.toRadians(5))) {
            return false;
        }
        double mx = (b.x0() + b.x1()) / 2;
        double my = (b.y0() + b.y1()) / 2;
        double dist = Math.abs((mx - a.x0()) * -a.dy() + (my - a.y0()) * a.dx());
        if (dist > 3) {
            return false;
        }
        // overlapping, or with a gap no longer than the shorter piece and a third of the longer
        double t0 = (b.x0() - a.x0()) * a.dx() + (b.y0() - a.y0()) * a.dy();
        double t1 = (b.x1() - a.x0()) * a.dx() + (b.y1() - a.y0()) * a.dy();
        double gap = Math.max(Math.min(t0, t1) - a.length(), -Math.max(t0, t1));
        return gap <= Math.min(b.length(), a.length() / 3);
    }

    /**
     * Quadrilaterals whose four sides lie along four of the pieces, each meeting the next near its
     * end; corners in no particular order (x0,y0,…,x3,y3), at most {@code max}, those with the
     * most edge along their sides first.
     */
    static List<double[]> quads(List<Segment> segs, int max) {
        int n = segs.size();
        // corner[i][j]: where piece i ends in piece j (null if they do not meet as a card's sides do)
        double[][][] corner = new double[n][n][];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double[] p = meet(segs.get(i), segs.get(j));
                corner[i][j] = p;
                corner[j][i] = p;
            }
        }
        List<double[]> found = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (b == a || corner[a][b] == null) {
                    continue;
                }
                for (int c = 0; c < n; c++) {
                    if (c == a || c == b || corner[b][c] == null || !parallelish(segs, a, c)) {
                        continue;
                    }
                    for (int d = 0; d < n; d++) {
                        if (d == a || d == b || d == c || corner[c][d] == null || corner[d][a] == null
                                || !parallelish(segs, b, d)) {
                            continue;
                        }
                        long key = key(a, b, c, d);
                        if (!seen.add(key)) {
                            continue;
                        }
                        double[] q = {corner[a][b][0], corner[a][b][1], corner[b][c][0], corner[b][c][1],
                            corner[c][d][0], corner[c][d][1], corner[d][a][0], corner[d][a][1]};
                        if (!convex(q)) {
                            continue;
                        }
                        found.add(q);
                        scores.add(segs.get(a).length() + segs.get(b).length() + segs.get(c).length()
                                + segs.get(d).length());
                    }
                }
            }
        }
        Integer[] idx = new Integer[found.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (x, y) -> Double.compare(scores.get(y), scores.get(x)));
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < idx.length && out.size() < max; i++) {
            out.add(found.get(idx[i]));
        }
        return out;
    }

    /** Opposite sides of a card in perspective: within 35° of parallel. */
    private static boolean parallelish(List<Segment> segs, int i, int j) {
        Segment a = segs.get(i);
        Segment b = segs.get(j);
        return Math.abs(a.dx() * b.dy() - a.dy() * b.dx()) < Math.sin(Math.toRadians(35));
    }

    /**
     * Where two pieces' lines cross, if they meet as neighbouring sides: at a wide enough angle,
     * and near an end of each (a rounded corner, a thumb or a gap may leave up to half a piece's
     * length between the piece and the corner, but the corner is never in a piece's middle).
     */
    static double[] meet(Segment a, Segment b) {
        double cross = a.dx() * b.dy() - a.dy() * b.dx();
        if (Math.abs(cross) < MIN_CORNER_SIN) {
            return null;
        }
        double t = ((b.x0() - a.x0()) * b.dy() - (b.y0() - a.y0()) * b.dx()) / cross;
        double px = a.x0() + t * a.dx();
        double py = a.y0() + t * a.dy();
        double ta = along(a, px, py);
        double tb = along(b, px, py);
        // Both pieces reach the corner (or nearly); or one runs on past it, where a line behind the
        // card (a counter's edge, a desk's grain) continues the card's side.
        boolean reach = ta >= -0.5 && ta <= 1.5 && tb >= -0.5 && tb <= 1.5;
        if (!reach || !nearEnd(ta) && !nearEnd(tb)) {
            return null;
        }
        return new double[] {px, py};
    }

    /** Where a point lies along a piece: 0 at its start, 1 at its end. */
    private static double along(Segment s, double px, double py) {
        return ((px - s.x0()) * s.dx() + (py - s.y0()) * s.dy()) / s.length();
    }

    private static boolean nearEnd(double t) {
        return t <= 0.25 || t >= 0.75;
    }

    private static boolean convex(double[] q) {
        int sign = 0;
        for (int i = 0; i < 4; i++) {
            int j = (i + 1) % 4;
            int k = (i + 2) % 4;
            double cross = (q[2 * j] - q[2 * i]) * (q[2 * k + 1] - q[2 * j + 1])
                    - (q[2 * j + 1] - q[2 * i + 1]) * (q[2 * k] - q[2 * j]);
            int s = cross > 0 ? 1 : cross < 0 ? -1 : 0;
            if (s == 0 || sign != 0 && s != sign) {
                return false;
            }
            sign = s;
        }
        return true;
    }

    private static long key(int a, int b, int c, int d) {
        int[] k = {a, b, c, d};
        java.util.Arrays.sort(k);
        return ((long) k[0] << 48) | ((long) k[1] << 32) | ((long) k[2] << 16) | k[3];
    }
}
