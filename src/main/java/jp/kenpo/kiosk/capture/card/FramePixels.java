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

    /** Makes room for a frame of this size and returns the buffer to fill with BGR bytes, row after row. */
    byte[] reset(int w, int h) {
        if (data.length < w * h * 3) {
            data = new byte[w * h * 3];
        }
        width = w;
        height = h;
        pending = null;
        return data;
    }

    /**
     * Takes a BGR frame, to be copied only when a pixel of it is first read: a frame in which no
     * outline is worth a closer look is never copied.
     */
    void lazily(org.opencv.core.Mat frame) {
        reset(frame.cols(), frame.rows());
        pending = frame;
    }

    private void load() {
        org.opencv.core.Mat frame = pending;
        pending = null;
        if (frame.isContinuous()) {
            frame.get(0, 0, data);
        } else {
            org.opencv.core.Mat block = frame.clone();
            block.get(0, 0, data);
            block.release();
        }
    }

    /** The luma at a point between pixel centres (pixel centres at integer coordinates); NaN outside. */
    double luma(double x, double y) {
        return along(x, y, LUMA);
    }

    /**
     * The colour at a point projected on {@code axis} (BGR weights); NaN outside the frame.
     */
    double along(double x, double y, double[] axis) {
        if (pending != null) {
            load();
        }
        if (x < 0 || y < 0 || x > width - 1 || y > height - 1) {
            return Double.NaN;
        }
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = x0 + 1 < width ? x0 + 1 : x0;
        int y1 = y0 + 1 < height ? y0 + 1 : y0;
        double fx = x - x0;
        double fy = y - y0;
        int a = (y0 * width + x0) * 3;
        int b = (y0 * width + x1) * 3;
        int c = (y1 * width + x0) * 3;
        int d = (y1 * width + x1) * 3;
        double wa = (1 - fx) * (1 - fy);
        double wb = fx * (1 - fy);
        double wc = (1 - fx) * fy;
        double wd = fx * fy;
        double v = 0;
        for (int k = 0; k < 3; k++) {
            double p = (data[a + k] & 0xff) * wa + (data[b + k] & 0xff) * wb + (data[c + k] & 0xff) * wc
                    + (data[d + k] & 0xff) * wd;
            v += axis[k] * p;
        }
        return v;
    }

    /** The colour (BGR) at a point into {@code out}; false outside the frame. */
    boolean colour(double x, double y, double[] out) {
        for (int k = 0; k < 3; k++) {
            double[] unit = k == 0 ? B : k == 1 ? G : R;
            out[k] = along(x, y, unit);
            if (Double.isNaN(out[k])) {
                return false;
            }
        }
        return true;
    }

    private static final double[] B = {1, 0, 0};
    private static final double[] G = {0, 1, 0};
    private static final double[] R = {0, 0, 1};
}
