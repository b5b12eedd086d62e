package jp.kenpo.kiosk.capture.card;

/** The projective map from the unit square (u right, v down) onto a quadrilateral. */
final class Homography {
    private final double a;
    private final double b;
    private final double c;
    private final double d;
    private final double e;
    private final double f;
    private final double g;
    private final double h;

    private Homography(double a, double b, double c, double d, double e, double f, double g, double h) {
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
        this.e = e;
        this.f = f;
        this.g = g;
        this.h = h;
    }

    /** (0,0), (1,0), (1,1), (0,1) onto corners 0, 1, 2, 3 (Heckbert, "Fundamentals of Texture Mapping", 1989). */
    static Homography unitSquareTo(Quad q) {
        double dx1 = q.x[1] - q.x[2];
        double dx2 = q.x[3] - q.x[2];
        double dx3 = q.x[0] - q.x[1] + q.x[2] - q.x[3];
        double dy1 = q.y[1] - q.y[2];
        double dy2 = q.y[3] - q.y[2];
        double dy3 = q.y[0] - q.y[1] + q.y[2] - q.y[3];
        double g = 0;
        double h = 0;
        double den = dx1 * dy2 - dx2 * dy1;
        if ((dx3 != 0 || dy3 != 0) && den != 0) {
            g = (dx3 * dy2 - dx2 * dy3) / den;
            h = (dx1 * dy3 - dx3 * dy1) / den;
        }
        return new Homography(q.x[1] - q.x[0] + g * q.x[1], q.x[3] - q.x[0] + h * q.x[3], q.x[0],
                q.y[1] - q.y[0] + g * q.y[1], q.y[3] - q.y[0] + h * q.y[3], q.y[0], g, h);
    }

    double x(double u, double v) {
        return (a * u + b * v + c) / (g * u + h * v + 1);
    }

    double y(double u, double v) {
        return (d * u + e * v + f) / (g * u + h * v + 1);
    }
}
