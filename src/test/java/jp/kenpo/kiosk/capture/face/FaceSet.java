package jp.kenpo.kiosk.capture.face;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

import jp.kenpo.kiosk.testing.Jpeg;

/**
 * Labelled 640×480 face frames for the frontal-photo decision, from two independent sources: the
 * public-domain photos warped on their own face mesh ({@link FaceFixtures}) and the rendered
 * synthetic head ({@link SyntheticHead}). Each frame is varied as members and cameras vary it:
 * faces 95–240 px from cheek to cheek (a member 50–90 cm from a 70° webcam), heads rolled up to
 * ±10°, dark and bright exposure (and, for the rendered head, light to dark skin), mirrored (a
 * camera that mirrors its picture), JPEG quality 40–95. The truth says what the frontal photo
 * must make of it: acceptable (one face, frontal, mouth and eyes as for a photo, large enough), or
 * refused for a reason.
 */
final class FaceSet {

    /** What a frame is, for the frontal photo. */
    enum Truth { ACCEPTABLE, TURNED, MOUTH_OPEN, EYES_CLOSED, TOO_SMALL, TOO_DARK, TWO_FACES, NO_FACE }

    /** One frame: how many faces it shows, and what the frontal photo must make of it. */
    record Item(Mat image, String source, Truth truth, int faces, String variation) {
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    /** The photo whose mouth is closed (the other smiles with her teeth: never a closed-mouth frame). */
    static final int CLOSED_MOUTH_PORTRAIT = 1;

    private FaceSet() {
    }

    /** {@code n} frames from the photos, the truths in a fixed mix. */
    static List<Item> photos(FaceFixtures fixtures, long seed, int n) {
        Random r = new Random(seed);
        List<Item> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Truth t = mix(i, false);
            Item item = switch (t) {
                case ACCEPTABLE -> photo(fixtures, CLOSED_MOUTH_PORTRAIT, 0, false, size(r), t, r);
                case TURNED -> photo(fixtures, r.nextInt(2), turn(r), false, size(r), t, r);
                case MOUTH_OPEN -> photo(fixtures, CLOSED_MOUTH_PORTRAIT, 0, true, size(r), t, r);
                case TOO_SMALL -> photo(fixtures, CLOSED_MOUTH_PORTRAIT, 0, false, small(r), t, r);
                case TOO_DARK -> photo(fixtures, CLOSED_MOUTH_PORTRAIT, 0, false, size(r), t, r);
                case TWO_FACES -> varied(fixtures.twoFaces(r).image(), "photos", t, 2, r, false);
                case NO_FACE -> varied(backdrop(r), "photos", t, 0, r, false);
                case EYES_CLOSED -> throw new IllegalStateException("not made from the photos");
            };
            out.add(item);
        }
        return out;
    }

    /** {@code n} frames of the rendered head, several looks, the truths in a fixed mix. */
    static List<Item> rendered(long seed, int n) {
        Random r = new Random(seed);
        double[] tones = {0.1, 0.4, 0.7, 0.95};
        double[][] hair = {SyntheticHead.Look.BLACK_HAIR, SyntheticHead.Look.DARK_BROWN_HAIR,
            SyntheticHead.Look.GREY_HAIR, SyntheticHead.Look.BLACK_HAIR};
        List<SyntheticHead> heads = new ArrayList<>();
        for (int i = 0; i < tones.length; i++) {
            heads.add(new SyntheticHead(SyntheticHead.Look.standard().withSkinTone(tones[i]).withHair(hair[i])));
        }
        List<Item> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Truth t = mix(i, true);
            SyntheticHead head = heads.get(i % heads.size());
            double roll = 20 * r.nextDouble() - 10;
            Item item = switch (t) {
                case ACCEPTABLE -> head(head, new SyntheticHead.HeadPose(0, 6 * r.nextDouble() - 3, roll, 0, false),
                        size(r), t, r);
                case TURNED -> head(head, new SyntheticHead.HeadPose(turn(r), 0, roll, 0, false), size(r), t, r);
                case MOUTH_OPEN -> head(head, new SyntheticHead.HeadPose(0, 0, roll, 0.6 + 0.4 * r.nextDouble(), false),
                        size(r), t, r);
                case EYES_CLOSED -> head(head, new SyntheticHead.HeadPose(0, 0, roll, 0, true), size(r), t, r);
                case TOO_SMALL -> head(head, new SyntheticHead.HeadPose(0, 0, roll, 0, false), small(r), t, r);
                case TOO_DARK -> head(head, new SyntheticHead.HeadPose(0, 0, roll, 0, false), size(r), t, r);
                case TWO_FACES -> {
                    Mat a = head.render(new SyntheticHead.HeadPose(0, 0, 0, 0, false), WIDTH, HEIGHT, 120, 170, 250);
                    Mat b = heads.get((i + 1) % heads.size()).render(new SyntheticHead.HeadPose(0, 0, 0, 0, false), WIDTH,
                            HEIGHT, 120, 470, 230);
                    Mat both = a.clone();
                    b.submat(0, HEIGHT, WIDTH / 2, WIDTH).copyTo(both.submat(0, HEIGHT, WIDTH / 2, WIDTH));
                    a.release();
                    b.release();
                    yield varied(both, "rendered", t, 2, r, true);
                }
                case NO_FACE -> varied(backdrop(r), "rendered", t, 0, r, false);
            };
            out.add(item);
        }
        return out;
    }

    /**
     * Of every 20 frames: 8 acceptable, 3 turned, 2 mouth open, 2 eyes closed (rendered; acceptable
     * from the photos), 2 too small, 1 too dark, 1 two faces, 1 nobody.
     */
    private static Truth mix(int i, boolean eyes) {
        int k = i % 20;
        if (k < 8) {
            return Truth.ACCEPTABLE;
        }
        if (k < 11) {
            return Truth.TURNED;
        }
        if (k < 13) {
            return Truth.MOUTH_OPEN;
        }
        if (k < 15) {
            return eyes ? Truth.EYES_CLOSED : Truth.ACCEPTABLE;
        }
        if (k < 17) {
            return Truth.TOO_SMALL;
        }
        return k == 17 ? Truth.TOO_DARK : k == 18 ? Truth.TWO_FACES : Truth.NO_FACE;
    }

    /**
     * A member further than the counter allows: 58–70 px from cheek to cheek, a detector's box of
     * at most about 88 px (the kiosk takes faces from 14 % of the width, 90 px).
     */
    private static double small(Random r) {
        return 58 + 12 * r.nextDouble();
    }

    private static double size(Random r) {
        return 95 + 145 * r.nextDouble();
    }

    private static double turn(Random r) {
        return (r.nextBoolean() ? 1 : -1) * (20 + 15 * r.nextDouble());
    }

    private static Item photo(FaceFixtures fixtures, int portrait, double yaw, boolean open, double width, Truth t,
                              Random r) {
        FaceFixtures.Frame f = fixtures.pose(portrait, yaw, open, width, r);
        Mat rolled = roll(f.image(), 20 * r.nextDouble() - 10);
        f.image().release();
        return varied(rolled, "photos", t, 1, r, true);
    }

    private static Item head(SyntheticHead head, SyntheticHead.HeadPose pose, double width, Truth t, Random r) {
        double cx = WIDTH / 2.0 + (r.nextDouble() - 0.5) * 0.12 * WIDTH;
        double cy = HEIGHT / 2.0 + (r.nextDouble() - 0.5) * 0.12 * HEIGHT;
        return varied(head.render(pose, WIDTH, HEIGHT, width, cx, cy), "rendered", t, 1, r, true);
    }

    /** The frame turned {@code degrees} about its centre: the member's head tilted to one side. */
    private static Mat roll(Mat frame, double degrees) {
        Mat m = Imgproc.getRotationMatrix2D(new Point(WIDTH / 2.0, HEIGHT / 2.0), degrees, 1);
        Mat out = new Mat();
        Imgproc.warpAffine(frame, out, m, frame.size(), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
        m.release();
        return out;
    }

    /**
     * Exposure as a webcam's automatic exposure leaves it — a little dim (×0.7–0.85), as it is, or
     * bright (×1.2–1.45, a window behind the camera) — or, for {@link Truth#TOO_DARK}, a room too dark
     * for the camera (×0.3–0.42); maybe mirrored; then JPEG at quality 40–95.
     */
    private static Item varied(Mat frame, String source, Truth truth, int faces, Random r, boolean mayMirror) {
        StringBuilder v = new StringBuilder();
        int light = truth == Truth.TOO_DARK ? 3 : r.nextInt(3);
        double gain = switch (light) {
            case 0 -> 0.7 + 0.15 * r.nextDouble();
            case 1 -> 1.2 + 0.25 * r.nextDouble();
            case 3 -> 0.3 + 0.12 * r.nextDouble();
            default -> 1;
        };
        frame.convertTo(frame, -1, gain, 0);
        v.append(String.format("light ×%.2f", gain));
        if (mayMirror && r.nextBoolean()) {
            Core.flip(frame, frame, 1);
            v.append(", mirrored");
        }
        int quality = 40 + r.nextInt(56);
        Mat decoded = Jpeg.roundTrip(frame, quality);
        frame.release();
        v.append(", JPEG ").append(quality);
        return new Item(decoded, source, truth, faces, v.toString());
    }

    /** An office wall with a door and a shelf, no one in front of the camera. */
    private static Mat backdrop(Random r) {
        Mat m = new Mat(HEIGHT, WIDTH, CvType.CV_8UC3, new Scalar(150 + r.nextInt(40), 155 + r.nextInt(40), 160));
        Imgproc.rectangle(m, new Point(60 + r.nextInt(100), 80), new Point(240, HEIGHT), new Scalar(90, 110, 140), -1);
        Imgproc.rectangle(m, new Point(380, 120), new Point(600, 200), new Scalar(70, 90, 120), -1);
        Mat noise = new Mat(m.size(), m.type());
        Core.randn(noise, 128, 3);
        Core.addWeighted(m, 1, noise, 1, -128, m);
        noise.release();
        return m;
    }

}
