package jp.kenpo.kiosk.capture.scenes;

import java.util.Arrays;
import java.util.Random;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The card as a physical body rather than a picture: a slab of PVC 0.76 mm thick (ISO/IEC 7810 ID-1) with a glossy
 * face, lit by the room's light over the counter ({@link Lamp}: a ceiling panel 10–35° from the vertical, 0.25–0.45
 * rad across, giving 18–32 % of the light; the rest is the room's diffuse light). Three things come of it, all small
 * but always there in a photo of a real card:
 * <ul>
 *   <li><b>Contact shadow.</b> Where the card lies on the surface its edge stands like a low wall, h = 0.76 mm plus
 *       0–1.2 mm of warp (a card is never quite flat). Right at its foot the wall hides part of the room's diffuse
 *       light (ambient occlusion: the cosine-weighted share of the sky a long wall of height h hides at distance d is
 *       ½ (1 − d / √(d² + h²)), here scaled to 18–32 % at the foot for a room lit mostly from the ceiling) and, on the
 *       sides facing away from the lamp, the lamp itself: an umbra h · tan(zenith) · cos(angle to the lamp) wide
 *       (0.2–1 mm on the side straight away from it) with a penumbra of h times the lamp's angular size. Together
 *       they darken the surface by 34–49 % at the foot of the side away from the lamp and 12–22 % at the side
 *       facing it, falling below 5 % within 0.7–1.7 mm (5th–95th percentiles). Seen from above, the face's own
 *       overhang (t · lateral offset / distance) hides the first tenths of a millimetre of it.
 *   <li><b>Held shadow.</b> A card held above the surface casts instead the displaced, blurred shadow of
 *       {@link CardScenes}' shadow maps: offset by height · tan(zenith), blurred by its penumbra, height · the lamp's
 *       angular size, and as dark as the light it hides: the lamp's share plus the share of the diffuse light it
 *       subtends, area / (π · height²).
 *   <li><b>The edge.</b> The 0.76 mm side faces of the slab are seen where they face the camera: sides of a card away
 *       from the optical axis, and more of the side that a tilt turns towards the camera (0.76 mm · sin 40° ≈ 0.5 mm
 *       on a TILTED card). A pixel shows a side face when its ray meets the face's plane outside the card's rounded
 *       outline and the back's plane inside it. They are the card's white core, lit as a vertical face is: by the
 *       lamp when they face it, by half the room's diffuse light and what the surface reflects, and by light
 *       scattered through the core from the face (10–30 %). They come out about 50–90 % as bright as the face's white:
 *       a thin grey line against a white face, a lighter one against a dark printed band or a dark surface.
 *   <li><b>Sheen.</b> The laminated face reflects a few per cent of the bright ceiling around the lamp, spread by its
 *       micro-roughness (a lobe 0.45–0.8 rad wide about the lamp's mirror direction): a very mild additive gradient
 *       of at most 2–8 levels across the card. GLARE is the lamp itself mirrored, a different thing, left to
 *       {@link Sensor}.
 * </ul>
 * The labelled corners stay those of the card's face; side faces and contact shadow lie outside its outline.
 */
final class CardBody {

    /** Thickness of an ID-1 card, mm. */
    static final double THICKNESS = 0.76;
    /** How far from the edge the contact shadow is drawn, mm (the occlusion is below 1 % there). */
    private static final double REACH = 2.5;
    /** How far inside the outline the passes begin, mm: well within the pixel the face's edge covers. */
    private static final double INSET = 0.5;

    private CardBody() {
    }

    /**
     * The room's light over the counter: one lamp (a ceiling panel) plus the diffuse light of the room. Drawn per
     * frame; the same lamp casts the props' shadows, the held card's shadow, the contact shadow, lights the edges and
     * gives the sheen its direction.
     */
    static final class Lamp {
        /** Direction on the image in which shadows fall, radians. */
        final double azimuth;
        /**
         * Tangent of the lamp's zenith angle: a shadow falls k mm away per mm of height. The lamp is 10–35° from the
         * vertical: a ceiling panel is seldom straight above the counter.
         */
        final double k;
        /** Angular size of the lamp, radians (a 60 cm panel 1.5–2.5 m above the counter). */
        final double size;
        /** Share of the surface's light that comes from the lamp; the rest is the room's diffuse light. */
        final double direct;
        /**
         * Share of the diffuse light that a wall standing on the surface hides right at its foot: one half for a
         * uniform sky, less in a room whose light comes mostly from the ceiling.
         */
        final double occlusion;
        /**
         * How far the edge of a card lying on the surface stands off it, mm: a card is never quite flat (ISO/IEC 7810
         * allows 1.5 mm of warp), so its edge is a wall 0.76 mm plus this high. Mostly small, up to 1.2 mm.
         */
        final double gap;
        /** Diffuse light reaching a vertical face from the upper half-space, relative to a uniform sky. */
        final double skyOnSide;
        /** Light scattered through the white core and out of the edge, as a share of the face's light. */
        final double translucency;
        /** Peak level the glossy face adds by reflecting the ceiling around the lamp. */
        final double sheen;
        /** Angular width of that reflection (ceiling glow spread by the face's roughness), radians. */
        final double sheenWidth;

        Lamp(Random r) {
            azimuth = 2 * Math.PI * r.nextDouble();
            k = Math.tan(Math.toRadians(10 + 25 * r.nextDouble()));
            size = 0.25 + 0.2 * r.nextDouble();
            direct = 0.18 + 0.14 * r.nextDouble();
            occlusion = 0.18 + 0.14 * r.nextDouble();
            double bow = r.nextDouble();
            gap = 1.2 * bow * bow;
            skyOnSide = 0.6 + 0.4 * r.nextDouble();
            translucency = 0.1 + 0.2 * r.nextDouble();
            sheen = 2 + 6 * r.nextDouble();
            sheenWidth = 0.45 + 0.35 * r.nextDouble();
        }

        double zenithDeg() {
            return Math.toDegrees(Math.atan(k));
        }

        /**
         * How dark the shadow of a flat thing of the given area held at the given height over the surface is at its
         * middle: it hides the lamp (its direct share) and the part of the room's light it subtends.
         */
        double heldDepth(double heightMm, double areaMm2) {
            double subtends = Math.min(0.5, areaMm2 / (Math.PI * Math.max(1, heightMm * heightMm)));
            return direct + (1 - direct) * subtends;
        }

        /**
         * Where the light comes from, for a surface with pose {@code desk} and homography hd, seen around image point
         * {@code at}: {lx, ly, lz, sx, sy}, the unit vector towards the lamp in camera coordinates and the unit
         * direction in which shadows fall on the surface, in its plane millimetres.
         */
        double[] towards(Pinhole.Pose desk, double[] hd, Point at) {
            double[] inv = Pinhole.invert(hd);
            Point p0 = Pinhole.apply(inv, at.x, at.y);
            Point p1 = Pinhole.apply(inv, at.x + 8 * Math.cos(azimuth), at.y + 8 * Math.sin(azimuth));
            double sx = p1.x - p0.x;
            double sy = p1.y - p0.y;
            double n = Math.max(1e-12, Math.hypot(sx, sy));
            sx /= n;
            sy /= n;
            double[] rm = desk.r;
            double[] s3 = {rm[0] * sx + rm[1] * sy, rm[3] * sx + rm[4] * sy, rm[6] * sx + rm[7] * sy};
            // the surface normal on the camera's (and the lamp's) side
            double[] up = {-rm[2], -rm[5], -rm[8]};
            double cz = 1 / Math.sqrt(1 + k * k);
            double sz = k * cz;
            return new double[] {cz * up[0] - sz * s3[0], cz * up[1] - sz * s3[1], cz * up[2] - sz * s3[2], sx, sy};
        }
    }

    /** The pose of the card's back face: the face moved by the thickness away from the camera. */
    static Pinhole.Pose back(Pinhole.Pose face) {
        double[] r = face.r;
        return new Pinhole.Pose(r, new double[] {face.t[0] + THICKNESS * r[2], face.t[1] + THICKNESS * r[5],
            face.t[2] + THICKNESS * r[8]});
    }

    /**
     * The surface's colour (B, G, R, per-channel median) around the card: on its plane homography h, along its
     * outline grown by {@code outMm}, where the frame shows it.
     */
    static double[] around(Mat frame, double[] h, double outMm) {
        double a = CardFaces.W / 2 + outMm;
        double b = CardFaces.H / 2 + outMm;
        int n = 64;
        double[][] v = new double[3][n];
        int m = 0;
        byte[] px = new byte[3];
        for (int i = 0; i < n; i++) {
            double t = (i + 0.5) / n * 2 * (2 * a + 2 * b);
            double x;
            double y;
            if (t < 2 * a) {
                x = -a + t;
                y = -b;
            } else if (t < 2 * a + 2 * b) {
                x = a;
                y = -b + t - 2 * a;
            } else if (t < 4 * a + 2 * b) {
                x = a - (t - 2 * a - 2 * b);
                y = b;
            } else {
                x = -a;
                y = b - (t - 4 * a - 2 * b);
            }
            Point p = Pinhole.apply(h, x, y);
            int u = (int) Math.round(p.x);
            int w = (int) Math.round(p.y);
            if (u < 0 || w < 0 || u >= frame.cols() || w >= frame.rows()) {
                continue;
            }
            frame.get(w, u, px);
            for (int c = 0; c < 3; c++) {
                v[c][m] = px[c] & 0xFF;
            }
            m++;
        }
        if (m < 8) {
            return null;
        }
        double[] med = new double[3];
        for (int c = 0; c < 3; c++) {
            double[] s = Arrays.copyOf(v[c], m);
            Arrays.sort(s);
            med[c] = s[m / 2];
        }
        return med;
    }

    /**
     * The print's gains (B, G, R) so that the card's ground differs from the surface around it by at least
     * {@code minLevels} in some channel, moving it as little as it takes: printed PVC is never the very white of a
     * laminate, a paper or a cloth. The ground is moved away from the surface along their difference, or, when the
     * two coincide, along the print's own hue (a cream for a white ground).
     */
    static double[] apart(double[] ground, double[] tint, double[] surface, double minLevels) {
        if (surface == null) {
            return tint;
        }
        double[] g = new double[3];
        double[] e = new double[3];
        double far = 0;
        for (int c = 0; c < 3; c++) {
            g[c] = ground[c] * tint[c];
            e[c] = g[c] - surface[c];
            far = Math.max(far, Math.abs(e[c]));
        }
        if (far >= minLevels) {
            return tint;
        }
        double[] u = e.clone();
        if (far < 2) {
            double mean = (ground[0] + ground[1] + ground[2]) / 3;
            double hue = 0;
            for (int c = 0; c < 3; c++) {
                u[c] = ground[c] - mean;
                hue = Math.max(hue, Math.abs(u[c]));
            }
            if (hue < 3) {
                // a neutral white: printed PVC reads a little cream beside a laminate
                u = new double[] {-1, -0.4, 0.2};
            }
        }
        double big = Math.max(Math.abs(u[0]), Math.max(Math.abs(u[1]), Math.abs(u[2])));
        double[] out = new double[3];
        for (int sign : new int[] {1, -1}) {
            boolean ok = true;
            for (int c = 0; c < 3; c++) {
                double want = surface[c] + sign * u[c] / big * minLevels;
                if (want > 253 || want < 2) {
                    ok = false;
                }
                out[c] = ground[c] < 1 ? tint[c] : want / ground[c];
            }
            if (ok) {
                return out;
            }
        }
        return out;
    }

    /**
     * Darkens the surface at the foot of a card lying on it (see the class comment). {@code hd} is the surface's
     * homography, whose plane millimetres are those of the card's back face (the card lies centred at the origin);
     * {@code shadowDir} the unit direction in which shadows fall in that plane.
     */
    static double contactShadow(Mat frame, double[] hd, Lamp lamp, double[] shadowDir) {
        double a = CardFaces.W / 2;
        double b = CardFaces.H / 2;
        double rad = CardFaces.R;
        double h = THICKNESS + lamp.gap;
        Point[] outer = Pinhole.apply(hd, rect(a + REACH + 0.5, b + REACH + 0.5));
        Point[] inner = Pinhole.apply(hd, inside(a, b, rad, INSET));
        double[] inv = Pinhole.invert(hd);
        double sx = shadowDir[0];
        double sy = shadowDir[1];
        double pen = Math.max(1e-3, h * lamp.size * (1 + lamp.k * lamp.k));
        double amb = (1 - lamp.direct) * lamp.occlusion;
        double[] n = new double[2];
        double[] deepest = {0};
        eachRingPixel(frame, outer, inner, (fx, fy, px, i) -> {
            double q = 1 / (inv[6] * fx + inv[7] * fy + inv[8]);
            double mx = (inv[0] * fx + inv[1] * fy + inv[2]) * q;
            double my = (inv[3] * fx + inv[4] * fy + inv[5]) * q;
            double d = sdf(mx, my, a, b, rad, n);
            if (d >= REACH) {
                return;
            }
            // under the card's edge the surface is seen only through the partly covered edge pixels: the foot
            d = d < 0 ? 0 : d;
            double w = h * lamp.k * (n[0] * sx + n[1] * sy);
            double lit = smooth(w - pen / 2, w + pen / 2, d);
            double ao = 1 - d / Math.sqrt(d * d + h * h);
            double dark = lamp.direct * (1 - lit) + amb * ao * (1 - smooth(0.5 * REACH, REACH, d));
            deepest[0] = Math.max(deepest[0], dark);
            double keep = 1 - dark;
            for (int c = 0; c < 3; c++) {
                px[i + c] = (byte) (int) ((px[i + c] & 0xFF) * keep + 0.5);
            }
        });
        return deepest[0];
    }

    /**
     * Draws the side faces of the card that the camera sees, into the frame, before the face is drawn over them.
     * {@code toLamp} is the unit vector towards the lamp (camera coordinates), {@code core} the colour (B, G, R) of
     * the card's core under the light the surface gets, {@code surfaceAlbedo} the surface's reflectance (0..1), which
     * lights the lower half of a side face.
     */
    static void sides(Mat frame, Pinhole cam, Pinhole.Pose face, Lamp lamp, double[] toLamp, double[] core,
                      double surfaceAlbedo) {
        double a = CardFaces.W / 2;
        double b = CardFaces.H / 2;
        double rad = CardFaces.R;
        double[] hc = cam.homography(face);
        double[] hb = cam.homography(back(face));
        double[] ic = Pinhole.invert(hc);
        double[] ib = Pinhole.invert(hb);
        double[] rm = face.r;
        // how far outside the face's outline a side can show, in the face's plane: t · tan(view angle)
        double reach = 0;
        double[] nrm = {rm[2], rm[5], rm[8]};
        for (int i = 0; i < 4; i++) {
            double[] p = face.camera((i == 1 || i == 2 ? 1 : -1) * a, (i >= 2 ? 1 : -1) * b);
            double len = Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
            double cos = Math.abs(p[0] * nrm[0] + p[1] * nrm[1] + p[2] * nrm[2]) / len;
            reach = Math.max(reach, THICKNESS * Math.sqrt(1 - cos * cos) / Math.max(0.2, cos));
        }
        reach = Math.min(5, reach) + 0.4;
        Point[] outer = Pinhole.apply(hc, rect(a + reach, b + reach));
        Point[] inner = Pinhole.apply(hc, inside(a, b, rad, INSET));
        // light on the face and on a side face with in-plane outward normal (nx, ny): lamp, room, surface, core
        double cz = 1 / Math.sqrt(1 + lamp.k * lamp.k);
        double faceLamp = Math.max(0, -(nrm[0] * toLamp[0] + nrm[1] * toLamp[1] + nrm[2] * toLamp[2])) / cz;
        double onFace = lamp.direct * faceLamp + (1 - lamp.direct);
        double sideRoom = (1 - lamp.direct) * 0.5 * (lamp.skyOnSide + surfaceAlbedo) + lamp.translucency * onFace;
        // the lamp's share on a side is linear in the normal: (nx, ny) · (lx', ly') with l' the lamp in the plane
        double lx = (rm[0] * toLamp[0] + rm[3] * toLamp[1] + rm[6] * toLamp[2]) / cz * lamp.direct;
        double ly = (rm[1] * toLamp[0] + rm[4] * toLamp[1] + rm[7] * toLamp[2]) / cz * lamp.direct;
        double[] nA = new double[2];
        double[] nB = new double[2];
        eachRingPixel(frame, outer, inner, (fx, fy, px, i) -> {
            // where the pixel's ray meets the face's plane (A) and the back's plane (B)
            double wa = inv(ic, fx, fy);
            double ax = (ic[0] * fx + ic[1] * fy + ic[2]) * wa;
            double ay = (ic[3] * fx + ic[4] * fy + ic[5]) * wa;
            double sA = sdf(ax, ay, a, b, rad, nA);
            // millimetres per pixel across the outline, from the Jacobian of the inverse homography
            double gu = ((ic[0] - ax * ic[6]) * nA[0] + (ic[3] - ay * ic[6]) * nA[1]) * wa;
            double gv = ((ic[1] - ax * ic[7]) * nA[0] + (ic[4] - ay * ic[7]) * nA[1]) * wa;
            double g = Math.max(1e-6, Math.sqrt(gu * gu + gv * gv));
            double covA = clamp01(0.5 - sA / g);
            if (covA > 0.999) {
                return;
            }
            double wb = inv(ib, fx, fy);
            double bx = (ib[0] * fx + ib[1] * fy + ib[2]) * wb;
            double by = (ib[3] * fx + ib[4] * fy + ib[5]) * wb;
            double sB = sdf(bx, by, a, b, rad, nB);
            double covB = clamp01(0.5 - sB / g);
            if (covB <= covA + 1e-3) {
                return;
            }
            // the share of what the face leaves visible that is side face
            double share = (covB - covA) / (1 - covA);
            double light = (sideRoom + Math.max(0, nB[0] * lx + nB[1] * ly)) / onFace;
            for (int c = 0; c < 3; c++) {
                double v = (px[i + c] & 0xFF) * (1 - share) + core[c] * light * share;
                px[i + c] = (byte) (int) Math.min(255, v + 0.5);
            }
        });
    }

    /**
     * The face's sheen: the ceiling around the lamp mirrored by the glossy face, levels added at every pixel of a box
     * (computed on a coarse grid: it is smooth).
     */
    static Sheet.Sheen sheen(Pinhole cam, Pinhole.Pose face, Lamp lamp, double[] toLamp) {
        double[] ic = Pinhole.invert(cam.homography(face));
        double[] rm = face.r;
        // the face's normal on the camera's side
        double nx = -rm[2];
        double ny = -rm[5];
        double nz = -rm[8];
        double w2 = 2 * lamp.sheenWidth * lamp.sheenWidth;
        return roi -> {
            int step = 16;
            int gw = roi.width / step + 2;
            int gh = roi.height / step + 2;
            float[] grid = new float[gw * gh];
            for (int j = 0; j < gh; j++) {
                // the pixel that resize maps grid row j to
                double fy = roi.y + (j + 0.5) * roi.height / (double) gh - 0.5;
                for (int i = 0; i < gw; i++) {
                    double fx = roi.x + (i + 0.5) * roi.width / (double) gw - 0.5;
                    double q = inv(ic, fx, fy);
                    double[] p = face.camera((ic[0] * fx + ic[1] * fy + ic[2]) * q,
                            (ic[3] * fx + ic[4] * fy + ic[5]) * q);
                    double len = Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
                    double vx = p[0] / len;
                    double vy = p[1] / len;
                    double vz = p[2] / len;
                    double dn = 2 * (vx * nx + vy * ny + vz * nz);
                    double cos = (vx - dn * nx) * toLamp[0] + (vy - dn * ny) * toLamp[1] + (vz - dn * nz) * toLamp[2];
                    double th = Math.acos(Math.max(-1, Math.min(1, cos)));
                    grid[j * gw + i] = (float) (lamp.sheen * Math.exp(-th * th / w2));
                }
            }
            Mat small = new Mat(gh, gw, CvType.CV_32FC1);
            small.put(0, 0, grid);
            Mat big = new Mat();
            Imgproc.resize(small, big, new Size(roi.width, roi.height), 0, 0, Imgproc.INTER_LINEAR);
            float[] out = new float[roi.width * roi.height];
            big.get(0, 0, out);
            small.release();
            big.release();
            return out;
        };
    }

    // ---- geometry ----

    /**
     * Signed distance (mm, positive outside) from (x, y) to the rounded rectangle of half sizes a × b and corner
     * radius rad centred at the origin; the outward normal at its nearest point goes to n.
     */
    static double sdf(double x, double y, double a, double b, double rad, double[] n) {
        double sx = x < 0 ? -1 : 1;
        double sy = y < 0 ? -1 : 1;
        double qx = x * sx - (a - rad);
        double qy = y * sy - (b - rad);
        if (qx > 0 && qy > 0) {
            double l = Math.sqrt(qx * qx + qy * qy);
            n[0] = sx * qx / l;
            n[1] = sy * qy / l;
            return l - rad;
        }
        if (qx > qy) {
            n[0] = sx;
            n[1] = 0;
            return qx - rad;
        }
        n[0] = 0;
        n[1] = sy;
        return qy - rad;
    }

    private static double inv(double[] m, double x, double y) {
        return 1 / (m[6] * x + m[7] * y + m[8]);
    }

    private static double[] rect(double a, double b) {
        return new double[] {-a, -b, a, -b, a, b, -a, b};
    }

    /**
     * An octagon inside the rounded rectangle (half sizes a × b, corner radius rad) by at least {@code in} mm: its
     * corners cut along chords of the corner arcs. Pixels inside it are wholly covered by the card's face.
     */
    private static double[] inside(double a, double b, double rad, double in) {
        double x = a - in;
        double y = b - in;
        double cx = a - rad;
        double cy = b - rad;
        return new double[] {-cx, -y, cx, -y, x, -cy, x, cy, cx, y, -cx, y, -x, cy, -x, -cy};
    }

    /** What is done at one pixel of a ring: the pixel at frame point (fx, fy), whose first byte is px[i]. */
    private interface RingPixel {
        void at(double fx, double fy, byte[] px, int i);
    }

    /**
     * Visits, row by row, every frame pixel inside {@code outer} but not inside {@code inner} (convex outlines in
     * frame pixels), on a copy of the pixels of their box that is then written back to the frame.
     */
    private static void eachRingPixel(Mat frame, Point[] outer, Point[] inner, RingPixel pixel) {
        Rect box = box(outer, frame);
        if (box == null) {
            return;
        }
        Mat sub = frame.submat(box);
        byte[] px = new byte[box.width * box.height * 3];
        sub.get(0, 0, px);
        for (int y = 0; y < box.height; y++) {
            double fy = box.y + y;
            double[] out = Desk.span(outer, fy);
            if (out == null) {
                continue;
            }
            double[] in = Desk.span(inner, fy);
            int x0 = Math.max(0, (int) Math.floor(out[0]) - box.x);
            int x1 = Math.min(box.width - 1, (int) Math.ceil(out[1]) - box.x);
            for (int x = x0; x <= x1; x++) {
                double fx = box.x + x;
                if (in != null && fx > in[0] && fx < in[1]) {
                    x = Math.max(x, (int) Math.floor(in[1]) - box.x);
                    continue;
                }
                pixel.at(fx, fy, px, 3 * (y * box.width + x));
            }
        }
        sub.put(0, 0, px);
        sub.release();
    }

    private static Rect box(Point[] q, Mat frame) {
        double[] bb = Pinhole.bounds(q);
        int x0 = Math.max(0, (int) Math.floor(bb[0]) - 1);
        int y0 = Math.max(0, (int) Math.floor(bb[1]) - 1);
        int x1 = Math.min(frame.cols(), (int) Math.ceil(bb[2]) + 2);
        int y1 = Math.min(frame.rows(), (int) Math.ceil(bb[3]) + 2);
        return x1 <= x0 || y1 <= y0 ? null : new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    private static double clamp01(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    private static double smooth(double e0, double e1, double x) {
        double t = clamp01((x - e0) / (e1 - e0));
        return t * t * (3 - 2 * t);
    }
}
