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

    private byte[] data = new byte[0];
    private int width;
    private int height;
    private org.opencv.core.Mat pending;

    /**
     * Takes a BGR frame, to be copied only when a pixel of it is first read: a frame in which no
     * outline is worth a closer look is never copied.
     */
    void lazily(org.opencv.core.Mat frame) {
        width = frame.cols();
        height = frame.rows();
        if (data.length < width * height * 3) {
            data = new byte[width * height * 3];
        }
        pending = frame;
    }

    private void load() {
        pending.get(0, 0, data); // row after row, whether or not the frame's rows are contiguous
        pending = null;
    }

    /** The luma at a point between pixel centres (pixel centres at integer coordinates); NaN outside. */
    double luma(double x, double y) {
        return along(x, y, LUMA);
    }

    /**
     * The colour at a point projected on {@code axis} (BGR weights); NaN outside the frame.
     */
    double along(double x, double y, double[] axis) {
        if (!at(x, y)) {
            return Double.NaN;
        }
        double v = 0;
        for (int k = 0; k < 3; k++) {
            v += axis[k] * channel(k);
        }
        return v;
    }

    /** The colour (BGR) at a point into {@code out}; false outside the frame. */
    boolean colour(double x, double y, double[] out) {
        if (!at(x, y)) {
            return false;
        }
        for (int k = 0; k < 3; k++) {
            out[k] = channel(k);
        }
        return true;
    }

    // The four pixels around the point last given to at(), and their bilinear weights.
    private int a;
    private int b;
    private int c;
    private int d;
    private double wa;
    private double wb;
    private double wc;
    private double wd;

    private boolean at(double x, double y) {
        if (pending != null) {
            load();
        }
        if (x < 0 || y < 0 || x > width - 1 || y > height - 1) {
            return false;
        }
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = x0 + 1 < width ? x0 + 1 : x0;
        int y1 = y0 + 1 < height ? y0 + 1 : y0;
        double fx = x - x0;
        double fy = y - y0;
        a = (y0 * width + x0) * 3;
        b = (y0 * width + x1) * 3;
        c = (y1 * width + x0) * 3;
        d = (y1 * width + x1) * 3;
        wa = (1 - fx) * (1 - fy);
        wb = fx * (1 - fy);
        wc = (1 - fx) * fy;
        wd = fx * fy;
        return true;
    }

    private double channel(int k) {
        return (data[a + k] & 0xff) * wa + (data[b + k] & 0xff) * wb + (data[c + k] & 0xff) * wc
                + (data[d + k] & 0xff) * wd;
    }
}
