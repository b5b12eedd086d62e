package jp.kenpo.kiosk.capture.scenes;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Small things beside the card: pens, coins, keys and hands. Each is a stack of flat polygons in millimetres on a
 * plane (the desk, or the card's plane for the hand holding it), drawn through that plane's homography with
 * antialiased edges. Solid layers are convex (holes aside) and together form the silhouette used for shadows and
 * for keeping props off the card.
 */
final class Props {

    /** A polygon in plane mm (x0, y0, x1, y1, ...), optionally with a hole (a second contour, even-odd filled). */
    record Layer(double[] xy, double[] hole, double[] bgr, boolean solid) {
    }

    /** An object made of layers, drawn bottom first. */
    static final class Prop {
        final String name;
        final List<Layer> layers = new ArrayList<>();

        Prop(String name) {
            this.name = name;
        }

        Prop add(double[] xy, double[] bgr, boolean solid) {
            layers.add(new Layer(xy, null, bgr, solid));
            return this;
        }

        /** A ring: the outline xy minus the hole. */
        Prop ring(double[] xy, double[] hole, double[] bgr, boolean solid) {
            layers.add(new Layer(xy, hole, bgr, solid));
            return this;
        }

        /** This prop turned by angle (radians) about the local origin and moved to (x, y) mm. */
        Prop placed(double angle, double x, double y) {
            Prop p = new Prop(name);
            double c = Math.cos(angle);
            double s = Math.sin(angle);
            for (Layer l : layers) {
                p.layers.add(new Layer(move(l.xy, c, s, x, y), l.hole == null ? null : move(l.hole, c, s, x, y), l.bgr,
                        l.solid));
            }
            return p;
        }

        private static double[] move(double[] xy, double c, double s, double x, double y) {
            double[] q = new double[xy.length];
            for (int i = 0; i < q.length; i += 2) {
                q[i] = c * xy[i] - s * xy[i + 1] + x;
                q[i + 1] = s * xy[i] + c * xy[i + 1] + y;
            }
            return q;
        }

        List<Point[]> silhouette(double[] h) {
            List<Point[]> s = new ArrayList<>();
            for (Layer l : layers) {
                if (l.solid) {
                    s.add(Pinhole.apply(h, l.xy));
                }
            }
            return s;
        }

        void draw(Mat frame, double[] h) {
            for (Layer l : layers) {
                List<MatOfPoint> poly = new ArrayList<>(2);
                poly.add(Pinhole.fixed(Pinhole.apply(h, l.xy), 1));
                if (l.hole != null) {
                    poly.add(Pinhole.fixed(Pinhole.apply(h, l.hole), 1));
                }
                Imgproc.fillPoly(frame, poly, new Scalar(l.bgr[0], l.bgr[1], l.bgr[2]), Imgproc.LINE_AA, Pinhole.SHIFT);
                for (MatOfPoint m : poly) {
                    m.release();
                }
            }
        }

        /** Draws the silhouette, moved by (dx, dy) pixels, into a shade map scaled by k, with the given value. */
        void shadow(Mat shade, double[] h, double dx, double dy, double k, double value) {
            for (Layer l : layers) {
                if (!l.solid) {
                    continue;
                }
                List<MatOfPoint> poly = new ArrayList<>(2);
                poly.add(Pinhole.fixed(moved(Pinhole.apply(h, l.xy), dx, dy), k));
                if (l.hole != null) {
                    poly.add(Pinhole.fixed(moved(Pinhole.apply(h, l.hole), dx, dy), k));
                }
                Imgproc.fillPoly(shade, poly, Scalar.all(value), Imgproc.LINE_AA, Pinhole.SHIFT);
                for (MatOfPoint m : poly) {
                    m.release();
                }
            }
        }

        private static Point[] moved(Point[] p, double dx, double dy) {
            Point[] q = new Point[p.length];
            for (int i = 0; i < p.length; i++) {
                q[i] = new Point(p[i].x + dx, p[i].y + dy);
            }
            return q;
        }
    }

    private Props() {
    }

    // ---- shapes in mm ----

    static double[] capsule(double x1, double y1, double x2, double y2, double rad) {
        int seg = 10;
        double a = Math.atan2(y2 - y1, x2 - x1);
        double[] xy = new double[4 * (seg + 1)];
        int k = 0;
        for (int i = 0; i <= seg; i++) {
            double t = a - Math.PI / 2 + Math.PI * i / seg;
            xy[k++] = x2 + rad * Math.cos(t);
            xy[k++] = y2 + rad * Math.sin(t);
        }
        for (int i = 0; i <= seg; i++) {
            double t = a + Math.PI / 2 + Math.PI * i / seg;
            xy[k++] = x1 + rad * Math.cos(t);
            xy[k++] = y1 + rad * Math.sin(t);
        }
        return xy;
    }

    static double[] ellipse(double cx, double cy, double rx, double ry, double ang, int n) {
        double[] xy = new double[2 * n];
        double c = Math.cos(ang);
        double s = Math.sin(ang);
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            double x = rx * Math.cos(t);
            double y = ry * Math.sin(t);
            xy[2 * i] = cx + c * x - s * y;
            xy[2 * i + 1] = cy + s * x + c * y;
        }
        return xy;
    }

    static double[] roundRect(double cx, double cy, double w, double h, double rad) {
        int seg = 6;
        double[] xy = new double[8 * (seg + 1)];
        double[][] centres = {{cx + w / 2 - rad, cy + h / 2 - rad}, {cx - w / 2 + rad, cy + h / 2 - rad},
            {cx - w / 2 + rad, cy - h / 2 + rad}, {cx + w / 2 - rad, cy - h / 2 + rad}};
        int k = 0;
        for (int q = 0; q < 4; q++) {
            for (int i = 0; i <= seg; i++) {
                double t = q * Math.PI / 2 + Math.PI / 2 * i / seg;
                xy[k++] = centres[q][0] + rad * Math.cos(t);
                xy[k++] = centres[q][1] + rad * Math.sin(t);
            }
        }
        return xy;
    }

    private static double[] shade(double[] c, double k) {
        return new double[] {c[0] * k, c[1] * k, c[2] * k};
    }

    private static double[] lift(double[] c, double k) {
        return new double[] {c[0] + (255 - c[0]) * k, c[1] + (255 - c[1]) * k, c[2] + (255 - c[2]) * k};
    }

    private static double[] vary(double[] c, Random r, double amount) {
        double k = 1 + (r.nextDouble() - 0.5) * amount;
        return new double[] {Math.min(255, c[0] * k), Math.min(255, c[1] * k), Math.min(255, c[2] * k)};
    }

    // ---- the props ----

    static Prop pen(Random r) {
        double[][] bodies = {{30, 30, 32}, {150, 60, 20}, {40, 40, 190}, {235, 235, 235}, {180, 180, 185},
            {40, 200, 230}, {60, 120, 40}};
        double[] body = vary(bodies[r.nextInt(bodies.length)], r, 0.15);
        double[] cap = r.nextBoolean() ? body : vary(bodies[r.nextInt(bodies.length)], r, 0.15);
        double len = 128 + r.nextDouble() * 22;
        double rad = 4 + r.nextDouble() * 1.6;
        double h = len / 2;
        Prop p = new Prop("pen");
        p.add(capsule(-h, 0, h - 4, 0, rad + 0.35), shade(body, 0.45), true);
        p.add(new double[] {h - 5, -rad * 0.85, h + 9, -rad * 0.22, h + 9, rad * 0.22, h - 5, rad * 0.85},
                shade(body, 0.5), true);
        p.add(new double[] {h - 4.5, -rad * 0.75, h + 8, -rad * 0.15, h + 8, rad * 0.15, h - 4.5, rad * 0.75},
                new double[] {150, 150, 155}, false);
        p.add(capsule(-h, 0, h - 4, 0, rad), body, false);
        p.add(capsule(-h, 0, -h + 50, 0, rad + 0.25), cap, false);
        p.add(capsule(-h + 3, -rad * 0.45, h - 8, -rad * 0.45, rad * 0.16), lift(body, 0.45), false);
        p.add(capsule(-h + 8, -rad * 0.1, -h + 44, -rad * 0.1, 1.1), new double[] {200, 200, 205}, false);
        return p;
    }

    static Prop coin(Random r) {
        int k = r.nextInt(4);
        double[] dia = {20.0, 23.5, 22.6, 26.5};
        double[][] metal = {{205, 205, 208}, {70, 112, 170}, {170, 174, 178}, {95, 160, 196}};
        String[] names = {"coin-1yen", "coin-10yen", "coin-100yen", "coin-500yen"};
        double rad = dia[k] / 2;
        double[] m = vary(metal[k], r, 0.2);
        Prop p = new Prop(names[k]);
        p.add(ellipse(0, 0, rad, rad, 0, 36), shade(m, 0.7), true);
        p.add(ellipse(0, 0, rad * 0.93, rad * 0.93, 0, 36), m, false);
        p.add(ellipse(0, 0, rad * 0.8, rad * 0.8, 0, 36), shade(m, 0.86), false);
        p.add(ellipse(0, 0, rad * 0.76, rad * 0.76, 0, 36), m, false);
        // a stylised relief: a few darker strokes
        for (int i = 0; i < 3; i++) {
            double a = r.nextDouble() * Math.PI;
            double l = rad * (0.25 + r.nextDouble() * 0.3);
            double ox = (r.nextDouble() - 0.5) * rad * 0.6;
            double oy = (r.nextDouble() - 0.5) * rad * 0.6;
            p.add(capsule(ox - l * Math.cos(a), oy - l * Math.sin(a), ox + l * Math.cos(a), oy + l * Math.sin(a),
                    rad * 0.07), shade(m, 0.8), false);
        }
        p.add(ellipse(-rad * 0.35, -rad * 0.35, rad * 0.3, rad * 0.18, -Math.PI / 4, 20), lift(m, 0.35), false);
        return p;
    }

    static Prop keys(Random r) {
        boolean brass = r.nextBoolean();
        double[] metal = vary(brass ? new double[] {80, 165, 205} : new double[] {185, 185, 182}, r, 0.15);
        Prop p = new Prop("keys");
        double ringR = 11 + r.nextDouble() * 5;
        // the split ring: a thin metal annulus
        p.ring(ellipse(0, 0, ringR, ringR, 0, 48), ellipse(0, 0, ringR - 1.6, ringR - 1.6, 0, 48), shade(metal, 0.8),
                true);
        p.ring(ellipse(0, 0, ringR - 0.4, ringR - 0.4, 0, 48), ellipse(0, 0, ringR - 1.1, ringR - 1.1, 0, 48),
                lift(metal, 0.2), false);
        int n = 1 + r.nextInt(2);
        for (int k = 0; k < n; k++) {
            double a = (k == 0 ? 0 : 0.5 + r.nextDouble()) + r.nextDouble() * 0.3;
            double[] km = k == 0 ? metal : vary(brass ? new double[] {185, 185, 182} : new double[] {80, 165, 205},
                    r, 0.15);
            Prop key = new Prop("key");
            double hr = 11 + r.nextDouble() * 3;
            double bl = 32 + r.nextDouble() * 12;
            key.ring(ellipse(hr, 0, hr, hr * 0.92, 0, 32), ellipse(hr * 0.45, 0, 2.6, 2.6, 0, 16), shade(km, 0.55),
                    true);
            key.add(new double[] {hr * 1.6, -4.6, 2 * hr + bl, -4.6, 2 * hr + bl + 4, 0, 2 * hr + bl, 4.6,
                hr * 1.6, 4.6}, shade(km, 0.55), true);
            key.ring(ellipse(hr, 0, hr - 0.6, hr * 0.92 - 0.6, 0, 32), ellipse(hr * 0.45, 0, 3.2, 3.2, 0, 16), km,
                    false);
            double[] blade = new double[4 + 2 * 9 + 4];
            int i = 0;
            blade[i++] = hr * 1.6;
            blade[i++] = -4;
            blade[i++] = 2 * hr + bl + 3;
            blade[i++] = -0.5;
            for (int t = 8; t >= 0; t--) {
                blade[i++] = 2 * hr + t * bl / 8.5;
                blade[i++] = t % 2 == 0 ? 4 : 1.5 + r.nextDouble() * 1.5;
            }
            blade[i++] = hr * 1.6;
            blade[i] = 4;
            key.add(blade, km, false);
            key.add(capsule(2 * hr + 1, -0.5, 2 * hr + bl - 1, -0.5, 0.5), shade(km, 0.7), false);
            key.add(ellipse(hr * 1.2, -hr * 0.4, hr * 0.35, hr * 0.18, 0.3, 16), lift(km, 0.4), false);
            // hang the key from the ring: its hole sits on the ring wire
            Prop hung = key.placed(a, 0, 0);
            double ox = Math.cos(a) * (ringR - 0.8 - hr * 0.45);
            double oy = Math.sin(a) * (ringR - 0.8 - hr * 0.45);
            p.layers.addAll(hung.placed(0, ox, oy).layers);
        }
        return p;
    }

    static double[] skin(Random r) {
        double[][] tones = {{165, 190, 232}, {135, 168, 215}, {105, 140, 190}, {75, 105, 150}, {55, 80, 115}};
        return vary(tones[r.nextInt(tones.length)], r, 0.1);
    }

    /** A hand lying flat, back up, wrist at the origin and fingers along +y; a left hand when mirrored. */
    static Prop hand(Random r, double[] skin, boolean mirrored) {
        Prop p = new Prop("hand");
        double m = mirrored ? -1 : 1;
        double[] edge = shade(skin, 0.72);
        double[] sleeve = vary(new double[][] {{60, 40, 30}, {40, 40, 45}, {200, 200, 205}, {120, 90, 60}}
                [r.nextInt(4)], r, 0.2);
        double scale = 0.92 + r.nextDouble() * 0.16;
        p.add(capsule(0, 5, 0, -170, 31 * scale), edge, true);
        p.add(capsule(0, 5, 0, -170, 30 * scale), skin, false);
        p.add(roundRect(0, -120 * scale, 80 * scale, 110 * scale, 12), sleeve, true);
        p.add(roundRect(0, 45 * scale, 82 * scale, 94 * scale, 28 * scale), edge, true);
        p.add(roundRect(0, 45 * scale, 80 * scale, 92 * scale, 27 * scale), skin, false);
        double[][] fingers = {{-27, 70, 8.8, -7}, {-9, 78, 9.2, -1.5}, {9, 73, 8.9, 4}, {26, 58, 7.9, 11}};
        double spread = 0.5 + r.nextDouble();
        for (double[] f : fingers) {
            double a = Math.toRadians(f[3] * spread);
            double bx = m * f[0] * scale;
            double by = 80 * scale;
            double len = f[1] * scale * (0.93 + r.nextDouble() * 0.1);
            double tx = bx + m * len * Math.sin(a);
            double ty = by + len * Math.cos(a);
            digit(p, bx, by, tx, ty, f[2] * scale, skin, edge, true);
        }
        double ta = Math.toRadians(-(40 + r.nextDouble() * 25));
        double tbx = -m * 33 * scale;
        double tby = 30 * scale;
        double tl = 60 * scale;
        digit(p, tbx, tby, tbx + m * tl * Math.sin(ta), tby + tl * Math.cos(ta), 10.5 * scale, skin, edge, true);
        return p;
    }

    /**
     * A finger or thumb from base to tip: outline, skin, a soft highlight along its round back, creases, and the
     * nail when it is seen from the back.
     */
    static void digit(Prop p, double bx, double by, double tx, double ty, double rad, double[] skin, double[] edge,
                      boolean nail) {
        p.add(capsule(bx, by, tx, ty, rad + 0.7), edge, true);
        p.add(capsule(bx, by, tx, ty, rad), skin, false);
        double len = Math.hypot(tx - bx, ty - by);
        double ux = (tx - bx) / len;
        double uy = (ty - by) / len;
        p.add(capsule(bx - uy * rad * 0.2, by + ux * rad * 0.2, tx - uy * rad * 0.2 - ux * rad * 0.3,
                ty + ux * rad * 0.2 - uy * rad * 0.3, rad * 0.45), lift(skin, 0.1), false);
        for (double at : new double[] {0.45, 0.72}) {
            double cx = bx + ux * len * at;
            double cy = by + uy * len * at;
            p.add(capsule(cx - uy * rad * 0.5, cy + ux * rad * 0.5, cx + uy * rad * 0.5, cy - ux * rad * 0.5,
                    0.35), shade(skin, 0.82), false);
        }
        if (!nail) {
            return;
        }
        double nx = tx - ux * rad * 0.55;
        double ny = ty - uy * rad * 0.55;
        p.add(ellipse(nx, ny, rad * 0.75, rad * 0.55, Math.atan2(uy, ux), 20), lift(new double[] {
            skin[0] * 1.02, skin[1] * 0.98, skin[2] * 1.0}, 0.25), false);
    }

    /**
     * A hand holding a card by one edge, in the card's plane: the palm and fingers behind the card (drawn before
     * it) and the thumb in front, its tip overlapping the edge by exactly {@code overlapMm}.
     *
     * @param px    edge point (mm) where the thumb crosses the edge
     * @param nx    inward unit normal of that edge (x)
     * @param ny    inward unit normal of that edge (y)
     * @param depth extent of the card along the normal, to keep fingers behind it
     * @return {behind, thumb}
     */
    static Prop[] holding(Random r, double px, double py, double nx, double ny, double overlapMm, double depth,
                          double[] skin) {
        double[] edge = shade(skin, 0.72);
        double side = r.nextBoolean() ? 1 : -1;
        double tx = -ny * side;
        double ty = nx * side;
        double rt = 9.5 + r.nextDouble() * 1.5;
        double beta = Math.toRadians((r.nextDouble() - 0.5) * 36);
        double ax = nx * Math.cos(beta) - ny * Math.sin(beta);
        double ay = nx * Math.sin(beta) + ny * Math.cos(beta);
        // the outline (0.7 mm beyond the skin) is what reaches furthest into the card
        double cx = px + nx * (overlapMm - rt - 0.7);
        double cy = py + ny * (overlapMm - rt - 0.7);
        double lt = 44 + r.nextDouble() * 10;
        double bx = cx - ax * lt;
        double by = cy - ay * lt;
        // palm centre: beside the thumb's root, away from the card
        double qx = bx + tx * 32 - nx * 8;
        double qy = by + ty * 32 - ny * 8;
        Prop behind = new Prop("hand");
        double[] sleeve = vary(new double[][] {{60, 40, 30}, {40, 40, 45}, {200, 200, 205}}[r.nextInt(3)], r, 0.2);
        behind.add(capsule(qx - nx * 40, qy - ny * 40, qx - nx * 220, qy - ny * 220, 31), edge, true);
        behind.add(capsule(qx - nx * 40, qy - ny * 40, qx - nx * 220, qy - ny * 220, 30), skin, false);
        behind.add(capsule(qx - nx * 120, qy - ny * 120, qx - nx * 240, qy - ny * 240, 40), sleeve, true);
        behind.add(capsule(qx - nx * 18 - tx * 12, qy - ny * 18 - ty * 12, qx + nx * 14 + tx * 8,
                qy + ny * 14 + ty * 8, 37), edge, true);
        behind.add(capsule(qx - nx * 18 - tx * 12, qy - ny * 18 - ty * 12, qx + nx * 14 + tx * 8,
                qy + ny * 14 + ty * 8, 36), skin, false);
        double[] lateral = {-3, 15, 32, 48};
        double[] lengths = {72, 80, 74, 60};
        // the fingers start where the palm ends and must stay behind the card
        double startAlong = (qx - px) * nx + (qy - py) * ny + 40;
        for (int i = 0; i < 4; i++) {
            double fx = qx + nx * 40 + tx * (lateral[i] - 22);
            double fy = qy + ny * 40 + ty * (lateral[i] - 22);
            double len = Math.min(lengths[i], depth - 6 - startAlong);
            if (len > 5) {
                digit(behind, fx, fy, fx + nx * len, fy + ny * len, 8.8, skin, edge, false);
            }
        }
        Prop thumb = new Prop("thumb");
        digit(thumb, bx, by, cx, cy, rt, skin, edge, true);
        return new Prop[] {behind, thumb};
    }
}
