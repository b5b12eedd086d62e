package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.Map;
import java.util.Random;

import javafx.scene.control.Label;

import org.junit.jupiter.api.Test;
import org.opencv.imgcodecs.Imgcodecs;

import com.fasterxml.jackson.databind.JsonNode;

import jp.kenpo.kiosk.capture.CameraFolders;
import jp.kenpo.kiosk.capture.CardFixtures;
import jp.kenpo.kiosk.capture.face.FaceFixtures;
import jp.kenpo.kiosk.core.config.CameraSettings;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.face.Pose;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.testing.TestConfigs;
import jp.kenpo.kiosk.testing.Unsealer;

/**
 * The whole journey on the on-screen keyboards and the virtual camera: membership, account, email
 * code, My Number card, frontal face, the drawn second angle, secret question, confirmation,
 * submit, receipt; the sealed registration is in the outbox and the session is wiped.
 */
class EndToEndUiTest extends KioskFxHarness {

    private Path camera;

    @Override
    protected KioskConfig config(Path dataDir) {
        camera = dataDir.resolve("camera");
        try {
            CameraFolders.write(camera.resolve("card-front"), "front.png", CardFixtures.Kind.GOOD, 7, CardFixtures::card);
            FaceFixtures faces = new FaceFixtures();
            Random r = new Random(31);
            for (Pose p : java.util.stream.Stream.concat(java.util.stream.Stream.of(Pose.FRONTAL_CLOSED),
                    Pose.INSTRUCTIONS.stream()).toList()) {
                Path folder = camera.resolve(p.request().folder());
                Files.createDirectories(folder);
                double yaw = p.direction() == Pose.Direction.RIGHT ? 28 : p.direction() == Pose.Direction.LEFT ? -28 : 0;
                var f = faces.pose(1, yaw, p.mouth() == Pose.Mouth.OPEN, r);
                // The camera here is 16:9: the 4:3 face frame goes in the middle, not stretched.
                org.opencv.core.Mat wide = new org.opencv.core.Mat();
                org.opencv.imgproc.Imgproc.resize(f.image(), wide, new org.opencv.core.Size(960, 720));
                org.opencv.core.Mat frame = new org.opencv.core.Mat();
                org.opencv.core.Core.copyMakeBorder(wide, frame, 0, 0, 160, 160, org.opencv.core.Core.BORDER_REPLICATE);
                Imgcodecs.imwrite(folder.resolve("frame.png").toString(), frame);
                f.image().release();
                wide.release();
                frame.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KioskConfig demo = TestConfigs.demo(dataDir);
        return TestConfigs.withCamera(demo, new CameraSettings("virtual:" + camera, 1280, 720, 30, 3, 45));
    }

    @Test
    void fromWelcomeToReceipt() throws Exception {
        toAccount();
        fillAccount("kenkou.taro@example.jp");
        clickOn("#next");
        waitFor("#otp", 10);
        clickOn("#otp");
        keypad(demoCode());
        clickOn("#next");
        assertScreen("screen-medical-offer");
        clickOn("#next");
        clickOn("#doc-my_number_card");
        waitFor("#retake", 15);
        clickOn("#next");
        assertScreen("screen-face-front");
        waitForText("#message", "写真判定OK");
        clickOn("#next");
        assertScreen("screen-face-angle");
        String instruction = lookup("#instruction").queryAs(Label.class).getText();
        waitForText("#message", "写真判定OK");
        clickOn("#next");
        assertScreen("screen-secret-question");
        clickOn("#secretQuestionCustom");
        kana("スキナイロ");
        clickOn("#secretAnswer");
        kana("ミドリ");
        clickOn("#next");
        waitFor("#screen-confirm", 10);
        assertThat(lookup("#confirm-email").queryAs(Label.class).getText()).isEqualTo("ke***@example.jp");
        assertThat(lookup("#confirm-password").queryAs(Label.class).getText()).isEqualTo("（表示しません）");
        assertThat(lookup("#confirm-secretAnswer").queryAs(Label.class).getText()).isEqualTo("（表示しません）");
        KioskSession session = shell.session().orElseThrow();

        clickOn("#submit");
        waitFor("#screen-done", 10);
        assertThat(lookup("#receiptNumber").queryAs(Label.class).getText()).isEqualTo("K07-0001");
        assertThat(lookup(".screen-title").queryAs(Label.class).getText()).isEqualTo("申請を受け付けました");

        byte[] envelope;
        try (Connection c = kiosk.database().connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT receipt_number, sealed FROM outbox")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("K07-0001");
            envelope = rs.getBytes(2);
            assertThat(rs.next()).isFalse();
        }
        JsonNode r = Unsealer.open(envelope);
        assertThat(r.get("member").get("kanaName").asText()).isEqualTo("ケンコウ　タロウ");
        assertThat(r.get("medicalAccess").get("livenessPassed").asBoolean()).isTrue();
        assertThat(r.get("medicalAccess").get("faces")).hasSize(2);
        assertThat(r.get("medicalAccess").get("faces").toString()).contains("frontal_mouth_closed");
        assertThat(instruction).isNotBlank();

        clickOn("#done-finish");
        assertScreen("screen-welcome");
        assertThat(shell.session()).isEmpty();
        assertThat(session.isWiped()).isTrue();
        for (Field f : KioskSession.class.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            Object v = f.get(session);
            boolean empty = v == null || v instanceof Boolean b && (!b || f.getName().equals("wiped"))
                    || v instanceof Collection<?> c && c.isEmpty() || v instanceof Map<?, ?> m && m.isEmpty()
                    || f.getName().equals("entry");
            assertThat(empty).as("%s after the session = %s", f.getName(), v).isTrue();
        }

        // Staff see that one registration waits to be sent (this test runs no central service).
        moveTo("#staff-entry").press(javafx.scene.input.MouseButton.PRIMARY);
        waitFor("#screen-staff-pin", 5);
        release(javafx.scene.input.MouseButton.PRIMARY);
        keypad("1234");
        clickOn("#pin-ok");
        waitFor("#screen-staff", 10);
        waitForText("#staff-queue", "送信待ち 1 件・係員の確認が必要 0 件");
    }
}
