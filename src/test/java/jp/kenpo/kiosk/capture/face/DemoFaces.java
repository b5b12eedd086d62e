package jp.kenpo.kiosk.capture.face;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

import jp.kenpo.kiosk.capture.face.SyntheticHead.Backdrop;
import jp.kenpo.kiosk.capture.face.SyntheticHead.HeadPose;
import jp.kenpo.kiosk.capture.face.SyntheticHead.Look;
import jp.kenpo.kiosk.capture.face.SyntheticHead.Shot;
import jp.kenpo.kiosk.core.face.Liveness;
import jp.kenpo.kiosk.core.face.Pose;

/**
 * Writes the demo camera's face folders ({@code face-frontal_mouth_closed/}, {@code face-left_mouth_open/},
 * …) with frames of one synthetic person rendered by {@link SyntheticHead}: the frontal photo and
 * every second-angle instruction of the liveness check.
 *
 * <p>Each frame is checked with the kiosk's own {@link FaceAnalyzer} before it is written: the
 * frontal closed-mouth frame must be accepted, every other frame must show its pose as
 * {@link Liveness} judges it (turned far enough the right way, the mouth against the frontal
 * closed-mouth score). A variant the analyzer disagrees with is rendered again with other small
 * variations.
 *
 * <p>{@code java -cp … jp.kenpo.kiosk.capture.face.DemoFaces [kiosk-config/demo-camera]}
 */
public final class DemoFaces {

    static final int WIDTH = 1280;
    static final int HEIGHT = 720;
    /** Distance between the cheek points in pixels: the detector's box is then about 0.32 of the frame's width. */
    static final double FACE_WIDTH = 335;
    /** How far the turned poses turn, degrees (the kiosk needs a yaw score of 0.20, about 12–15°). */
    static final double TURN = 27;
    static final double MOUTH_OPEN = 0.9;
    static final int VARIANTS = 2;
    static final int JPEG_QUALITY = 90;

    /** The demo's person: medium skin, dark brown hair, brown eyes, a navy jacket. Nobody real. */
    static final Look PERSON = new Look(0.35, Look.DARK_BROWN_HAIR, Look.BROWN_IRIS, Look.NAVY, 11);

    /** The six folders: the frontal photo, the frontal open mouth, and the four instructions. */
    static final List<Pose> POSES = List.of(Pose.FRONTAL_CLOSED, new Pose(Pose.Direction.FRONTAL, Pose.Mouth.OPEN),
            new Pose(Pose.Direction.RIGHT, Pose.Mouth.CLOSED), new Pose(Pose.Direction.RIGHT, Pose.Mouth.OPEN),
            new Pose(Pose.Direction.LEFT, Pose.Mouth.CLOSED), new Pose(Pose.Direction.LEFT, Pose.Mouth.OPEN));

    private DemoFaces() {
    }

    /** A written frame and what the analyzer read from the file. */
    public record Written(Path file, Pose pose, FaceAnalysis analysis) {
    }

    /** The head pose for a kiosk pose; variant 0 is the plain one, later ones vary a little. */
    static HeadPose headPose(Pose pose, int variant, int attempt) {
        double sign = switch (pose.direction()) {
            case RIGHT -> 1;
            case LEFT -> -1;
            case FRONTAL -> 0;
        };
        double jitter = variant == 0 ? 0 : 1;
        double yaw = sign * (TURN + jitter * 2 - attempt) + (sign == 0 ? jitter * 1.0 : 0);
        double pitch = jitter * (attempt % 2 == 0 ? 2 : -2);
        double roll = jitter * 2.5;
        double mouth = pose.mouth() == Pose.Mouth.OPEN ? MOUTH_OPEN + 0.1 * jitter : 0;
        return new HeadPose(yaw, pitch, roll, mouth, false);
    }

    static Shot shot(int variant, int attempt) {
        if (variant == 0) {
            return new Shot(WIDTH, HEIGHT, FACE_WIDTH, WIDTH / 2.0, HEIGHT / 2.0 + 10, Shot.DEFAULT_LIGHT, Backdrop.WALL,
                    100 + attempt);
        }
        double[] light = {0.3, -0.5, -0.8}; // from the upper right
        return new Shot(WIDTH, HEIGHT, FACE_WIDTH - 8, WIDTH / 2.0 - 12, HEIGHT / 2.0 + 4, light, Backdrop.OFFICE,
                200 + attempt);
    }

    /** Whether the analysis shows the pose the way the kiosk judges it. */
    static boolean shows(Pose pose, FaceAnalysis a, double closedMouth) {
        if (a.faces() != 1) {
            return false;
        }
        boolean open = pose.mouth() == Pose.Mouth.OPEN;
        if (pose.direction() == Pose.Direction.FRONTAL) {
            return open ? Liveness.mouthOpen(a.mouthScore(), closedMouth) && !Liveness.turned(a.yawScore()) : a.accept();
        }
        Pose.Direction d = a.yawScore() > 0 ? Pose.Direction.RIGHT : Pose.Direction.LEFT;
        return Math.abs(a.yawScore()) >= 0.3 && d == pose.direction() && a.yaw() == pose.direction()
                && Liveness.mouthOpen(a.mouthScore(), closedMouth) == open;
    }

    /** Renders and writes every folder under {@code dir}; returns what was written, frontal closed first. */
    public static List<Written> write(Path dir) throws IOException {
        SyntheticHead head = new SyntheticHead(PERSON);
        List<Written> out = new ArrayList<>();
        double closedMouth = Double.NaN;
        MatOfInt jpeg = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, JPEG_QUALITY);
        try (FaceAnalyzer analyzer = new FaceAnalyzer()) {
            for (Pose pose : POSES) {
                Path folder = dir.resolve(pose.request().folder());
                Files.createDirectories(folder);
                try (var old = Files.list(folder)) {
                    for (Path f : old.filter(f -> f.getFileName().toString().startsWith("synthetic-")).toList()) {
                        Files.delete(f);
                    }
                }
                for (int v = 0; v < VARIANTS; v++) {
                    Path file = folder.resolve(String.format(Locale.ROOT, "synthetic-%s-%d.jpg",
                            pose.code().replace('_', '-'), v + 1));
                    FaceAnalysis found = null;
                    for (int attempt = 0; attempt < 8 && found == null; attempt++) {
                        Mat frame = head.render(headPose(pose, v, attempt), shot(v, attempt));
                        if (!Imgcodecs.imwrite(file.toString(), frame, jpeg)) {
                            throw new IOException("cannot write " + file);
                        }
                        frame.release();
                        // Judge the file as the virtual camera will play it.
                        Mat read = Imgcodecs.imread(file.toString());
                        FaceAnalysis a = analyzer.analyze(read);
                        read.release();
                        double reference = pose.equals(Pose.FRONTAL_CLOSED) && v == 0 ? a.mouthScore() : closedMouth;
                        if (shows(pose, a, reference)) {
                            found = a;
                            if (pose.equals(Pose.FRONTAL_CLOSED) && v == 0) {
                                closedMouth = a.mouthScore();
                            }
                        }
                    }
                    if (found == null) {
                        Files.deleteIfExists(file);
                        throw new IllegalStateException("the analyzer does not see " + pose.code() + " in variant " + (v + 1));
                    }
                    out.add(new Written(file, pose, found));
                }
            }
        } finally {
            jpeg.release();
        }
        return out;
    }

    static String describe(FaceAnalysis a) {
        return String.format(Locale.ROOT, "faces=%d box=%s (%.0f%% of the width) yaw=%s yawScore=%.3f mouth=%s mouthScore=%.3f "
                + "sharpness=%.0f brightness=%.0f accept=%s reasons=%s", a.faces(), Arrays.toString(a.box()),
                a.box() == null ? 0 : 100 * a.box()[2] / WIDTH, a.yaw(), a.yawScore(), a.mouth(), a.mouthScore(),
                a.sharpness(), a.brightness(), a.accept(), a.reasons());
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "kiosk-config/demo-camera");
        for (Written w : write(dir)) {
            System.out.println(dir.relativize(w.file()) + ": " + describe(w.analysis()));
        }
    }
}
