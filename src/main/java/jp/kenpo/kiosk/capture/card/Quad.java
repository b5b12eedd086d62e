package jp.kenpo.kiosk.capture.card;

/** Four corners in picture pixels, in the card's order (clockwise from the card's top-left). */
final class Quad {

    final double[] x = new double[4];
    final double[] y = new double[4];

    Quad set(double[] xs, double[] ys) {
        System.arraycopy(xs, 0, x, 0, 4);
        System.arraycopy(ys, 0, y, 0, 4);
        return this;
    }

    Quad set(Quad q) {
        return set(q.x, q.y);
    }

    /**
     * The corners of a quadrilateral in a picture {@code factor} times the size (pixel centres onto
     * pixel centres), in place.
     */
    Quad scale(double factor) {
        for (int i = 0; i < 4; i++) {
            x[i] = (x[i] + 0.5) * factor - 0.5;
            y[i] = (y[i] + 0.5) * factor - 0.5;
        }
        return this;
    }

    double area() {
        double a = 0;
        for (int i = 0; i < 4; i++) {
            int j = (i + 1) % 4;
            a += x[i] * y[j] - x[j] * y[i];
        }
        return Math.abs(a) / 2;
    }

    /** Whether the corners make a convex quadrilateral, clockwise in the picture (y down). */
    boolean convex() {
        for (int i = 0; i < 4; i++) {
            int j = (i + 1) % 4;
            int k = (i + 2) % 4;
            double cross = (x[j] - x[i]) * (y[k] - y[j]) - (y[j] - y[i]) * (x[k] - x[j]);
            if (cross <= 0) {
                return false;
            }
        }
        return true;
    }

    /** The smallest distance of a corner to the picture's edge (negative when a corner is outside). */
    double margin(int width, int height) {
        double m = Double.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            m = Math.min(m, Math.min(Math.min(x[i], y[i]), Math.min(width - 1 - x[i], height - 1 - y[i])));
        }
        return m;
    }
}
