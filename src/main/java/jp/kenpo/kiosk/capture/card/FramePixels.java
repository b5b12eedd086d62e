package jp.kenpo.kiosk.capture.card;

/**
 * A colour frame as plain Java bytes (BGR, row after row), read with bilinear interpolation
 * between pixel centres. The analyzer copies each frame into one such buffer and reuses it;
 * everything measured along the card's sides and across its print reads it without further
 * native calls.
 *
 * <p>Besides luma, a side of the card can be read along the colour direction in which the card
 * differs most from what lies beyond it: a pale pink card on a lavender desk differs in red by
 * a dozen levels where its luma differs by three.
 */
final class FramePixels {

    /** Rec. 601 luma weights, in BGR order. */
    static final double[] LUMA = {0.114, 0.587, 0.299};

    /** Rows are copied from the frame in bands of this many, each when a pixel of it is first read. */
    static final int BAND = 1 << 4;
    private static final int BAND_SHIFT = Integer.numberOfTrailingZeros(BAND);

    /** The frame's rows, a band of {@value #BAND} rows to an array: each band copied straight into its own. */
    private byte[][] bands = new byte[0][];
    private boolean[] loaded = new boolean[0];
    private int width;
    private int height;
    private org.opencv.core.Mat pending;

    /**
     * Takes a BGR frame, to be copied band by band only when a pixel of it is first read: a frame
     * in which no outline is worth a closer look is never copied, and of one with a card mostly the
     * rows the card spans are.
     */
    void lazily(org.opencv.core.Mat frame) {
        width = frame.cols();
        height = frame.rows();
        int count = (height + BAND - 1) / BAND;
        if (bands.length < count || bands[0].length < width * BAND * 3) {
            bands = new byte[count][width * BAND * 3];
            loaded = new boolean[count];
        }
        java.util.Arrays.fill(loaded, false);
        pending = frame;
    }

    private void load(int b) {
        int row = b * BAND;
        int rows = Math.min(BAND, height - row);
        byte[] band = bands[b];
        if (pending.isContinuous()) {
            // one native copy of the band's rows (a continuous frame's rows follow each other; the
            // last band fills its array only in part)
            pending.get(row, 0, band);
        } else {
            byte[] line = new byte[width * 3];
            for (int r = row; r < row + rows; r++) {
                pending.get(r, 0, line);
                System.arraycopy(line, 0, band, (r - row) * width * 3, line.length);
            }
        }
        loaded[b] = true;
    }

    /** The luma at a point between pixel centres (pixel centres at integer coordinates); NaN outside. */
    double luma(double x, double y) {
        return along(x, y, LUMA);
    }

    /**
     * The colour at a point projected on {@code axis} (BGR weights); NaN outside the frame.
     */
    double along(double x, double y, double[] axis) {
        return sample(x, y, axis, null);
    }

    /** The colour (BGR) at a point into {@code out}; false outside the frame. */
    boolean colour(double x, double y, double[] out) {
        return !Double.isNaN(sample(x, y, null, out));
    }

    /**
     * The bilinear read both of the above make, in local variables (most of the analysis's reads come
     * here): the colour at a point into {@code out} when it is given, projected on {@code axis} when it
     * is given (else 0); NaN outside the frame.
     */
    private double sample(double x, double y, double[] axis, double[] out) {
        if (x < 0 || y < 0 || x > width - 1 || y > height - 1) {
            return Double.NaN;
        }
        int x0 = (int) x;
        int y0 = (int) y; // not negative: a band's index and row in it by shift and mask
        int y1 = y0 + 1 < height ? y0 + 1 : y0;
        int b0 = y0 >> BAND_SHIFT;
        int b1 = y1 >> BAND_SHIFT;
        if (!loaded[b0]) {
            load(b0);
        }
        if (!loaded[b1]) {
            load(b1);
        }
        double fx = x - x0;
        double fy = y - y0;
        byte[] t = bands[b0];
        byte[] u = bands[b1];
        int next = x0 + 1 < width ? 3 : 0; // the pixel to the right, or the last column's own
        int pa = ((y0 & (BAND - 1)) * width + x0) * 3;
        int pb = pa + next;
        int pc = ((y1 & (BAND - 1)) * width + x0) * 3;
        int pd = pc + next;
        double qa = (1 - fx) * (1 - fy);
        double qb = fx * (1 - fy);
        double qc = (1 - fx) * fy;
        double qd = fx * fy;
        double blue = (t[pa] & 0xff) * qa + (t[pb] & 0xff) * qb + (u[pc] & 0xff) * qc + (u[pd] & 0xff) * qd;
        double green = (t[pa + 1] & 0xff) * qa + (t[pb + 1] & 0xff) * qb + (u[pc + 1] & 0xff) * qc
                + (u[pd + 1] & 0xff) * qd;
        double red = (t[pa + 2] & 0xff) * qa + (t[pb + 2] & 0xff) * qb + (u[pc + 2] & 0xff) * qc
                + (u[pd + 2] & 0xff) * qd;
        if (out != null) {
            out[0] = blue;
            out[1] = green;
            out[2] = red;
        }
        return axis == null ? 0 : axis[0] * blue + axis[1] * green + axis[2] * red;
    }
}
