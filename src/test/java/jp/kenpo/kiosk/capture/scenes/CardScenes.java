package jp.kenpo.kiosk.capture.scenes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import jp.kenpo.kiosk.capture.OpenCv;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Labelled synthetic camera frames of Japanese ID cards, for testing a card analyzer.
 *
 * <p>This is a second generator, written independently of the project's first card fixtures: it shares no code or
 * parameters with them and was not tuned against the analyzer. Its truth labels come from the scene model alone.
 *
 * <p>What it models, in the order a camera sees it:
 * <ul>
 *   <li>a pinhole camera (horizontal field of view 60–80°, principal point at the centre) at 1280×720 or 640×480;
 *   <li>an ID-1 card (85.60 × 53.98 × 0.76 mm, 3.18 mm rounded corners) whose face is drawn with Java2D at 12 px/mm
 *       and put into the frame with the homography of a 3-D pose (roll, an out-of-plane tilt about a random in-plane
 *       axis, a distance giving the wanted fill), so tilt shows as real foreshortening and keystone;
 *   <li>the surface below it on its own plane, either under the card or further back when the card is held. The
 *       frames are what a registration kiosk's camera sees at the counter of a health-insurance office, so the
 *       surfaces come with the shares of such counters (see {@link Desk}): a desk top most of the time (wood 25 %,
 *       grey 22 %, light 18 %), a dark mat or cloth sometimes (15 %), a patterned cloth rarely (checks, stripes and
 *       dots 20 % together, on light, mid or dark grounds). Pens, coins, keys and hands lie beside the card, with
 *       soft contact shadows and, in some good frames, a thumb over the card's edge;
 *   <li>the card as a body (see {@link CardBody}), lit by a ceiling lamp drawn per frame (10–35° from the vertical)
 *       plus the room's diffuse light: a card lying on the surface has a contact shadow at the foot of its 0.76 mm
 *       edge (34–49 % darker at the side away from the lamp, 12–22 % at the others, gone within 0.7–1.7 mm), a held
 *       card a shadow displaced by height · tan(zenith) and blurred by height · the lamp's size; the side faces
 *       that face the camera show as a thin line of the card's white core, and the glossy face has a mild sheen.
 *       Real cards look like this, and an analyzer that finds a card by its outline meets these lines and bands at
 *       every edge; the card's printed ground is kept a few levels apart from the surface's colour, as printed PVC
 *       never is the very white of a laminate or a cloth;
 *   <li>light (exposure, white balance 0.85–1.15 per channel, fall-off to 35 % at the corners, a soft shadow), a
 *       specular highlight on the card for GLARE, optical or motion blur, luma-dependent sensor noise (stronger
 *       in DARK frames, as a camera raises its gain), and a JPEG round trip.
 * </ul>
 * Each frame has exactly one {@link Flaw}; everything else about it is good.
 */
public final class CardScenes {

    /** What is wrong with the frame; GOOD frames should be accepted by a card analyzer. */
    public enum Flaw { GOOD, BLURRY, GLARE, DARK, SMALL, CUT_OFF, TILTED, NO_CARD }

    /**
     * Rectangular or card-like things that are NOT an ID card (only in NO_CARD frames, except CLUTTER which may
     * appear anywhere).
     */
    public enum Distractor { NONE, PAPER, PHONE, NOTEBOOK, RECEIPT, CLUTTER }

    /** The four documents a member may show; the My Number card only by its front. */
    public enum Document { DRIVERS_LICENSE, MY_NUMBER_CARD, DRIVING_HISTORY_CERTIFICATE, RESIDENCE_CARD }

    /**
     * One labelled frame. The image belongs to the caller, who releases it.
     *
     * @param image       BGR CV_8UC3, already JPEG round-tripped
     * @param flaw        the one thing wrong with the frame (or GOOD)
     * @param distractor  for NO_CARD frames what is seen instead of a card; for card frames CLUTTER when props lie
     *                    beside the card, else NONE
     * @param document    null for NO_CARD
     * @param corners     the card's four corners in image pixels (sub-pixel, OpenCV convention: pixel centres at
     *                    integers), in the order the card is printed: printed top-left, top-right, bottom-right,
     *                    bottom-left; these are the virtual sharp corners, i.e. intersections of the straight edges
     *                    (real cards have 3.18 mm rounded corners); may lie outside the image for CUT_OFF; null for
     *                    NO_CARD
     * @param blurSigmaPx Gaussian optical blur applied, frame px
     * @param motionPx    motion blur length in px, 0 if none
     * @param tiltDeg     out-of-plane angle between card plane and image plane
     * @param rollDeg     in-plane rotation (positive is clockwise on the image)
     * @param fill        card area / frame area, from the projected corners (the whole quadrilateral, also where it
     *                    lies outside the frame); 0 for NO_CARD
     * @param hfovDeg     the camera's horizontal field of view
     * @param jpegQuality the JPEG quality of the round trip
     * @param background  the surface seen behind the card, e.g. "wood-oak", "cloth-checks", "dark-cloth"
     * @param notes       free text: held or lying, props, thumb overlap, cut edges, glare core, exposure, white
     *                    balance, fall-off, noise, shadow
     */
    public record Scene(Mat image, Flaw flaw, Distractor distractor, Document document, Point[] corners,
                        double blurSigmaPx, double motionPx, double tiltDeg, double rollDeg, double fill,
                        double hfovDeg, int jpegQuality, String background, String notes) {
    }

    private static final Flaw[] MIX = {
        Flaw.GOOD, Flaw.BLURRY, Flaw.GOOD, Flaw.GLARE, Flaw.SMALL, Flaw.GOOD, Flaw.DARK, Flaw.CUT_OFF, Flaw.GOOD,
        Flaw.TILTED, Flaw.GOOD, Flaw.BLURRY, Flaw.GLARE, Flaw.GOOD, Flaw.DARK, Flaw.SMALL, Flaw.CUT_OFF, Flaw.GOOD,
        Flaw.TILTED, Flaw.NO_CARD};
    private static final Distractor[] LOOSE = {
        Distractor.PAPER, Distractor.PHONE, Distractor.NOTEBOOK, Distractor.RECEIPT, Distractor.CLUTTER};

    /** Margin kept to every edge by fully visible cards, as a share of the frame's width or height. */
    static final double MARGIN = 0.03;

    static {
        OpenCv.load();
    }

    private CardScenes() {
    }

    /**
     * n scenes with a fixed mix of flaws and both resolutions, repeatable for a seed: of every 20 frames 7 GOOD,
     * 2 each of BLURRY, GLARE, DARK, SMALL, CUT_OFF and TILTED, and 1 NO_CARD (cycling the distractors); 3 of
     * every 5 frames are 1280×720, the others 640×480; documents cycle over the card frames.
     */
    public static List<Scene> generate(long seed, int n) {
        Random master = new Random(seed);
        List<Scene> out = new ArrayList<>(n);
        int cards = 0;
        int loose = 0;
        for (int i = 0; i < n; i++) {
            Flaw flaw = MIX[i % MIX.length];
            boolean wide = (i + i / MIX.length) % 5 < 3;
            Random r = new Random(master.nextLong());
            Document doc = null;
            Distractor d = null;
            if (flaw == Flaw.NO_CARD) {
                d = LOOSE[loose++ % LOOSE.length];
            } else {
                doc = Document.values()[cards++ % Document.values().length];
            }
            out.add(scene(flaw, doc, d, wide ? 1280 : 640, wide ? 720 : 480, r));
        }
        return out;
    }

    /** One scene of the given flaw at the given resolution. */
    public static Scene scene(Flaw flaw, int width, int height, Random r) {
        Document doc = flaw == Flaw.NO_CARD ? null : Document.values()[r.nextInt(Document.values().length)];
        Distractor d = flaw == Flaw.NO_CARD ? LOOSE[r.nextInt(LOOSE.length)] : null;
        return scene(flaw, doc, d, width, height, r);
    }

    /**
     * One scene with the document (card frames) or distractor (NO_CARD frames) chosen by the caller; a null document
     * or a null/NONE distractor is drawn from r. For card frames the distractor is decided by the scene: CLUTTER
     * when props lie beside the card, else NONE.
     */
    public static Scene scene(Flaw flaw, Document doc, Distractor distractor, int width, int height, Random r) {
        if (flaw != Flaw.NO_CARD && doc == null) {
            doc = Document.values()[r.nextInt(Document.values().length)];
        }
        if (flaw == Flaw.NO_CARD && (distractor == null || distractor == Distractor.NONE)) {
            distractor = LOOSE[r.nextInt(LOOSE.length)];
        }
        Pinhole cam = new Pinhole(width, height, 60 + 20 * r.nextDouble());
        Sensor.Light light = new Sensor.Light();
        StringBuilder notes = new StringBuilder();
        // white-balance error: mostly along colour temperature (blue-amber), a little tint (green-magenta);
        // every gain stays within 0.85-1.15
        double temp = 2 * r.nextDouble() - 1;
        double tint = 2 * r.nextDouble() - 1;
        light.wb[0] = clamp(1 - 0.11 * temp + 0.04 * tint, 0.85, 1.15);
        light.wb[1] = clamp(1 - 0.06 * tint, 0.85, 1.15);
        light.wb[2] = clamp(1 + 0.11 * temp + 0.04 * tint, 0.85, 1.15);
        light.vignette = 0.05 + 0.3 * r.nextDouble();
        light.gradient = 0.12 * r.nextDouble();
        light.gradientAngle = 2 * Math.PI * r.nextDouble();
        if (r.nextInt(10) < 3) {
            double a = 2 * Math.PI * r.nextDouble();
            light.shadowNx = Math.cos(a);
            light.shadowNy = Math.sin(a);
            // the shadowed side covers roughly 20-50 % of the frame
            double reach = Math.abs(cam.width * light.shadowNx) + Math.abs(cam.height * light.shadowNy);
            light.shadowD = cam.cx * light.shadowNx + cam.cy * light.shadowNy + reach * (0.0 + 0.3 * r.nextDouble());
            light.shadowSoft = cam.width * (0.05 + 0.2 * r.nextDouble());
            light.shadowDepth = 0.15 + 0.2 * r.nextDouble();
        }
        double sigma = 0.3 + 0.4 * r.nextDouble();
        double motion = 0;
        double motionDeg = 0;
        double noise = 1 + 3 * r.nextDouble();
        int quality = 70 + r.nextInt(26);
        if (flaw == Flaw.BLURRY) {
            if (r.nextBoolean()) {
                sigma = 2.5 + 2.5 * r.nextDouble();
            } else {
                motion = 10 + 15 * r.nextDouble();
                motionDeg = 180 * r.nextDouble();
            }
        }
        if (flaw == Flaw.DARK) {
            noise *= 1.8 + 0.8 * r.nextDouble();
        }
        Mat frame = new Mat(height, width, CvType.CV_8UC3);
        Built b = flaw == Flaw.NO_CARD ? looseScene(distractor, cam, frame, light, r, notes)
                : cardScene(flaw, doc, cam, frame, light, r, notes);
        Sensor sensor = new Sensor(cam, light);
        Mat image = sensor.develop(frame, b.roi, b.alpha, sigma, motion, motionDeg, noise, quality, r);
        frame.release();
        if (b.alpha != null) {
            b.alpha.release();
        }
        notes.append(String.format(Locale.ROOT, " exposure=%.2f wb=%.2f/%.2f/%.2f vignette=%.2f noise=%.1f",
                light.exposure, light.wb[0], light.wb[1], light.wb[2], light.vignette, noise));
        if (light.shadowDepth > 0) {
            notes.append(String.format(Locale.ROOT, " shadow=%.2f", light.shadowDepth));
        }
        double fill = b.corners == null ? 0 : Pinhole.area(b.corners) / (width * (double) height);
        return new Scene(image, flaw, b.distractor, flaw == Flaw.NO_CARD ? null : doc, b.corners, sigma, motion,
                b.tilt, b.roll, fill, cam.hfovDeg, quality, b.background, notes.toString().trim());
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** What the scene builders hand to the sensor and the label. */
    private record Built(Point[] corners, Rect roi, Mat alpha, double tilt, double roll, Distractor distractor,
                         String background) {
    }

    // ---- frames with a card ----

    private static Built cardScene(Flaw flaw, Document doc, Pinhole cam, Mat frame, Sensor.Light light, Random r,
                                   StringBuilder notes) {
        Placement p = placeCard(flaw, cam, r);
        double[] hc = cam.homography(p.pose);
        // the surface: under the card, or further back when the card is held up
        boolean lying = p.tiltDeg <= 12 && r.nextInt(10) < 6;
        Pinhole.Pose desk;
        if (lying) {
            // the card lies on the surface: the surface is the plane of its back face
            desk = CardBody.back(p.pose);
        } else {
            double z = p.pose.t[2] * (1.4 + 1.6 * r.nextDouble()) + 30;
            double[] rot = Pinhole.Pose.rotation(360 * r.nextDouble(), 20 * r.nextDouble(), 360 * r.nextDouble());
            Point c = Pinhole.apply(hc, 0, 0);
            desk = cam.poseAt(rot, c.x, c.y, z);
        }
        double[] hd = cam.homography(desk);
        // the desk under the card is never seen: keep clear of the rounded corners and the blended edge
        Point[] hidden = Pinhole.grow(p.corners, -(2.2 * cam.pxPerMm(p.pose.t[2]) + 8));
        String background = Desk.paint(frame, hd, Desk.pick(r), r, hidden, !lying);
        // the surface's colour around the card, before anything lies on it or shades it
        double[] surface = CardBody.around(frame, hc, 5);
        double heightMm = lying ? 0 : desk.t[2] - p.pose.t[2];
        notes.append(lying ? "lying on the surface" : String.format(Locale.ROOT, "held %.0f mm above the surface",
                heightMm));
        if (flaw == Flaw.CUT_OFF) {
            notes.append(' ').append(p.cut);
        }
        double deskPx = cam.pxPerMm(desk.t[2]);
        CardBody.Lamp lamp = new CardBody.Lamp(r);
        double[] toLamp = lamp.towards(desk, hd, Pinhole.apply(hc, 0, 0));
        Shadows shadows = new Shadows(frame, r, deskPx, heightMm, lamp);
        if (!lying) {
            shadows.cast(p.corners, lamp.heldDepth(heightMm, CardFaces.W * CardFaces.H));
        }
        // props on the surface, never over the card
        List<Props.Prop> props = new ArrayList<>();
        List<List<Point[]>> taken = new ArrayList<>();
        Point[] keepOut = Pinhole.grow(p.corners, Math.max(4, 2 * cam.pxPerMm(p.pose.t[2])));
        if (r.nextInt(100) < 60) {
            int n = 1 + r.nextInt(4);
            for (int i = 0; i < n; i++) {
                Props.Prop prop = placeProp(r, cam, hd, keepOut, taken, i == 0 && r.nextInt(5) == 0);
                if (prop != null) {
                    props.add(prop);
                }
            }
        }
        // a hand holding the card, its thumb over the edge: some good frames
        Props.Prop[] hold = null;
        double overlap = 0;
        if (flaw == Flaw.GOOD && r.nextInt(100) < 30) {
            int e = r.nextInt(4);
            overlap = 1.5 + 3.5 * r.nextDouble();
            double s = (e % 2 == 0 ? 0.3 + 0.4 * r.nextDouble() : 0.35 + 0.3 * r.nextDouble());
            double w = CardFaces.W;
            double h = CardFaces.H;
            double[][] edge = {{-w / 2 + s * w, -h / 2, 0, 1}, {w / 2, -h / 2 + s * h, -1, 0},
                {w / 2 - s * w, h / 2, 0, -1}, {-w / 2, h / 2 - s * h, 1, 0}};
            double[] q = edge[e];
            hold = Props.holding(r, q[0], q[1], q[2], q[3], overlap, e % 2 == 0 ? h : w, Props.skin(r));
            String[] names = {"top", "right", "bottom", "left"};
            notes.append(String.format(Locale.ROOT, " thumb %.1f mm over the %s edge", overlap, names[e]));
        }
        for (Props.Prop prop : props) {
            shadows.cast(prop, hd, false, 0.45);
        }
        if (hold != null) {
            shadows.cast(hold[0], hc, !lying, lying ? 0.35 : lamp.heldDepth(heightMm, CardFaces.W * CardFaces.H));
        }
        shadows.apply();
        for (Props.Prop prop : props) {
            prop.draw(frame, hd);
        }
        if (hold != null) {
            hold[0].draw(frame, hc);
        }
        if (lying) {
            // the foot of the card's edge: on the surface, and on the fingers under a card lying on them
            double foot = CardBody.contactShadow(frame, hd, lamp, new double[] {toLamp[3], toLamp[4]});
            notes.append(String.format(Locale.ROOT, " contact shadow %.0f%%", 100 * foot));
        }
        // a card's own colours vary a little around its design, and its printed ground is never the surface's white
        Sheet face = CardFaces.face(doc, r);
        double[] tint = {0.96 + 0.08 * r.nextDouble(), 0.96 + 0.08 * r.nextDouble(), 0.96 + 0.08 * r.nextDouble()};
        double[] ground = face.ground();
        tint = CardBody.apart(ground, tint, surface, 8);
        // the side faces are the card's white core, a little greyer than a white print
        double white = 0.93 + 0.04 * r.nextDouble();
        double[] coreBgr = {236 * white * tint[0], 238 * white * tint[1], 238 * white * tint[2]};
        double albedo = surface == null ? 0.5
                : (0.114 * surface[0] + 0.587 * surface[1] + 0.299 * surface[2]) / 255;
        CardBody.sides(frame, cam, p.pose, lamp, toLamp, coreBgr, albedo);
        Sheet.Placed placed = face.drawInto(frame, hc, tint, CardBody.sheen(cam, p.pose, lamp, toLamp));
        notes.append(String.format(Locale.ROOT, " lamp zenith %.0f deg direct %.2f sheen %.0f", lamp.zenithDeg(),
                lamp.direct, lamp.sheen));
        if (hold != null) {
            hold[1].draw(frame, hc);
        }
        if (!props.isEmpty()) {
            notes.append(" props:");
            for (Props.Prop prop : props) {
                notes.append(' ').append(prop.name);
            }
        }
        // exposure from the card's own brightness
        Sensor sensor = new Sensor(cam, light);
        double[] lit = sensor.litLuma(frame, placed.roi(), placed.alpha());
        double target = flaw == Flaw.DARK ? 28 + 29 * r.nextDouble() : 125 + 75 * r.nextDouble();
        light.exposure = target / Math.max(1, lit[0]);
        if (flaw != Flaw.DARK) {
            light.exposure = Math.min(light.exposure, 246 / Math.max(1, lit[1]));
        }
        if (flaw == Flaw.GLARE) {
            light.glare = true;
            Point g = Pinhole.apply(hc, (r.nextDouble() - 0.5) * 0.6 * CardFaces.W,
                    (r.nextDouble() - 0.5) * 0.6 * CardFaces.H);
            light.gx = g.x;
            light.gy = g.y;
            light.ga = 1;
            light.gb = 1 + 1.3 * r.nextDouble();
            double a = Math.PI * r.nextDouble();
            light.gcos = Math.cos(a);
            light.gsin = Math.sin(a);
            light.gpeak = 700 + 900 * r.nextDouble();
            double core = 0.04 + 0.045 * r.nextDouble();
            sensor.fitGlare(frame, placed.roi(), placed.alpha(), Pinhole.area(p.corners), core);
            notes.append(String.format(Locale.ROOT, " glare core %.1f%%", 100 * core));
        }
        notes.append(String.format(Locale.ROOT, " card luma %.0f", target));
        Distractor d = props.isEmpty() ? Distractor.NONE : Distractor.CLUTTER;
        return new Built(p.corners, placed.roi(), placed.alpha(), p.tiltDeg, p.rollDeg, d, background);
    }

    /** A card pose and its projected corners. */
    private record Placement(Pinhole.Pose pose, Point[] corners, double tiltDeg, double rollDeg, String cut) {
    }

    private static Placement placeCard(Flaw flaw, Pinhole cam, Random r) {
        double w = CardFaces.W;
        double h = CardFaces.H;
        double mx = MARGIN * cam.width + 1;
        double my = MARGIN * cam.height + 1;
        for (int attempt = 0; attempt < 10_000; attempt++) {
            double roll = (2 * r.nextDouble() - 1) * 12;
            double tilt = flaw == Flaw.TILTED ? 35 + 10 * r.nextDouble() : 12 * r.nextDouble();
            double axis = 360 * r.nextDouble();
            double fill = flaw == Flaw.SMALL ? 0.03 + 0.05 * r.nextDouble() : 0.15 + 0.4 * r.nextDouble();
            double[] rot = Pinhole.Pose.rotation(roll, tilt, axis);
            double u = cam.cx;
            double v = cam.cy;
            String cut = "";
            if (flaw == Flaw.CUT_OFF) {
                // one edge, or a corner (two edges), loses 15-40 % of the card's extent
                int e = r.nextInt(4);
                boolean corner = r.nextInt(10) < 3;
                int e2 = corner ? (e + 1 + 2 * r.nextInt(2)) % 4 : -1;
                double[] share = new double[4];
                share[e] = 0.15 + 0.25 * r.nextDouble();
                if (e2 >= 0) {
                    share[e2] = 0.15 + 0.25 * r.nextDouble();
                }
                u = mx + r.nextDouble() * (cam.width - 2 * mx);
                v = my + r.nextDouble() * (cam.height - 2 * my);
                for (int it = 0; it < 6; it++) {
                    double z = depth(cam, rot, fill, u, v);
                    double[] bb = Pinhole.bounds(corners(cam, cam.poseAt(rot, u, v, z)));
                    double bw = bb[2] - bb[0];
                    double bh = bb[3] - bb[1];
                    u += share[3] > 0 ? -0.5 - share[3] * bw - bb[0]
                            : share[1] > 0 ? cam.width - 0.5 + share[1] * bw - bb[2]
                            : Math.max(0, mx - bb[0]) - Math.max(0, bb[2] - (cam.width - 1 - mx));
                    v += share[0] > 0 ? -0.5 - share[0] * bh - bb[1]
                            : share[2] > 0 ? cam.height - 0.5 + share[2] * bh - bb[3]
                            : Math.max(0, my - bb[1]) - Math.max(0, bb[3] - (cam.height - 1 - my));
                }
                String[] names = {"top", "right", "bottom", "left"};
                StringBuilder sb = new StringBuilder("cut");
                for (int k = 0; k < 4; k++) {
                    if (share[k] > 0) {
                        sb.append(String.format(Locale.ROOT, " %s %.0f%%", names[k], 100 * share[k]));
                    }
                }
                cut = sb.toString();
            } else {
                double z = depth(cam, rot, fill, u, v);
                double[] bb = Pinhole.bounds(corners(cam, cam.poseAt(rot, u, v, z)));
                double lo = mx - (bb[0] - u);
                double hi = cam.width - 1 - mx - (bb[2] - u);
                double top = my - (bb[1] - v);
                double bottom = cam.height - 1 - my - (bb[3] - v);
                if (hi < lo || bottom < top) {
                    continue;
                }
                u = lo + r.nextDouble() * (hi - lo);
                v = top + r.nextDouble() * (bottom - top);
            }
            double z = depth(cam, rot, fill, u, v);
            Pinhole.Pose pose = cam.poseAt(rot, u, v, z);
            Point[] q = corners(cam, pose);
            if (!plausible(flaw, cam, pose, q, w, h)) {
                continue;
            }
            return new Placement(pose, q, pose.tiltDeg(), roll, cut);
        }
        throw new IllegalStateException("no card placement found for " + flaw);
    }

    /** Checks the placement against what the flaw promises. */
    private static boolean plausible(Flaw flaw, Pinhole cam, Pinhole.Pose pose, Point[] q, double w, double h) {
        for (int i = 0; i < 4; i++) {
            double[] c = pose.camera((i == 1 || i == 2 ? 0.5 : -0.5) * w, (i >= 2 ? 0.5 : -0.5) * h);
            if (c[2] < 40) {
                return false;
            }
        }
        double fill = Pinhole.area(q) / (cam.width * (double) cam.height);
        double[] bb = Pinhole.bounds(q);
        double mx = MARGIN * cam.width;
        double my = MARGIN * cam.height;
        if (flaw == Flaw.CUT_OFF) {
            double bw = bb[2] - bb[0];
            double bh = bb[3] - bb[1];
            double[] out = {(-0.5 - bb[1]) / bh, (bb[2] - cam.width + 0.5) / bw, (bb[3] - cam.height + 0.5) / bh,
                (-0.5 - bb[0]) / bw};
            int cut = 0;
            for (int k = 0; k < 4; k++) {
                if (out[k] > 0.005) {
                    if (out[k] < 0.145 || out[k] > 0.405) {
                        return false;
                    }
                    cut++;
                } else {
                    double room = k % 2 == 0 ? -out[k] * bh : -out[k] * bw;
                    if (room < (k % 2 == 0 ? my : mx)) {
                        return false;
                    }
                }
            }
            return cut >= 1 && fill >= 0.15 && fill <= 0.55;
        }
        boolean inside = bb[0] >= mx && bb[1] >= my && bb[2] <= cam.width - 1 - mx && bb[3] <= cam.height - 1 - my;
        if (flaw == Flaw.SMALL) {
            return inside && fill >= 0.03 && fill <= 0.08;
        }
        return inside && fill >= 0.15 && fill <= 0.55;
    }

    /** The depth at which the card, centred at pixel (u, v), covers the given share of the frame. */
    private static double depth(Pinhole cam, double[] rot, double fill, double u, double v) {
        double want = fill * cam.width * cam.height;
        double z = cam.f * Math.sqrt(CardFaces.W * CardFaces.H * Math.abs(rot[8]) / want);
        for (int i = 0; i < 4; i++) {
            double a = Pinhole.area(corners(cam, cam.poseAt(rot, u, v, z)));
            z *= Math.sqrt(a / want);
        }
        return z;
    }

    private static Point[] corners(Pinhole cam, Pinhole.Pose pose) {
        double x = CardFaces.W / 2;
        double y = CardFaces.H / 2;
        return Pinhole.apply(cam.homography(pose), new double[] {-x, -y, x, -y, x, y, -x, y});
    }

    /** Puts a prop somewhere on the surface, clear of the card and of other props; null if it found no room. */
    private static Props.Prop placeProp(Random r, Pinhole cam, double[] hd, Point[] keepOut, List<List<Point[]>> taken,
                                        boolean hand) {
        double[] inv = Pinhole.invert(hd);
        for (int attempt = 0; attempt < 30; attempt++) {
            Props.Prop base;
            double u;
            double v;
            double angle;
            Point centre = Pinhole.apply(inv, cam.cx, cam.cy);
            if (hand) {
                // the arm comes in over an edge of the frame, fingers towards the middle
                int e = r.nextInt(4);
                double s = r.nextDouble();
                u = e == 1 ? cam.width + 10 : e == 3 ? -10 : s * cam.width;
                v = e == 2 ? cam.height + 10 : e == 0 ? -10 : s * cam.height;
                Point at = Pinhole.apply(inv, u, v);
                angle = Math.atan2(centre.y - at.y, centre.x - at.x) - Math.PI / 2 + (r.nextDouble() - 0.5) * 1.2;
                base = Props.hand(r, Props.skin(r), r.nextBoolean());
            } else {
                u = (r.nextDouble() * 1.1 - 0.05) * cam.width;
                v = (r.nextDouble() * 1.1 - 0.05) * cam.height;
                angle = 2 * Math.PI * r.nextDouble();
                int kind = r.nextInt(10);
                base = kind < 4 ? Props.pen(r) : kind < 7 ? Props.coin(r) : Props.keys(r);
            }
            Point at = Pinhole.apply(inv, u, v);
            Props.Prop p = base.placed(angle, at.x, at.y);
            List<Point[]> sil = p.silhouette(hd);
            if (!clear(sil, keepOut, taken) || !seen(sil, cam)) {
                continue;
            }
            taken.add(sil);
            return p;
        }
        return null;
    }

    private static boolean clear(List<Point[]> sil, Point[] keepOut, List<List<Point[]>> taken) {
        for (Point[] s : sil) {
            if (keepOut != null && Pinhole.overlap(s, keepOut)) {
                return false;
            }
            for (List<Point[]> other : taken) {
                for (Point[] o : other) {
                    if (Pinhole.overlap(s, o)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean seen(List<Point[]> sil, Pinhole cam) {
        Point[] frame = {new Point(0, 0), new Point(cam.width, 0), new Point(cam.width, cam.height),
            new Point(0, cam.height)};
        for (Point[] s : sil) {
            if (Pinhole.overlap(s, frame)) {
                return true;
            }
        }
        return false;
    }

    // ---- frames without a card ----

    private static Built looseScene(Distractor d, Pinhole cam, Mat frame, Sensor.Light light, Random r,
                                    StringBuilder notes) {
        Sheet sheet = switch (d) {
            case PAPER -> LooseItems.paper(r);
            case PHONE -> LooseItems.phone(r);
            case NOTEBOOK -> LooseItems.notebook(r);
            case RECEIPT -> LooseItems.receipt(r);
            default -> null;
        };
        Pinhole.Pose pose = null;
        double[] hs = null;
        if (sheet != null) {
            double fill = switch (d) {
                case PAPER -> 0.35 + 0.9 * r.nextDouble();
                case NOTEBOOK -> 0.3 + 0.7 * r.nextDouble();
                case PHONE -> 0.08 + 0.25 * r.nextDouble();
                default -> 0.06 + 0.25 * r.nextDouble();
            };
            double roll = d == Distractor.PHONE ? (r.nextDouble() - 0.5) * 80 + (r.nextBoolean() ? 90 : 0)
                    : 360 * r.nextDouble();
            double[] rot = Pinhole.Pose.rotation(roll, 15 * r.nextDouble(), 360 * r.nextDouble());
            double u = (0.2 + 0.6 * r.nextDouble()) * cam.width;
            double v = (0.2 + 0.6 * r.nextDouble()) * cam.height;
            double want = fill * cam.width * cam.height;
            double z = cam.f * Math.sqrt(sheet.widthMm * sheet.heightMm * Math.abs(rot[8]) / want);
            pose = cam.poseAt(rot, u, v, z);
            hs = cam.homography(pose);
            notes.append(String.format(Locale.ROOT, "%s %.0fx%.0f mm, fill %.2f, roll %.0f", d, sheet.widthMm,
                    sheet.heightMm, Pinhole.area(Pinhole.apply(hs, sheet.cornersMm())) / (cam.width * cam.height),
                    roll));
        }
        boolean lying = pose != null && r.nextBoolean();
        Pinhole.Pose desk;
        if (lying) {
            desk = new Pinhole.Pose(pose.r, new double[] {pose.t[0] + pose.r[2], pose.t[1] + pose.r[5],
                pose.t[2] + pose.r[8]});
        } else {
            double z = pose != null ? pose.t[2] * (1.3 + r.nextDouble()) : 150 + 300 * r.nextDouble();
            double[] rot = Pinhole.Pose.rotation(360 * r.nextDouble(), 20 * r.nextDouble(), 360 * r.nextDouble());
            desk = cam.poseAt(rot, cam.cx, cam.cy, z);
        }
        double[] hd = cam.homography(desk);
        boolean held = pose != null && !lying;
        String background = Desk.paint(frame, hd, Desk.pick(r), r, null, held);
        double heightMm = held ? desk.t[2] - pose.t[2] : 0;
        CardBody.Lamp lamp = new CardBody.Lamp(r);
        Shadows shadows = new Shadows(frame, r, cam.pxPerMm(desk.t[2]), heightMm, lamp);
        if (held) {
            shadows.cast(Pinhole.apply(hs, sheet.cornersMm()),
                    lamp.heldDepth(heightMm, sheet.widthMm * sheet.heightMm));
        }
        List<Props.Prop> props = new ArrayList<>();
        List<List<Point[]>> taken = new ArrayList<>();
        int n = d == Distractor.CLUTTER ? 2 + r.nextInt(4) : r.nextInt(3);
        for (int i = 0; i < n; i++) {
            Props.Prop p = placeProp(r, cam, hd, null, taken, i == 0 && d == Distractor.CLUTTER && r.nextBoolean());
            if (p != null) {
                props.add(p);
                shadows.cast(p, hd, false, 0.45);
            }
        }
        shadows.apply();
        // props lie on the surface: on top of a sheet lying there, under one held above it
        if (!lying) {
            for (Props.Prop p : props) {
                p.draw(frame, hd);
            }
        }
        Sheet.Placed placed = null;
        if (sheet != null) {
            placed = sheet.drawInto(frame, hs, new double[] {1, 1, 1});
            sheet.release();
        }
        if (lying) {
            for (Props.Prop p : props) {
                p.draw(frame, hd);
            }
        }
        if (!props.isEmpty()) {
            notes.append(" props:");
            for (Props.Prop p : props) {
                notes.append(' ').append(p.name);
            }
        }
        Sensor sensor = new Sensor(cam, light);
        double[] lit = sensor.litLuma(frame, null, null);
        // auto exposure on the whole frame, without clipping the bright things and with limited gain
        light.exposure = Math.min(2.5, Math.min((70 + 80 * r.nextDouble()) / Math.max(1, lit[0]),
                245 / Math.max(1, lit[1])));
        if (placed != null) {
            placed.release();
        }
        return new Built(null, null, null, 0, 0, d, background);
    }

    /**
     * Soft shadows cast on the surface: contact shadows of props lying on it, and the wider, softer shadow of a held
     * card or hand. Each kind is drawn into its own map at a resolution where its blur is a few pixels.
     */
    private static final class Shadows {
        private final Mat frame;
        private final double dx;
        private final double dy;
        private final double heldDx;
        private final double heldDy;
        private final Map contact;
        private final Map held;

        /** A shade map (255 = unshaded) at a reduced scale. */
        private static final class Map {
            final double scale;
            final double sigma;
            private final int w;
            private final int h;
            private Mat mat;

            Map(Mat frame, double sigmaFull) {
                scale = Math.max(1 / 16.0, Math.min(0.5, 3 / Math.max(1e-3, sigmaFull)));
                sigma = sigmaFull * scale;
                w = Math.max(2, (int) Math.round(frame.cols() * scale));
                h = Math.max(2, (int) Math.round(frame.rows() * scale));
            }

            Mat mat() {
                if (mat == null) {
                    mat = new Mat(h, w, CvType.CV_8UC1, org.opencv.core.Scalar.all(255));
                }
                return mat;
            }
        }

        /**
         * Shadows of the lamp: a held thing's shadow falls height · tan(zenith) away and is blurred by its penumbra,
         * height · the lamp's angular size (a sigma of a third of that).
         */
        Shadows(Mat frame, Random r, double deskPxPerMm, double heightMm, CardBody.Lamp lamp) {
            this.frame = frame;
            double a = lamp.azimuth;
            double off = (1.0 + 2.0 * r.nextDouble()) * deskPxPerMm;
            dx = Math.cos(a) * off;
            dy = Math.sin(a) * off;
            double far = heightMm * lamp.k * deskPxPerMm;
            heldDx = Math.cos(a) * far;
            heldDy = Math.sin(a) * far;
            double blur = (1.0 + 1.5 * r.nextDouble()) * deskPxPerMm;
            contact = new Map(frame, blur);
            held = new Map(frame, Math.max(blur, heightMm * lamp.size / 3 * deskPxPerMm));
        }

        /** A prop's shadow: on the surface it lies on, or (held) from the height of the held card. */
        void cast(Props.Prop p, double[] h, boolean isHeld, double depth) {
            Map m = isHeld ? held : contact;
            p.shadow(m.mat(), h, isHeld ? heldDx : dx, isHeld ? heldDy : dy, m.scale, 255 * (1 - depth));
        }

        /** The shadow of a held flat thing. */
        void cast(Point[] quad, double depth) {
            Point[] q = new Point[quad.length];
            for (int i = 0; i < q.length; i++) {
                q[i] = new Point(quad[i].x + heldDx, quad[i].y + heldDy);
            }
            List<org.opencv.core.MatOfPoint> poly = Pinhole.fixedList(q, held.scale);
            Imgproc.fillPoly(held.mat(), poly, org.opencv.core.Scalar.all(255 * (1 - depth)), Imgproc.LINE_AA,
                    Pinhole.SHIFT);
            poly.get(0).release();
        }

        /** Darkens the frame under the shadows drawn so far. */
        void apply() {
            Mat total = null;
            for (Map m : new Map[] {contact, held}) {
                if (m.mat == null) {
                    continue;
                }
                Imgproc.GaussianBlur(m.mat, m.mat, new Size(0, 0), Math.max(0.5, m.sigma));
                Mat full = new Mat();
                Imgproc.resize(m.mat, full, frame.size(), 0, 0, Imgproc.INTER_LINEAR);
                m.mat.release();
                if (total == null) {
                    total = full;
                } else {
                    org.opencv.core.Core.min(total, full, total);
                    full.release();
                }
            }
            if (total == null) {
                return;
            }
            Mat shade3 = new Mat();
            Imgproc.cvtColor(total, shade3, Imgproc.COLOR_GRAY2BGR);
            org.opencv.core.Core.multiply(frame, shade3, frame, 1 / 255.0);
            shade3.release();
            total.release();
        }
    }

    // ---- a sample on disk ----

    /**
     * Writes a sample as JPEG files (quality 100 over the already JPEG round-tripped frame) with the labels in the
     * file names, and a labels.csv with the corners. Arguments: directory (default /tmp/scenes/sample), count
     * (default 40), seed (default 1).
     */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/scenes/sample");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        try {
            Files.createDirectories(dir);
            long t0 = System.nanoTime();
            List<Scene> scenes = generate(seed, n);
            long t1 = System.nanoTime();
            StringBuilder csv = new StringBuilder(
                    "file,flaw,document,distractor,width,height,x0,y0,x1,y1,x2,y2,x3,y3,fill,tilt,roll,blur,motion,"
                    + "hfov,quality,background,notes\n");
            MatOfInt q = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 100);
            for (int i = 0; i < scenes.size(); i++) {
                Scene s = scenes.get(i);
                String what = s.document() != null ? s.document().name() : s.distractor().name();
                String name = String.format(Locale.ROOT, "%03d_%s_%s_%dx%d_fill%.2f_tilt%.0f_roll%.0f.jpg", i, s.flaw(),
                        what, s.image().cols(), s.image().rows(), s.fill(), s.tiltDeg(), s.rollDeg());
                Imgcodecs.imwrite(dir.resolve(name).toString(), s.image(), q);
                csv.append(name).append(',').append(s.flaw()).append(',').append(s.document()).append(',')
                        .append(s.distractor()).append(',').append(s.image().cols()).append(',')
                        .append(s.image().rows());
                for (int k = 0; k < 4; k++) {
                    if (s.corners() == null) {
                        csv.append(",,");
                    } else {
                        csv.append(String.format(Locale.ROOT, ",%.2f,%.2f", s.corners()[k].x, s.corners()[k].y));
                    }
                }
                csv.append(String.format(Locale.ROOT, ",%.4f,%.2f,%.2f,%.2f,%.1f,%.1f,%d,%s,\"%s\"%n", s.fill(),
                        s.tiltDeg(), s.rollDeg(), s.blurSigmaPx(), s.motionPx(), s.hfovDeg(), s.jpegQuality(),
                        s.background(), s.notes()));
                s.image().release();
            }
            q.release();
            Files.writeString(dir.resolve("labels.csv"), csv, StandardCharsets.UTF_8);
            System.out.printf(Locale.ROOT, "%d scenes in %s, %.1f ms per frame%n", n, dir, (t1 - t0) / 1e6 / n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
