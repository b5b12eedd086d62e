package jp.kenpo.kiosk.capture.scenes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import jp.kenpo.kiosk.capture.scenes.CardScenes.Flaw;
import jp.kenpo.kiosk.capture.scenes.CardScenes.Scene;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * A self-check of {@link CardScenes}: the labels agree with themselves and with the pixels (fill from the corners,
 * margins, cut edges, tilt, brightness, clipped glare), the mixes of flaws, resolutions and surfaces and the
 * determinism hold, and a frame is fast enough. It also draws the labelled corners onto a few frames, with zoomed
 * crops, for looking at.
 *
 * <p>Arguments: output directory for the overlays (default /tmp/scenes/overlay), number of frames (default 200).
 * Not a JUnit test on purpose: it writes files and measures time.
 */
public final class SceneSelfCheck {

    private final List<String> failures = new ArrayList<>();
    /** Per flaw: min and max of the measured card luma and clipped share. */
    private final Map<Flaw, double[]> seenRange = new EnumMap<>(Flaw.class);

    private SceneSelfCheck() {
    }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/scenes/overlay");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        new SceneSelfCheck().run(out, n);
    }

    private void run(Path out, int n) {
        out.toFile().mkdirs();
        CardScenes.generate(99, 20).forEach(s -> s.image().release()); // warm up
        long t0 = System.nanoTime();
        List<Scene> scenes = CardScenes.generate(7, n);
        double perFrame = (System.nanoTime() - t0) / 1e6 / n;
        Map<Flaw, Integer> count = new EnumMap<>(Flaw.class);
        int wide = 0;
        int deskTops = 0;
        int patterned = 0;
        for (int i = 0; i < scenes.size(); i++) {
            Scene s = scenes.get(i);
            count.merge(s.flaw(), 1, Integer::sum);
            if (s.image().cols() == 1280) {
                wide++;
            }
            String bg = s.background();
            if (bg.startsWith("wood") || bg.equals("grey-desk") || bg.equals("light-desk")) {
                deskTops++;
            } else if (bg.startsWith("cloth-")) {
                patterned++;
            }
            check(i, s);
            if (i < 24 && s.corners() != null) {
                overlay(out, i, s);
            }
        }
        expect(Math.abs(wide / (double) n - 0.6) < 0.02, "resolution mix " + wide + "/" + n);
        if (n >= 100) {
            // counters: desk tops 65 %, patterned cloth 20 % (Desk's shares), within sampling error
            expect(Math.abs(deskTops / (double) n - 0.65) < 0.12, "desk-top share " + deskTops + "/" + n);
            expect(Math.abs(patterned / (double) n - 0.20) < 0.10, "patterned-cloth share " + patterned + "/" + n);
        }
        if (n >= 20) {
            expect(count.get(Flaw.GOOD) >= 7 * (n / 20), "GOOD share " + count);
        }
        determinism();
        double wideMs = timing(1280, 720, 30);
        double smallMs = timing(640, 480, 30);
        for (Scene s : scenes) {
            s.image().release();
        }
        System.out.printf(Locale.ROOT, "%d frames, mix %s, %d at 1280x720, %d on desk tops, %d on patterned cloth%n",
                n, count, wide, deskTops, patterned);
        seenRange.forEach((f, v) -> System.out.printf(Locale.ROOT,
                "  %-8s card luma %5.1f..%5.1f, clipped share of the card %.3f..%.3f%n", f, v[0], v[1], v[2], v[3]));
        System.out.printf(Locale.ROOT, "time per frame: %.1f ms in the mix, %.1f ms at 1280x720, %.1f ms at 640x480%n",
                perFrame, wideMs, smallMs);
        if (failures.isEmpty()) {
            System.out.println("self-check passed; overlays in " + out);
        } else {
            failures.forEach(f -> System.out.println("FAIL " + f));
            System.out.println(failures.size() + " failures");
            System.exit(1);
        }
    }

    private void check(int i, Scene s) {
        String id = String.format(Locale.ROOT, "#%d %s %s", i, s.flaw(), s.document() != null ? s.document()
                : s.distractor());
        int w = s.image().cols();
        int h = s.image().rows();
        expect(s.image().type() == CvType.CV_8UC3, id + " image type");
        expect((w == 1280 && h == 720) || (w == 640 && h == 480), id + " size " + w + "x" + h);
        expect(s.hfovDeg() >= 60 && s.hfovDeg() <= 80, id + " hfov " + s.hfovDeg());
        expect(s.jpegQuality() >= 70 && s.jpegQuality() <= 95, id + " quality " + s.jpegQuality());
        if (s.flaw() == Flaw.NO_CARD) {
            expect(s.corners() == null && s.document() == null, id + " has a card label");
            expect(s.distractor() != null && s.distractor() != CardScenes.Distractor.NONE, id + " distractor");
            return;
        }
        Point[] c = s.corners();
        expect(c != null && c.length == 4 && s.document() != null, id + " corners/document missing");
        if (c == null || c.length != 4) {
            return;
        }
        // fill recomputed from the corners
        double fill = Pinhole.area(c) / (w * (double) h);
        expect(Math.abs(fill - s.fill()) < 1e-9, id + " fill " + s.fill() + " vs corners " + fill);
        // printed order: top-left, top-right, bottom-right, bottom-left is clockwise on the screen (y down)
        double signed = 0;
        for (int k = 0; k < 4; k++) {
            signed += c[k].x * c[(k + 1) % 4].y - c[(k + 1) % 4].x * c[k].y;
        }
        expect(signed > 0, id + " corner order is not clockwise");
        expect(c[0].x < c[1].x && c[3].x < c[2].x && c[0].y < c[3].y && c[1].y < c[2].y, id + " corner order");
        boolean tilted = s.flaw() == Flaw.TILTED;
        expect(tilted ? s.tiltDeg() >= 35 && s.tiltDeg() <= 45 : s.tiltDeg() <= 12 + 1e-9, id + " tilt " + s.tiltDeg());
        expect(Math.abs(s.rollDeg()) <= 12, id + " roll " + s.rollDeg());
        if (!tilted) {
            double top = dist(c[0], c[1]) + dist(c[3], c[2]);
            double side = dist(c[0], c[3]) + dist(c[1], c[2]);
            double aspect = top / side / (85.60 / 53.98);
            expect(aspect > 0.8 && aspect < 1.25, id + " aspect off by " + aspect);
        }
        if (s.flaw() == Flaw.SMALL) {
            expect(fill >= 0.03 && fill <= 0.08, id + " fill " + fill);
        } else {
            expect(fill >= 0.15 && fill <= 0.55, id + " fill " + fill);
        }
        if (s.flaw() == Flaw.BLURRY) {
            expect(s.blurSigmaPx() >= 2.5 || s.motionPx() >= 10, id + " not blurred");
        } else {
            expect(s.blurSigmaPx() >= 0.3 && s.blurSigmaPx() <= 0.7 && s.motionPx() == 0, id + " blur");
        }
        double[] b = Pinhole.bounds(c);
        double mx = CardScenes.MARGIN * w;
        double my = CardScenes.MARGIN * h;
        boolean inside = b[0] >= mx && b[1] >= my && b[2] <= w - 1 - mx && b[3] <= h - 1 - my;
        if (s.flaw() == Flaw.CUT_OFF) {
            double bw = b[2] - b[0];
            double bh = b[3] - b[1];
            double[] outside = {(-0.5 - b[1]) / bh, (b[2] - w + 0.5) / bw, (b[3] - h + 0.5) / bh, (-0.5 - b[0]) / bw};
            int cut = 0;
            for (double o : outside) {
                if (o > 0) {
                    cut++;
                    expect(o >= 0.14 && o <= 0.41, id + " cut share " + o);
                }
            }
            expect(cut >= 1 && cut <= 2, id + " crosses " + cut + " edges");
        } else {
            expect(inside, id + " not inside with margin: " + java.util.Arrays.toString(b));
        }
        // what the pixels say
        double[] seen = measure(s.image(), c);
        double[] range = seenRange.computeIfAbsent(s.flaw(), f -> new double[] {1e9, -1e9, 1e9, -1e9});
        range[0] = Math.min(range[0], seen[0]);
        range[1] = Math.max(range[1], seen[0]);
        range[2] = Math.min(range[2], seen[1]);
        range[3] = Math.max(range[3], seen[1]);
        if (s.flaw() == Flaw.DARK) {
            expect(seen[0] >= 25 && seen[0] <= 60, id + String.format(Locale.ROOT, " card luma %.1f", seen[0]));
        } else if (s.flaw() != Flaw.CUT_OFF) {
            expect(seen[0] >= 110 && seen[0] <= 220, id + String.format(Locale.ROOT, " card luma %.1f", seen[0]));
        }
        if (s.flaw() == Flaw.GLARE) {
            expect(seen[1] >= 0.03 && seen[1] <= 0.10, id + String.format(Locale.ROOT, " glare %.3f", seen[1]));
        } else if (s.flaw() != Flaw.CUT_OFF) {
            expect(seen[1] < 0.005, id + String.format(Locale.ROOT, " clipped share %.4f", seen[1]));
        }
    }

    /** Mean luma inside the card (its outline shrunk by 4 %), and the share of the card's area clipped to white. */
    static double[] measure(Mat image, Point[] corners) {
        Mat mask = Mat.zeros(image.size(), CvType.CV_8UC1);
        Mat full = Mat.zeros(image.size(), CvType.CV_8UC1);
        List<MatOfPoint> inner = Pinhole.fixedList(shrink(corners, 0.04), 1);
        List<MatOfPoint> outline = Pinhole.fixedList(corners, 1);
        Imgproc.fillPoly(mask, inner, Scalar.all(255), Imgproc.LINE_8, Pinhole.SHIFT);
        Imgproc.fillPoly(full, outline, Scalar.all(255), Imgproc.LINE_8, Pinhole.SHIFT);
        Mat gray = new Mat();
        Imgproc.cvtColor(image, gray, Imgproc.COLOR_BGR2GRAY);
        double luma = Core.mean(gray, mask).val[0];
        // clipped: every channel at (about) full scale
        Mat low = new Mat();
        Core.inRange(image, new Scalar(250, 250, 250), new Scalar(255, 255, 255), low);
        Core.bitwise_and(low, full, low);
        double share = Core.countNonZero(low) / Math.max(1.0, Core.countNonZero(full));
        for (Mat m : new Mat[] {mask, full, gray, low}) {
            m.release();
        }
        inner.get(0).release();
        outline.get(0).release();
        return new double[] {luma, share};
    }

    private static double dist(Point a, Point b) {
        return Math.hypot(a.x - b.x, a.y - b.y);
    }

    private static Point[] shrink(Point[] p, double k) {
        Point m = Pinhole.centre(p);
        Point[] s = new Point[p.length];
        for (int i = 0; i < p.length; i++) {
            s[i] = new Point(m.x + (p[i].x - m.x) * (1 - k), m.y + (p[i].y - m.y) * (1 - k));
        }
        return s;
    }

    private void determinism() {
        List<Scene> a = CardScenes.generate(42, 6);
        List<Scene> b = CardScenes.generate(42, 6);
        for (int i = 0; i < a.size(); i++) {
            Scene x = a.get(i);
            Scene y = b.get(i);
            expect(x.flaw() == y.flaw() && x.fill() == y.fill() && x.notes().equals(y.notes()), "labels repeat #" + i);
            expect(Core.norm(x.image(), y.image(), Core.NORM_INF) == 0, "pixels repeat #" + i);
            x.image().release();
            y.image().release();
        }
    }

    private static double timing(int w, int h, int n) {
        Random r = new Random(3);
        Flaw[] mix = {Flaw.GOOD, Flaw.GOOD, Flaw.BLURRY, Flaw.GLARE, Flaw.DARK, Flaw.SMALL, Flaw.CUT_OFF, Flaw.TILTED,
            Flaw.GOOD, Flaw.NO_CARD};
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            CardScenes.scene(mix[i % mix.length], w, h, r).image().release();
        }
        return (System.nanoTime() - t0) / 1e6 / n;
    }

    /** The frame with its corners marked (TL red, TR green, BR blue, BL yellow), and 4x crops of each corner. */
    private static void overlay(Path out, int i, Scene s) {
        Mat img = s.image().clone();
        Scalar[] colours = {new Scalar(0, 0, 255), new Scalar(0, 255, 0), new Scalar(255, 0, 0),
            new Scalar(0, 255, 255)};
        int one = 1 << Pinhole.SHIFT;
        for (int k = 0; k < 4; k++) {
            Point a = s.corners()[k];
            Point b = s.corners()[(k + 1) % 4];
            Imgproc.line(img, new Point(Math.round(a.x * one), Math.round(a.y * one)),
                    new Point(Math.round(b.x * one), Math.round(b.y * one)), new Scalar(255, 0, 255), 1,
                    Imgproc.LINE_AA, Pinhole.SHIFT);
        }
        for (int k = 0; k < 4; k++) {
            Point a = s.corners()[k];
            Imgproc.circle(img, new Point(Math.round(a.x * one), Math.round(a.y * one)), 6 * one, colours[k], 2,
                    Imgproc.LINE_AA, Pinhole.SHIFT);
        }
        String base = String.format(Locale.ROOT, "%03d_%s", i, s.flaw());
        Imgcodecs.imwrite(out.resolve(base + ".png").toString(), img);
        img.release();
        // zoomed corners of the plain frame, a dot on the labelled point
        List<Mat> tiles = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            Point a = s.corners()[k];
            int x = (int) Math.round(a.x) - 20;
            int y = (int) Math.round(a.y) - 20;
            Mat tile = Mat.zeros(41, 41, CvType.CV_8UC3);
            int ix = Math.max(0, x);
            int iy = Math.max(0, y);
            Rect in = new Rect(ix, iy, Math.min(s.image().cols(), x + 41) - ix,
                    Math.min(s.image().rows(), y + 41) - iy);
            if (in.width > 0 && in.height > 0) {
                s.image().submat(in).copyTo(tile.submat(new Rect(in.x - x, in.y - y, in.width, in.height)));
            }
            Mat big = new Mat();
            Imgproc.resize(tile, big, new Size(164, 164), 0, 0, Imgproc.INTER_NEAREST);
            // the labelled point, in the zoomed tile (pixel centres at 4 i + 1.5)
            Point p = new Point((a.x - x) * 4 + 1.5, (a.y - y) * 4 + 1.5);
            Imgproc.circle(big, new Point(Math.round(p.x * one), Math.round(p.y * one)), 3 * one, colours[k], -1,
                    Imgproc.LINE_AA, Pinhole.SHIFT);
            tiles.add(big);
            tile.release();
        }
        Mat row = new Mat();
        Core.hconcat(tiles, row);
        Imgcodecs.imwrite(out.resolve(base + "_corners.png").toString(), row);
        row.release();
        tiles.forEach(Mat::release);
    }

    private void expect(boolean ok, String what) {
        if (!ok) {
            failures.add(what);
        }
    }
}
