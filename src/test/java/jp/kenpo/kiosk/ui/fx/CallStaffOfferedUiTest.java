package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.testfx.util.WaitForAsyncUtils;

import jp.kenpo.kiosk.capture.CameraFolders;
import jp.kenpo.kiosk.capture.CardFixtures;
import jp.kenpo.kiosk.capture.CardFixtures.Kind;
import jp.kenpo.kiosk.core.config.CameraSettings;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.face.Pose;
import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.core.member.MemberType;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.testing.Pictures;
import jp.kenpo.kiosk.testing.TestConfigs;

/**
 * 「係員を呼ぶ」 offered by itself after repeated trouble (docs/journey.md §16): the roster check
 * refusing the member twice, and no card or face taken within {@code camera.findSeconds} — the
 * virtual camera's frames never pass, and the kiosk's clock is moved past the find time (nothing
 * waits for real seconds). The third angle instruction missed is {@link StaffAtTheSideUiTest}'s.
 */
class CallStaffOfferedUiTest extends CountedFramesHarness {

    /** The shortest find time the configuration allows. */
    private static final int FIND_SECONDS = 5;
    private static final String BLURRY = "ピントが合っていません。カードを少し離して、動かさずにお持ちください";


    /** The card camera shows only a blurred card; the face camera an empty grey room. */
    @Override
    protected KioskConfig config(Path dataDir) {
        Path camera = dataDir.resolve("camera");
        try {
            CameraFolders.write(camera.resolve("card-front"), "blurry.png", Kind.BLURRY, 11, CardFixtures::card);
            Path face = Files.createDirectories(camera.resolve(Pose.FRONTAL_CLOSED.request().folder()));
            Mat empty = new Mat(720, 1280, CvType.CV_8UC3, new Scalar(128, 128, 128));
            Imgcodecs.imwrite(face.resolve("empty.png").toString(), empty);
            empty.release();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TestConfigs.withCamera(TestConfigs.demo(dataDir),
                new CameraSettings("virtual:" + camera, 1280, 720, 30, 3, FIND_SECONDS));
    }

    private boolean offered() {
        return lookup("#call-staff").query().getStyleClass().contains("call-staff-offered");
    }

    private void awaitOffered() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, this::offered);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void callAndSeeTheCallScreen() {
        clickOn("#call-staff");
        assertScreen("screen-staff-call");
    }

    @Test
    void theRosterRefusingTheMemberTwiceOffersStaff() throws Exception {
        resumeAt(Step.ELIGIBILITY, s -> s.card("91", "200009", "1", MemberType.INSURED));
        waitForText("#eligibility-result", "保険証の情報が見つかりませんでした");
        assertThat(offered()).as("once: the member may have mistyped, and fixes it").isFalse();

        clickOn("#eligibility-fix");
        assertScreen("screen-basic-confirm");
        clickOn("#next");
        assertScreen("screen-eligibility");
        waitForText("#eligibility-result", "保険証の情報が見つかりませんでした");
        awaitOffered();
        callAndSeeTheCallScreen();
    }

    @Test
    void noCardTakenWithinTheFindTimeOffersStaff() throws Exception {
        resumeAtDocumentChoice();
        clickOn("#doc-drivers_license");
        waitForText("#message", BLURRY);
        frames.awaitMore(6, Duration.ofSeconds(15));
        assertThat(offered()).as("still within the find time").isFalse();

        clock.advance(Duration.ofSeconds(FIND_SECONDS));
        awaitOffered();
        assertThat(present("#capture-help")).isTrue();
        assertThat(present("#retake")).as("nothing was taken").isFalse();
        callAndSeeTheCallScreen();
    }

    @Test
    void noFaceTakenWithinTheFindTimeOffersStaff() throws Exception {
        resumeAt(Step.FACE_FRONT, s -> {
            s.document(DocumentType.MY_NUMBER_CARD);
            s.documentImage(KioskSession.Side.FRONT, Pictures.cardFront());
        });
        assertScreen("screen-face-front");
        frames.awaitMore(6, Duration.ofSeconds(30));
        assertThat(offered()).as("still within the find time").isFalse();

        clock.advance(Duration.ofSeconds(FIND_SECONDS));
        awaitOffered();
        assertThat(present("#face-help")).isTrue();
        callAndSeeTheCallScreen();
    }
}
