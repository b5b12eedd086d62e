package jp.kenpo.kiosk.capture.card;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.imgproc.LineSegmentDetector;

/**
 * Rough four-cornered outlines in a small grey copy of the frame (about 320 pixels across): the
 * places where a card might be. At that size a blurred card's edge is short again, a dim room's
 * noise is averaged away and the search is cheap; {@link SideFit} then puts each outline's sides
 * where the full-resolution picture has them.
 *
 * <p>Edges (Canny, thresholds scaled to the picture's own contrast, so a dark frame is searched
 * as keenly as a bright one) are thickened by a pixel to close small gaps, their outlines taken,
 * and each outline's convex hull simplified to four corners. Outlines that run along the frame's
 * edge are kept apart: they are what a card partly outside the picture leaves.
 */
final class CardFinder implements AutoCloseable {

    static {
        jp.kenpo.kiosk.capture.OpenCv.load(); // before the native images below
    }

    /** Canny's thresholds for a picture whose luma spans the whole 0–255 range. */
    static final double CANNY_LOW = 18;
    static final double CANNY_HIGH = 45;
    /** A frame whose luma spans less than this is dim (a third of the range a lit card and desk span). */
    static final double DIM_RANGE = 80;
    private static final Size SMOOTHING = new Size(3, 3);
    private static final Size DIM_SMOOTHING = new Size(5, 5);
    /** The second look takes only steps this many times steeper. */
    static final double STRONG = 3;

    /**
     * A rough outline in work pixels: four corners in no particular order; or, when it runs along
     * the frame's edge ({@code atBorder}), the polygon (three to eight corners, in order) of what
     * is inside the picture.
     */
    record Outline(double[] x, double[] y, double area, boolean atBorder) {
    }

    private final Mat gray = new Mat();
    private final Mat smooth = new Mat();
    private final Mat edges = new Mat();
    private final Mat thin = new Mat();
    private final Mat lines = new Mat();
    private final Mat hierarchy = new Mat();
    private final Mat lineInput = new Mat();
    private final EdgeSpecks specks = new EdgeSpecks();
    /**
     * Straight pieces found where the brightness changes in one direction along a line (LSD, von
     * Gioi et al. 2012): a side next to the stripes or checks of a cloth is one piece, where an
     * edge picture runs it into the pattern. Without refinement, so a card's side is not split.
     */
    private final LineSegmentDetector lineDetector = Imgproc.createLineSegmentDetector(Imgproc.LSD_REFINE_NONE);
    private final float[] line = new float[4];
    private final Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(3, 3));
    private final Mat flat = new Mat();
    /** The squares {@link #flattened} uses, by size: a few sizes per copy, made once. */
    private final java.util.Map<Integer, Mat> flatKernels = new java.util.HashMap<>();
    private final MatOfInt hull = new MatOfInt();
    private final MatOfPoint2f curve = new MatOfPoint2f();
    private final MatOfPoint2f approx = new MatOfPoint2f();
    private final int[] histogram = new int[256];
    private byte[] pixels = new byte[0];
    private final List<int[]> polylines = new ArrayList<>();
    private byte[] edgeBytes = new byte[0];
    /** An outline's points, its convex hull's indices and points, and its corners, read without a Point each. */
    private int[] contourXy = new int[0];
    private int[] hullIndex = new int[0];
    private float[] hullXy = new float[0];
    private final float[] corners = new float[16];
    /** How closely a hull is simplified to four corners, in turn, as a share of its perimeter. */
    private static final double[] SIMPLIFY = {0.02, 0.035, 0.05};
    private boolean edgesLoaded;
    private double minSide;

    /**
     * The outlines in {@code work} (a small BGR copy of the frame) of at least {@code minArea} square work pixels,
     * largest first.
     */
    List<Outline> find(Mat work, double minArea) {
        Imgproc.cvtColor(work, gray, Imgproc.COLOR_BGR2GRAY);
        double range = contrastRange(gray);
        double k = Math.max(0.12, range / 255.0);
        // Canny on the colour picture takes the steepest of the three channels: a card and a
        // background of equal brightness but different colour still have an edge between them.
        // A dim frame's edges are as faint as its noise: smooth more before looking for them.
        Size kernelSize = range < DIM_RANGE ? DIM_SMOOTHING : SMOOTHING;
        Imgproc.GaussianBlur(work, smooth, kernelSize, 0);
        List<Outline> out = new ArrayList<>();
        polylines.clear();
        edgesLoaded = false;
        minSide = Math.sqrt(minArea / CardGeometry.ID1_ASPECT);
        // Every step, gaps closed: a card on a plain desk, however faint its edge.
        Imgproc.Canny(smooth, edges, CANNY_LOW * k, CANNY_HIGH * k);
        outlines(true, minArea, out);
        // Only the strong steps: a card on wood grain or a patterned cloth, whose fainter lines
        // would otherwise run into the card's outline. Both kinds are tried largest first: a
        // printed band's edge inside the card makes a smaller outline than the card's own.
        // (In grey: a strong step is a step in brightness.)
        Imgproc.GaussianBlur(gray, gray, kernelSize, 0);
        Imgproc.Canny(gray, edges, STRONG * CANNY_LOW * k, STRONG * CANNY_HIGH * k);
        outlines(false, minArea, out);
        out.sort((a, b) -> Double.compare(b.area(), a.area()));
        return out;
    }

    /**
     * The outlines in {@code work} flattened first: opened ({@code open}) or closed with a square
     * {@code size} × {@code size} pixels, so that whatever is lighter (opening) or darker (closing)
     * than its surroundings and narrower than that — a cloth's dots, stripes and checks, a wood's
     * grain, the card's own print — takes the colour around it, while the card, many times larger,
     * keeps its outline. Edges (every step, as the first look takes them, without closing gaps) and
     * outlines as in {@link #find}; {@link #edgeSupport} still reads the edges of the picture as it
     * is, so an outline must also run along steps the camera saw, not only along the flattened
     * picture's. Largest first.
     */
    List<Outline> flattened(Mat work, double minArea, boolean open, int size) {
        Mat square = flatKernels.computeIfAbsent(size,
                n -> Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(n, n)));
        Imgproc.morphologyEx(work, flat, open ? Imgproc.MORPH_OPEN : Imgproc.MORPH_CLOSE, square);
        Imgproc.GaussianBlur(flat, flat, SMOOTHING, 0);
        Imgproc.cvtColor(flat, gray, Imgproc.COLOR_BGR2GRAY);
        double k = Math.max(0.12, contrastRange(gray) / 255.0);
        Imgproc.Canny(flat, edges, CANNY_LOW * k, CANNY_HIGH * k);
        List<Outline> out = new ArrayList<>();
        outlines(false, minArea, out);
        out.sort((a, b) -> Double.compare(b.area(), a.area()));
        return out;
    }

    /** The outlines in {@link #edges}. */
    private void outlines(boolean closeGaps, double minArea, List<Outline> out) {
        if (closeGaps) {
            edges.copyTo(thin); // a rough outline's support is read in the edges as found
            Imgproc.dilate(edges, edges, kernel);
        }
        // outlines of at least minArea are taken, and pieces of edge as long as minSide from the first look
        specks.clear(edges, minArea, closeGaps ? minSide : Double.POSITIVE_INFINITY);
        List<MatOfPoint> contours = new ArrayList<>();
        Imgproc.findContours(edges, contours, hierarchy, Imgproc.RETR_LIST, Imgproc.CHAIN_APPROX_SIMPLE);
        int w = edges.cols();
        int h = edges.rows();
        for (MatOfPoint c : contours) {
            Rect box = Imgproc.boundingRect(c);
            if ((double) box.width * box.height >= minArea) {
                Outline o = outline(c, w, h, minArea);
                if (o != null) {
                    out.add(o);
                }
            }
            if (closeGaps && Math.max(box.width, box.height) >= minSide) {
                polylines.add(points(c));
            }
            c.release();
        }
    }

    /**
     * The lowest share, among the four sides of a rough outline (work pixels, corners in order), of
     * points along the side with an edge of the last frame within two pixels across it: a cheap
     * look before the outline is fitted at full resolution.
     */
    double edgeSupport(double[] x, double[] y) {
        int w = thin.cols();
        int h = thin.rows();
        if (!edgesLoaded) {
            if (edgeBytes.length < w * h) {
                edgeBytes = new byte[w * h];
            }
            thin.get(0, 0, edgeBytes);
            edgesLoaded = true;
        }
        double least = 1;
        for (int s = 0; s < 4; s++) {
            int e = (s + 1) % 4;
            double len = Math.hypot(x[e] - x[s], y[e] - y[s]);
            if (len < 1) {
                return 0;
            }
            double nx = -(y[e] - y[s]) / len;
            double ny = (x[e] - x[s]) / len;
            int hit = 0;
            for (int j = 0; j < 16; j++) {
                double u = 0.1 + 0.8 * j / 15;
                double px = x[s] + u * (x[e] - x[s]);
                double py = y[s] + u * (y[e] - y[s]);
                for (int k = -2; k <= 2; k++) {
                    int ix = (int) Math.round(px + k * nx);
                    int iy = (int) Math.round(py + k * ny);
                    if (ix >= 0 && iy >= 0 && ix < w && iy < h && edgeBytes[iy * w + ix] != 0) {
                        hit++;
                        break;
                    }
                }
            }
            least = Math.min(least, hit / 16.0);
        }
        return least;
    }

    /**
     * Four-cornered outlines put together from straight pieces of the last frame's edges and of its
     * brightness, for a card whose outline runs into something else ({@link SideSegments}); corners
     * in work pixels.
     */
    List<double[]> segmentQuads(int max) {
        double minLength = 0.6 * minSide;
        List<SideSegments.Segment> found = new ArrayList<>();
        Imgproc.cvtColor(smooth, lineInput, Imgproc.COLOR_BGR2GRAY);
        lineDetector.detect(lineInput, lines);
        for (int i = 0; i < lines.rows(); i++) {
            lines.get(i, 0, line);
            SideSegments.Segment piece = new SideSegments.Segment(line[0], line[1], line[2], line[3]);
            if (piece.length() >= minLength / 2) {
                found.add(piece);
            }
        }
        found.addAll(SideSegments.segments(polylines, minLength / 2));
        return SideSegments.quads(SideSegments.strongest(found), 0.6 * minSide, max);
    }

    private static int[] points(MatOfPoint c) {
        int n = c.rows();
        int[] xy = new int[2 * n];
        c.get(0, 0, xy);
        return xy;
    }

    private Outline outline(MatOfPoint contour, int w, int h, double minArea) {
        Imgproc.convexHull(contour, hull);
        int n = contour.rows();
        if (contourXy.length < 2 * n) {
            contourXy = new int[2 * n];
        }
        contour.get(0, 0, contourXy);
        int m = hull.rows();
        if (hullIndex.length < m) {
            hullIndex = new int[m];
            hullXy = new float[2 * m];
        }
        hull.get(0, 0, hullIndex);
        boolean atBorder = false;
        for (int i = 0; i < m; i++) {
            int x = contourXy[2 * hullIndex[i]];
            int y = contourXy[2 * hullIndex[i] + 1];
            hullXy[2 * i] = x;
            hullXy[2 * i + 1] = y;
            if (x <= 2 || y <= 2 || x >= w - 3 || y >= h - 3) {
                atBorder = true;
            }
        }
        curve.create(m, 1, CvType.CV_32FC2);
        curve.put(0, 0, hullXy); // its first m points: the rest of the buffer does not fit
        double area = Imgproc.contourArea(curve);
        if (area < minArea) {
            return null;
        }
        double perimeter = Imgproc.arcLength(curve, true);
        if (atBorder) {
            // what is left of a card reaching over the frame's edge: its visible corners and the
            // points where its sides leave the picture (three: a lone corner in the picture)
            Imgproc.approxPolyDP(curve, approx, 0.015 * perimeter, true);
            return approx.rows() >= 3 && approx.rows() <= 8 ? outline(approx, area, true) : null;
        }
        for (double eps : SIMPLIFY) {
            Imgproc.approxPolyDP(curve, approx, eps * perimeter, true);
            if (approx.rows() <= 4) {
                break;
            }
        }
        return approx.rows() == 4 ? outline(approx, area, false) : null;
    }

    private Outline outline(MatOfPoint2f polygon, double area, boolean atBorder) {
        int n = polygon.rows();
        polygon.get(0, 0, corners);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = corners[2 * i];
            y[i] = corners[2 * i + 1];
        }
        return new Outline(x, y, area, atBorder);
    }

    /** The span between the darkest and the brightest percent of the picture. */
    private double contrastRange(Mat work) {
        int n = work.cols() * work.rows();
        if (pixels.length < n) {
            pixels = new byte[n];
        }
        work.get(0, 0, pixels);
        java.util.Arrays.fill(histogram, 0);
        for (int i = 0; i < n; i++) {
            histogram[pixels[i] & 0xff]++;
        }
        int cut = n / 100;
        int lo = 0;
        for (int sum = 0; lo < 255 && (sum += histogram[lo]) <= cut; lo++) {
            // walk up to the darkest percent
        }
        int hi = 255;
        for (int sum = 0; hi > 0 && (sum += histogram[hi]) <= cut; hi--) {
            // walk down to the brightest percent
        }
        return Math.max(1, hi - lo);
    }

    @Override
    public void close() {
        for (Mat m : new Mat[] {gray, smooth, edges, thin, lines, lineInput, hierarchy, kernel, flat, hull, curve,
            approx}) {
            m.release();
        }
        flatKernels.values().forEach(Mat::release);
    }
}
