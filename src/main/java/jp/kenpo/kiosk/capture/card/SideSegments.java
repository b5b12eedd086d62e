package jp.kenpo.kiosk.capture.card;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Four-cornered outlines made of straight pieces of edge, for cards whose outline runs into
 * something else: the line where a counter meets the wall passing behind the card, a pen or a
 * notebook touching it, a thumb over its side. The outlines of the edge picture are simplified to
 * polygons (Douglas–Peucker) and their long straight pieces kept, with those a line segment
 * detector finds in the picture's brightness; pieces on one line are joined. Any two pairs of nearly parallel lines
 * that cross at roughly right angles make a candidate, its corners where the lines cross — as a
 * card's sides do, even in perspective, with rounded corners or a thumb leaving gaps, or with a
 * line behind the card running on from a side — if each of its sides is covered by its piece for
 * part of its length. Those with the most of their outline covered come first.
 *
 * <p>Longer than 300 lines on purpose: gathering the pieces, joining those on one line and pairing
 * them into candidates share the one list of pieces and its per-direction index; split apart, each
 * part would have to hand that index around.
 */
final class SideSegments {

    /** A piece of straight edge from (x0,y0) to (x1,y1), with its length and direction. */
    static final class Segment {
        private final double x0;
        private final double y0;
        private final double x1;
        private final double y1;
        private final double length;

        Segment(double x0, double y0, double x1, double y1) {
            this.x0 = x0;
            this.y0 = y0;
            this.x1 = x1;
            this.y1 = y1;
            this.length = Math.sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
        }

        double x0() {
            return x0;
        }

        double y0() {
            return y0;
        }

        double x1() {
            return x1;
        }

        double y1() {
            return y1;
        }

        double length() {
            return length;
        }

        double dx() {
            return (x1 - x0) / length;
        }

        double dy() {
            return (y1 - y0) / length;
        }
    }

    /** Straight pieces at most this far from the outline (work pixels). */
    static final double STRAIGHT = 1.5;
    /**
     * Lines kept, longest first, at most {@value #PER_BIN} in each {@value #BINS}th of the half turn:
     * a striped or checked cloth draws dozens of long parallel lines, and the card's shorter sides
     * must not be crowded out by them.
     */
    static final int MAX_SEGMENTS = 48;
    static final int BINS = 12;
    static final int PER_BIN = 6;
    /**
     * A side of a candidate is covered by its piece for at least this share of its length: a thumb,
     * the spots of a cloth or a rounded corner may break a card's edge into pieces; the close fit
     * at full resolution decides whether the side is real.
     */
    static final double MIN_COVER = 0.3;
    /** Adjacent sides meet at 90° ± 50° (a card tilted 45° still does). */
    static final double MIN_CORNER_SIN = Math.sin(Math.toRadians(40));
    /** Opposite sides of a card in perspective (tilted up to 45°): within 35° of parallel. */
    static final double PARALLEL_SIN = Math.sin(Math.toRadians(35));

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
        int[] perBin = new int[BINS];
        List<Segment> kept = new ArrayList<>();
        for (Segment s : lines) {
            double angle = Math.atan2(s.dy(), s.dx());
            int bin = (int) Math.floor((angle < 0 ? angle + Math.PI : angle) / Math.PI * BINS) % BINS;
            if (perBin[bin] < PER_BIN && kept.size() < MAX_SEGMENTS) {
                perBin[bin]++;
                kept.add(s);
            }
        }
        return kept;
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
     * Quadrilaterals whose four sides lie along four of the pieces' lines, each side covered by its
     * piece for at least {@link #MIN_COVER} of its length; corners in no particular order
     * (x0,y0,…,x3,y3), sides at least {@code minSide} long, at most {@code max}, those with the most
     * of their outline covered first. The corners are where the lines cross, wherever the pieces
     * end: a rounded corner or a thumb leaves a gap, a line behind the card runs on past it.
     */
    static List<double[]> quads(List<Segment> segs, double minSide, int max) {
        int n = segs.size();
        double[] x0 = new double[n];
        double[] y0 = new double[n];
        double[] ux = new double[n];
        double[] uy = new double[n];
        double[] len = new double[n];
        for (int i = 0; i < n; i++) {
            Segment s = segs.get(i);
            x0[i] = s.x0();
            y0[i] = s.y0();
            len[i] = s.length();
            ux[i] = (s.x1() - s.x0()) / len[i];
            uy[i] = (s.y1() - s.y0()) / len[i];
        }
        // the pairs of pieces (first[k], second[k]), and the candidates found (eight corners each) with
        // their scores, in plain arrays: a cloth's many lines make tens of thousands of tries
        int[] first = new int[n * (n - 1) / 2];
        int[] second = new int[first.length];
        int pairs = 0;
        // the pairs are made in the order of their first piece: those of piece i are from[i] to from[i + 1] - 1
        int[] from = new int[n + 1];
        for (int i = 0; i < n; i++) {
            from[i] = pairs;
            for (int j = i + 1; j < n; j++) {
                double mx = x0[j] + ux[j] * len[j] / 2;
                double my = y0[j] + uy[j] * len[j] / 2;
                if (Math.abs(ux[i] * uy[j] - uy[i] * ux[j]) < PARALLEL_SIN
                        && Math.abs((mx - x0[i]) * -uy[i] + (my - y0[i]) * ux[i]) >= minSide) {
                    first[pairs] = i;
                    second[pairs] = j;
                    pairs++;
                }
            }
        }
        from[n] = pairs;
        double[] corners = new double[8 * 64];
        double[] scores = new double[64];
        int found = 0;
        double[] q = new double[8];
        int[] side = new int[4];
        for (int p = 0; p < pairs; p++) {
            int a = first[p];
            int c = second[p];
            // every later pair (b, d) in turn: those of a itself (b == a) are no candidate, nor are
            // all of a b whose line does not cross a's at a card's corner's angle
            for (int r = from[a + 1]; r < pairs; r++) {
                int b = first[r];
                if (Math.abs(ux[a] * uy[b] - uy[a] * ux[b]) < MIN_CORNER_SIN) {
                    r = from[b + 1] - 1;
                    continue;
                }
                int d = second[r];
                if (b == c || d == a || d == c
                        || !cross(x0, y0, ux, uy, a, b, q, 0) || !cross(x0, y0, ux, uy, b, c, q, 2)
                        || !cross(x0, y0, ux, uy, c, d, q, 4) || !cross(x0, y0, ux, uy, d, a, q, 6) || !convex(q)) {
                    continue;
                }
                double covered = 0;
                double perimeter = 0;
                boolean enough = true;
                side[0] = b; // the side from corner k to corner k+1 lies on side[k]
                side[1] = c;
                side[2] = d;
                side[3] = a;
                for (int k = 0; k < 4 && enough; k++) {
                    int s = side[k];
                    double px = q[2 * k];
                    double py = q[2 * k + 1];
                    double qx = q[(2 * k + 2) % 8];
                    double qy = q[(2 * k + 3) % 8];
                    double l = Math.sqrt((qx - px) * (qx - px) + (qy - py) * (qy - py));
                    double tp = (px - x0[s]) * ux[s] + (py - y0[s]) * uy[s];
                    double tq = (qx - x0[s]) * ux[s] + (qy - y0[s]) * uy[s];
                    double cover = Math.max(0, Math.min(len[s], Math.max(tp, tq)) - Math.max(0, Math.min(tp, tq)));
                    enough = l >= minSide && cover >= MIN_COVER * l;
                    covered += cover;
                    perimeter += l;
                }
                if (enough) {
                    if (found == scores.length) {
                        scores = java.util.Arrays.copyOf(scores, 2 * found);
                        corners = java.util.Arrays.copyOf(corners, 16 * found);
                    }
                    System.arraycopy(q, 0, corners, 8 * found, 8);
                    scores[found++] = covered / perimeter;
                }
            }
        }
        List<double[]> out = new ArrayList<>();
        for (int i : best(scores, found, max)) {
            out.add(java.util.Arrays.copyOfRange(corners, 8 * i, 8 * i + 8));
        }
        return out;
    }

    /**
     * The indices of the {@code max} highest of the first {@code n} scores, highest first; of equal
     * scores, the one found first first.
     */
    private static Integer[] best(double[] scores, int n, int max) {
        int k = Math.min(n, max);
        if (k == 0) {
            return new Integer[0];
        }
        double[] sorted = java.util.Arrays.copyOf(scores, n);
        java.util.Arrays.sort(sorted);
        double least = sorted[n - k]; // the k-th highest: all above it are taken, of those equal to it the first found
        int above = 0;
        for (int i = 0; i < n; i++) {
            above += scores[i] > least ? 1 : 0;
        }
        Integer[] idx = new Integer[k];
        int m = 0;
        int equal = k - above;
        for (int i = 0; i < n; i++) {
            if (scores[i] > least || scores[i] == least && equal-- > 0) {
                idx[m++] = i;
            }
        }
        java.util.Arrays.sort(idx, (x, y) -> Double.compare(scores[y], scores[x])); // stable: found first first
        return idx;
    }

    /** Where the lines of pieces i and j cross, into q[at], q[at + 1], if they cross at a card's corner's angle. */
    private static boolean cross(double[] x0, double[] y0, double[] ux, double[] uy, int i, int j, double[] q, int at) {
        double cross = ux[i] * uy[j] - uy[i] * ux[j];
        if (Math.abs(cross) < MIN_CORNER_SIN) {
            return false;
        }
        double t = ((x0[j] - x0[i]) * uy[j] - (y0[j] - y0[i]) * ux[j]) / cross;
        q[at] = x0[i] + t * ux[i];
        q[at + 1] = y0[i] + t * uy[i];
        return true;
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
}
