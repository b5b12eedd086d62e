package jp.kenpo.kiosk.capture.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

import jp.kenpo.kiosk.core.face.Liveness;
import jp.kenpo.kiosk.core.face.Pose;

/**
 * The demo camera's face folders ({@code kiosk-config/demo-camera/face-*}, written by
 * {@link DemoFaces}) as the kiosk's own face analyzer and liveness rules see them: the frontal
 * photo is accepted, every second-angle folder shows its pose, and the frontal frame printed and
 * turned towards the camera does not pass as a turned head.
 */
class DemoFacesTest {

    static final Path DEMO = Path.of("kiosk-config/demo-camera");
    static FaceAnalyzer analyzer;
    static double closedMouth;

    @BeforeAll
    static void analyzer() throws IOException {
        analyzer = new FaceAnalyzer();
        closedMouth = analyze(images(Pose.FRONTAL_CLOSED).get(0)).mouthScore();
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    static List<Path> images(Pose pose) throws IOException {
        Path folder = DEMO.resolve(pose.request().folder());
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> files = s.filter(f -> {
                String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png");
            }).sorted().toList();
            assertThat(files).as("images in %s", folder).isNotEmpty();
            return files;
        }
    }

    static FaceAnalysis analyze(Path file) {
        Mat frame = Imgcodecs.imread(file.toString());
        assertThat(frame.empty()).as("readable: %s", file).isFalse();
        try {
            return analyzer.analyze(frame);
        } finally {
            frame.release();
        }
    }

    @Test
    void frontalClosedMouthIsAccepted() throws IOException {
        for (Path file : images(Pose.FRONTAL_CLOSED)) {
            FaceAnalysis a = analyze(file);
            assertThat(a.faces()).as("%s: faces", file).isEqualTo(1);
            assertThat(a.accept()).as("%s: accepted (%s)", file, a.reasons()).isTrue();
        }
    }

    @Test
    void frontalOpenMouthIsOpenAgainstTheClosedOne() throws IOException {
        for (Path file : images(new Pose(Pose.Direction.FRONTAL, Pose.Mouth.OPEN))) {
            FaceAnalysis a = analyze(file);
            assertThat(a.faces()).as("%s: faces", file).isEqualTo(1);
            assertThat(Liveness.mouthOpen(a.mouthScore(), closedMouth))
                    .as("%s: mouth score %.3f against closed %.3f", file, a.mouthScore(), closedMouth).isTrue();
            assertThat(Liveness.turned(a.yawScore())).as("%s: yaw score %.3f", file, a.yawScore()).isFalse();
        }
    }

    static List<Pose> instructions() {
        return Pose.INSTRUCTIONS;
    }

    @ParameterizedTest
    @MethodSource("instructions")
    void turnedFolderShowsItsPose(Pose pose) throws IOException {
        for (Path file : images(pose)) {
            FaceAnalysis a = analyze(file);
            assertThat(a.faces()).as("%s: faces", file).isEqualTo(1);
            assertThat(Liveness.turned(a.yawScore())).as("%s: yaw score %.3f", file, a.yawScore()).isTrue();
            Pose.Direction direction = a.yawScore() > 0 ? Pose.Direction.RIGHT : Pose.Direction.LEFT;
            assertThat(direction).as("%s: direction by yaw score %.3f", file, a.yawScore()).isEqualTo(pose.direction());
            assertThat(a.yaw()).as("%s: analyzer's direction", file).isEqualTo(pose.direction());
            assertThat(Liveness.mouthOpen(a.mouthScore(), closedMouth))
                    .as("%s: mouth score %.3f against closed %.3f", file, a.mouthScore(), closedMouth)
                    .isEqualTo(pose.mouth() == Pose.Mouth.OPEN);
        }
    }

    /**
     * A print of the frontal frame turned 30° about its vertical axis in front of the camera: it
     * gets narrower on one side, but its nose stays between the cheeks, so it is no turn.
     */
    @ParameterizedTest
    @ValueSource(doubles = {30, -30})
    void flatPhotoTurnedTowardsTheCameraIsNoTurn(double degrees) throws IOException {
        Path file = images(Pose.FRONTAL_CLOSED).get(0);
        Mat frame = Imgcodecs.imread(file.toString());
        Mat print = FaceFixtures.turnedPrint(frame, degrees, new Scalar(70, 70, 70));
        FaceAnalysis a = analyzer.analyze(print);
        frame.release();
        print.release();
        assertThat(a.faces()).as("the printed face is still found").isEqualTo(1);
        assertThat(Liveness.turned(a.yawScore())).as("yaw score %.3f of a flat photo", a.yawScore()).isFalse();
    }
}
