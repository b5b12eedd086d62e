package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import javafx.scene.control.Button;
import javafx.scene.control.Label;

import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Rect;
import org.opencv.imgcodecs.Imgcodecs;

import jp.kenpo.kiosk.capture.CameraFolders;
import jp.kenpo.kiosk.capture.CardFixtures;
import jp.kenpo.kiosk.capture.CardFixtures.Kind;
import jp.kenpo.kiosk.core.config.CameraSettings;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.config.MaskRegion;
import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.core.session.KioskSession.Side;
import jp.kenpo.kiosk.testing.TestConfigs;

/**
 * Document capture on the virtual camera (docs/architecture.md §7) playing generated synthetic cards: auto-capture,
 * the back after 備考欄あり, the My Number card's front only, blur guidance with the shutter, and a
 * camera that goes away and comes back.
 */
class DocumentCaptureUiTest extends CountedFramesHarness {

    private Path camera;

    @Override
    protected KioskConfig config(Path dataDir) {
        camera = dataDir.resolve("camera");
        try {
            CameraFolders.write(camera.resolve("card-front"), "front.png", Kind.GOOD, 7, CardFixtures::card);
            CameraFolders.write(camera.resolve("card-back"), "back.png", Kind.GOOD, 8, CardFixtures::back);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KioskConfig demo = TestConfigs.demo(dataDir);
        return TestConfigs.withCamera(demo, new CameraSettings("virtual:" + camera, 1280, 720, 30, 3, 45));
    }

    @Test
    void licenceFrontIsTakenByItselfThenTheBackAfterTheRemarksQuestion() throws Exception {
        // A blurry card first, which is never taken by itself: the screen before a picture is seen for
        // certain, however late the check runs (a good card is taken within a tenth of a second).
        replaceFront(Kind.BLURRY);
        resumeAtDocumentChoice();
        clickOn("#doc-drivers_license");
        assertScreen("screen-document-capture");
        assertThat(lookup(".screen-title").queryAs(Label.class).getText()).isEqualTo("運転免許証（表面）の撮影");
        waitForText("#message", "ピントが合っていません。カードを少し離して、動かさずにお持ちください");
        assertThat(present("#shutter")).isTrue();
        assertThat(present("#next")).as("次へ only once a picture is taken").isFalse();

        replaceFront(Kind.GOOD);
        waitFor("#retake", 15); // auto-captured: the review shows
        assertThat(present("#captured-image")).isTrue();
        clickOn("#next");

        assertScreen("screen-document-remarks");
        clickOn("#remarks-yes");
        assertScreen("screen-document-capture");
        assertThat(lookup(".screen-title").queryAs(Label.class).getText()).isEqualTo("運転免許証（裏面）の撮影");
        waitFor("#retake", 15);
        clickOn("#retake"); // not kept: the preview comes back, then takes it again
        assertThat(present("#shutter")).isTrue();
        waitFor("#retake", 15);
        clickOn("#next");

        // The face steps come with the next version; the documents are in the session.
        KioskSession s = shell.session().orElseThrow();
        Map<Side, byte[]> images = s.documentImages();
        assertThat(images).containsOnlyKeys(Side.FRONT, Side.BACK);
        Mat front = decode(images.get(Side.FRONT));
        assertThat(front.cols()).isEqualTo(856);
        assertThat(front.rows()).isEqualTo(540);
        // The configured mask (the field at the bottom of the back) is black; the remarks above are not.
        Mat back = decode(images.get(Side.BACK));
        MaskRegion mask = kiosk.config().masks(DocumentType.DRIVERS_LICENSE, Side.BACK).get(0);
        double pxPerMm = 856 / MaskRegion.CARD_WIDTH_MM;
        Rect masked = new Rect((int) Math.ceil(mask.x() * pxPerMm) + 2, (int) Math.ceil(mask.y() * pxPerMm) + 2,
                (int) (mask.width() * pxPerMm) - 4, (int) (mask.height() * pxPerMm) - 4);
        assertThat(Core.mean(back.submat(masked)).val[0]).as("masked field").isLessThan(8);
        assertThat(Core.mean(back.submat(new Rect(40, 40, 700, 200))).val[0]).as("remarks").isGreaterThan(120);
        assertThat(Core.mean(front).val[0]).as("front, no mask configured").isGreaterThan(100);
    }

    @Test
    void myNumberCardOnlyEverAsksForTheFront() throws Exception {
        resumeAtDocumentChoice();
        clickOn("#doc-my_number_card");
        assertThat(lookup(".screen-title").queryAs(Label.class).getText())
                .isEqualTo("マイナンバーカード（表面）の撮影");
        waitFor("#retake", 15);
        clickOn("#next");
        assertThat(present("#screen-document-remarks")).isFalse();
        assertThat(present("#screen-document-capture")).as("no second capture").isFalse();
        assertThat(shell.session().orElseThrow().documentImages()).containsOnlyKeys(Side.FRONT);
    }

    @Test
    void onlyBlurryFramesShowTheBlurMessageAndTheShutterStillTakesOne() throws Exception {
        replaceFront(Kind.BLURRY);
        resumeAtDocumentChoice();
        clickOn("#doc-drivers_license");
        waitForText("#message", "ピントが合っていません。カードを少し離して、動かさずにお持ちください");
        // Many frames later there is still no automatic capture.
        frames.awaitMore(24, Duration.ofSeconds(15));
        assertThat(present("#retake")).isFalse();
        assertThat(present("#capture-help")).isFalse();
        clock.advance(Duration.ofSeconds(46));
        waitFor("#capture-help", 5);

        clickOn("#shutter");
        waitFor("#retake", 10);
        clickOn("#next");
        assertScreen("screen-document-remarks");
        assertThat(shell.session().orElseThrow().documentImages()).containsKey(Side.FRONT);
    }

    @Test
    void aCameraThatGoesAwayShowsTheCameraMessageAndRecovers() throws Exception {
        replaceFront(Kind.BLURRY);
        resumeAtDocumentChoice();
        clickOn("#doc-drivers_license");
        waitForText("#message", "ピントが合っていません。カードを少し離して、動かさずにお持ちください");

        Path away = camera.resolveSibling("camera-unplugged");
        Files.move(camera, away);
        waitForText("#message", "カメラが使えません。お手数ですが、係員にお声がけください。"
                + "カメラが使えるようになると、そのまま撮影を続けられます。");
        assertThat(lookup("#shutter").queryAs(Button.class).isDisabled()).isTrue();

        Files.move(away, camera);
        replaceFront(Kind.GOOD);
        waitFor("#retake", 15);
        assertThat(shell.session().orElseThrow().documentImages()).isEmpty(); // kept only with 次へ
    }

    private void replaceFront(Kind kind) throws IOException {
        Path front = camera.resolve("card-front");
        try (Stream<Path> files = Files.list(front)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
        CameraFolders.write(front, kind.name().toLowerCase() + ".png", kind, 11, CardFixtures::card);
        // Folders are read again when their time changes; make sure it does within one second.
        Files.setLastModifiedTime(front, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
    }

    private static Mat decode(byte[] jpeg) {
        return Imgcodecs.imdecode(new MatOfByte(jpeg), Imgcodecs.IMREAD_COLOR);
    }
}
