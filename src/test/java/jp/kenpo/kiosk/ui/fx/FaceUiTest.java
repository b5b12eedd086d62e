package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.function.Function;

import javafx.scene.control.Label;

import org.junit.jupiter.api.Test;
import org.opencv.imgcodecs.Imgcodecs;

import jp.kenpo.kiosk.capture.face.FaceFixtures;
import jp.kenpo.kiosk.core.config.CameraSettings;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.face.Pose;
import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.testing.TestConfigs;
import jp.kenpo.kiosk.ui.face.FaceViewModel;
import jp.kenpo.kiosk.ui.pictures.HeadTurnPicture;

/**
 * The face photos on the virtual camera, which plays the folder of the pose the kiosk asks for
 * (docs/architecture.md §7) with frames generated from a public-domain photo: the frontal photo, then the random
 * instruction followed — or not followed, or a flat photo held up instead.
 */
class FaceUiTest extends CountedFramesHarness {

    private static final int PORTRAIT = 1; // the photo with a closed mouth
    private static FaceFixtures fixtures;
    private Path camera;

    @Override
    protected KioskConfig config(Path dataDir) {
        if (fixtures == null) {
            fixtures = new FaceFixtures();
        }
        camera = dataDir.resolve("camera");
        KioskConfig demo = TestConfigs.demo(dataDir);
        try {
            Files.createDirectories(camera);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TestConfigs.withCamera(demo, new CameraSettings("virtual:" + camera, 640, 480, 30, 3, 45));
    }

    /** Fills the folder of every pose with frames made by {@code frames}. */
    private void folders(Function<Pose, FaceFixtures.Frame> frames) throws IOException {
        for (Pose p : java.util.stream.Stream.concat(java.util.stream.Stream.of(Pose.FRONTAL_CLOSED),
                Pose.INSTRUCTIONS.stream()).toList()) {
            Path dir = camera.resolve(p.request().folder());
            Files.createDirectories(dir);
            FaceFixtures.Frame f = frames.apply(p);
            Imgcodecs.imwrite(dir.resolve("frame.png").toString(), f.image());
            f.image().release();
        }
    }

    private static FaceFixtures.Frame showing(Pose p, Random r) {
        double yaw = p.direction() == Pose.Direction.RIGHT ? 28 : p.direction() == Pose.Direction.LEFT ? -28 : 0;
        return fixtures.pose(PORTRAIT, yaw, p.mouth() == Pose.Mouth.OPEN, r);
    }

    private void toFaces() {
        resumeAt(Step.FACE_FRONT, s -> {
            s.document(DocumentType.MY_NUMBER_CARD);
            s.documentImage(KioskSession.Side.FRONT, new byte[] {1, 2, 3});
        });
        assertScreen("screen-face-front");
    }

    @Test
    void frontalThenTheDrawnInstructionFollowed() throws Exception {
        Random r = new Random(21);
        folders(p -> showing(p, r));
        toFaces();
        // the member sees the face as in a mirror, turning the same way as the drawn head
        assertThat(lookup("#camera-preview").queryAs(javafx.scene.layout.StackPane.class).getChildren().stream()
                .filter(n -> n instanceof javafx.scene.image.ImageView).findFirst().orElseThrow().getScaleX())
                .as("the face preview is mirrored").isEqualTo(-1.0);
        waitForText("#message", "写真判定OK");
        assertThat(present("#retake")).isTrue();
        clickOn("#next");

        assertScreen("screen-face-angle");
        String instruction = lookup("#instruction").queryAs(Label.class).getText();
        assertThat(instruction).isIn("右を向いて、口を閉じてください", "右を向いて、口を開けてください",
                "左を向いて、口を閉じてください", "左を向いて、口を開けてください");
        // the drawn head shows the same instruction; it holds still once the photo is taken
        HeadTurnPicture head = lookup(".head-picture").queryAs(HeadTurnPicture.class);
        assertThat(instruction).startsWith(head.pose().direction() == Pose.Direction.RIGHT ? "右" : "左")
                .contains(head.pose().mouth() == Pose.Mouth.OPEN ? "開けて" : "閉じて");
        waitForText("#message", "写真判定OK");
        assertThat(head.moving()).as("still once taken").isFalse();
        assertThat(head.turn()).isEqualTo(head.pose().direction() == Pose.Direction.RIGHT ? 1.0 : -1.0);
        KioskSession s = shell.session().orElseThrow();
        clickOn("#next");
        assertThat(head.getScene()).as("the screen is closed").isNull();
        assertThat(head.moving()).isFalse();
        assertThat(s.livenessPassed()).isTrue();
        assertThat(s.faceImages()).containsKey("frontal_mouth_closed").hasSize(2);
        assertThat(s.closedMouth()).isLessThan(0.05);
    }

    @Test
    void theWrongDirectionNeverPassesAndEndsWithStaff() throws Exception {
        Random r = new Random(22);
        // Every folder shows the opposite turn of what its name asks for.
        folders(p -> p.direction() == Pose.Direction.FRONTAL ? showing(p, r)
                : showing(new Pose(p.direction() == Pose.Direction.RIGHT ? Pose.Direction.LEFT : Pose.Direction.RIGHT,
                        p.mouth()), r));
        toFaces();
        waitForText("#message", "写真判定OK");
        clickOn("#next");
        assertScreen("screen-face-angle");
        expectFailureAfterEveryInstruction();
    }

    @Test
    void aFlatPhotoTurnedTowardsTheCameraDoesNotPass() throws Exception {
        Random r = new Random(23);
        folders(p -> p.direction() == Pose.Direction.FRONTAL ? showing(p, r)
                : fixtures.flatPhoto(PORTRAIT, p.direction() == Pose.Direction.RIGHT ? -35 : 35, r));
        toFaces();
        waitForText("#message", "写真判定OK");
        clickOn("#next");
        expectFailureAfterEveryInstruction();
    }

    private void expectFailureAfterEveryInstruction() throws Exception {
        for (int i = 1; i <= FaceViewModel.INSTRUCTIONS; i++) {
            frames.awaitMore(20, Duration.ofSeconds(15)); // of the wrong pose, analyzed by the camera thread
            assertThat(present("#next")).as("not passed on instruction %d", i).isFalse();
            clock.advance(FaceViewModel.INSTRUCTION_TIME);
        }
        waitForText("#message", "係員と一緒に撮影します。「係員を呼ぶ」を押して、このままお待ちください。");
        assertThat(lookup("#call-staff").query().getStyleClass()).contains("call-staff-offered");
        assertThat(shell.session().orElseThrow().livenessPassed()).isFalse();
    }
}
