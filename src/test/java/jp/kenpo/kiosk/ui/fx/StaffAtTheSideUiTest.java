package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencv.imgcodecs.Imgcodecs;
import org.testfx.util.WaitForAsyncUtils;

import com.fasterxml.jackson.databind.JsonNode;

import jp.kenpo.kiosk.app.config.ConfigLoader;
import jp.kenpo.kiosk.capture.face.FaceFixtures;
import jp.kenpo.kiosk.central.CentralServer;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.face.Pose;
import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.core.port.AuditLog;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.testing.Pictures;
import jp.kenpo.kiosk.testing.TestConfigs;
import jp.kenpo.kiosk.testing.Unsealer;
import jp.kenpo.kiosk.ui.face.FaceViewModel;

/**
 * Staff at the member's side (docs/journey.md §16, §19): a member who cannot follow the second
 * angle's instructions is offered 「係員を呼ぶ」; a member of staff, with their own PIN, opens the
 * panel over the session, compares the document with the face and records the in-person check; the
 * registration reaches the reference central server with it and the staff id, and is reviewed there.
 * And a help call from the account screen, after which the member finds every field as they left it.
 */
class StaffAtTheSideUiTest extends CountedFramesHarness {

    private static final int PORTRAIT = 1;
    private static FaceFixtures fixtures;
    private Path camera;
    private CentralServer central;

    /**
     * The demo configuration with two members of staff (田中's PIN is the demo's 1234), the face
     * camera on a folder of generated frames, and the central service a reference server this test
     * reads (it keeps what arrived).
     */
    @Override
    protected KioskConfig config(Path dataDir) {
        try {
            if (fixtures == null) {
                fixtures = new FaceFixtures();
            }
            camera = dataDir.resolve("camera");
            Files.createDirectories(camera);
            central = CentralServer.start(CentralServer.Options.of(dataDir.resolve("central"), Unsealer.demoKey(),
                    "demo-2026").withDeviceTokens(Set.of("demo-device-token")).withKeepClearData(true));
            Path file = TestConfigs.demoCopy(dataDir.resolve("config"));
            String yaml = Files.readString(file);
            int embedded = yaml.indexOf("  embedded:");
            int roster = yaml.indexOf("\nroster:");
            yaml = yaml.substring(0, embedded) + yaml.substring(roster + 1);
            java.util.regex.Matcher demoPin = java.util.regex.Pattern.compile(":-(\\$pbkdf2[^}]*)}").matcher(yaml);
            assertThat(demoPin.find()).isTrue();
            String hash = demoPin.group(1); // the demo PIN 1234
            yaml = yaml.replace("url: http://127.0.0.1:8765", "url: " + central.url())
                    .replaceFirst("  pinHash: \"[^\"]*\"", java.util.regex.Matcher.quoteReplacement("  members:\n"
                            + "    - { id: tanaka, name: 田中, pinHash: \"" + hash + "\" }\n"
                            + "    - { id: suzuki, name: 鈴木, pinHash: \"" + hash.replace("uqEB", "uqEC") + "\" }"))
                    .replace("source: virtual:demo-camera", "source: virtual:" + camera.toAbsolutePath())
                    .replace("steadyFrames: 8", "steadyFrames: 3");
            Files.writeString(file, yaml);
            return new ConfigLoader(Map.of("KIOSK_DATA_DIR", dataDir.toAbsolutePath().toString())::get).load(file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stopCentral() {
        if (central != null) {
            central.close();
        }
    }

    /** The frontal pose shown as asked; every other pose turned the wrong way. */
    private void wrongWayFolders() throws IOException {
        Random r = new Random(22);
        for (Pose p : java.util.stream.Stream.concat(java.util.stream.Stream.of(Pose.FRONTAL_CLOSED),
                Pose.INSTRUCTIONS.stream()).toList()) {
            Path dir = camera.resolve(p.request().folder());
            Files.createDirectories(dir);
            Pose shown = p.direction() == Pose.Direction.FRONTAL ? p
                    : new Pose(p.direction() == Pose.Direction.RIGHT ? Pose.Direction.LEFT : Pose.Direction.RIGHT, p.mouth());
            double yaw = shown.direction() == Pose.Direction.RIGHT ? 28 : shown.direction() == Pose.Direction.LEFT ? -28 : 0;
            FaceFixtures.Frame f = fixtures.pose(PORTRAIT, yaw, shown.mouth() == Pose.Mouth.OPEN, r);
            Imgcodecs.imwrite(dir.resolve("frame.png").toString(), f.image());
            f.image().release();
        }
    }

    private String text(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    private String field(String query) {
        return lookup(query).queryAs(TextInputControl.class).getText();
    }

    @Test
    void threeAngleInstructionsMissedThenStaffCheckInPersonAndTheCentralServiceReviewsIt() throws Exception {
        kiosk.startSync();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> kiosk.sync().lastContact().isPresent());
        wrongWayFolders();
        resumeAt(Step.FACE_FRONT, s -> {
            s.document(DocumentType.MY_NUMBER_CARD);
            s.documentImage(KioskSession.Side.FRONT, Pictures.cardFront());
        });
        waitForText("#message", "写真判定OK");
        clickOn("#next");
        assertScreen("screen-face-angle");
        assertThat(lookup("#call-staff").query().getStyleClass()).doesNotContain("call-staff-offered");
        for (int i = 1; i <= FaceViewModel.INSTRUCTIONS; i++) {
            frames.awaitMore(20, Duration.ofSeconds(15));
            clock.advance(FaceViewModel.INSTRUCTION_TIME);
        }
        // Never told they failed: they will take the photo together with staff.
        waitForText("#message", "係員と一緒に撮影します。「係員を呼ぶ」を押して、このままお待ちください。");
        assertThat(lookup("#call-staff").query().getStyleClass()).contains("call-staff-offered");

        clickOn("#call-staff");
        assertScreen("screen-staff-call");
        assertThat(text(".staff-call-lead")).isEqualTo("係員が参ります。このままお待ちください");
        clickOn("#staff-open");
        staffPinOverSession("1234");
        assertThat(text("#staff-panel-step")).isEqualTo("お客さまの画面：顔写真の撮影（別アングル）");
        assertThat(lookup(".staff-picture-document").queryAll()).hasSize(1);
        assertThat(lookup(".staff-picture-face").queryAll()).hasSize(1);
        assertThat(lookup(".staff-picture-face").queryAs(javafx.scene.image.ImageView.class).getFitWidth())
                .isGreaterThanOrEqualTo(300);

        clickOn("#staff-confirm-person");
        waitFor("#screen-secret-question", 10);
        clickOn("#secretQuestionCustom");
        kana("スキナイロ");
        clickOn("#secretAnswer");
        kana("ミドリ");
        clickOn("#next");
        waitFor("#screen-confirm", 10);
        clickOn("#submit");
        waitFor("#screen-done", 15);
        assertThat(text(".screen-title")).isEqualTo("申請を受け付けました");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> central.registeredCount() == 1);
        String id = central.registrationIds().iterator().next();
        JsonNode medical = central.plaintext(id).get("medicalAccess");
        assertThat(medical.get("staffCheckedInPerson").asBoolean()).isTrue();
        assertThat(medical.get("livenessPassed").asBoolean(true)).isFalse();
        assertThat(medical.get("staffId").asText()).isEqualTo("tanaka");
        assertThat(medical.get("faces")).hasSize(1);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> kiosk.services().audit().recent(50).stream()
                .anyMatch(e -> e.action().equals("in-person-check-liveness")));
        assertThat(kiosk.services().audit().recent(50)).filteredOn(e -> !e.action().equals("staff-call"))
                .extracting(AuditLog.Entry::actor).containsOnly("tanaka");
        assertThat(kiosk.services().audit().recent(50)).extracting(AuditLog.Entry::action)
                .contains("staff-call", "staff-unlock-session", "in-person-check-liveness", "staff-lock");
    }

    @Test
    void aHelpCallFromTheAccountScreenAndBackWithEveryFieldAsItWas() throws Exception {
        toAccount();
        fillAccount("kenkou.taro@example.jp");
        clickOn("#invitationCode");
        typeAddress("ab12");
        KioskSession session = shell.session().orElseThrow();

        clickOn("#call-staff");
        assertScreen("screen-staff-call");
        // The member waits for staff: the idle timeout does not wipe the session meanwhile.
        clock.advance(Duration.ofSeconds(200));
        fx(shell::tick);
        assertThat(present("#idle-continue")).isFalse();
        assertThat(shell.session()).containsSame(session);

        clickOn("#staff-open");
        staffPinOverSession("1234");
        assertThat(text("#staff-panel-step")).isEqualTo("お客さまの画面：アカウントの作成");
        assertThat(lookup("#staff-confirm-person").query().isDisabled()).isTrue();
        clickOn("#staff-return");
        assertScreen("screen-account");
        assertThat(present("#screen-staff-panel")).isFalse();
        assertThat(field("#email")).isEqualTo("kenkou.taro@example.jp");
        assertThat(field("#emailConfirm")).isEqualTo("kenkou.taro@example.jp");
        assertThat(field("#password")).isEqualTo("Midori7!s");
        assertThat(field("#invitationCode")).isEqualTo("ab12");
        assertThat(lookup("#next").query().isDisabled()).isFalse();
        assertThat(shell.step()).isEqualTo(Step.ACCOUNT);

        // Staff's panel, left open, locks itself; the member's screen is still there.
        clickOn("#call-staff");
        clickOn("#staff-open");
        staffPinOverSession("1234");
        clock.advance(Duration.ofSeconds(kiosk.config().staff().idleSeconds() + 1));
        fx(shell::tick);
        assertScreen("screen-account");
        assertThat(present("#screen-staff-panel")).isFalse();
        assertThat(field("#email")).isEqualTo("kenkou.taro@example.jp");
    }
}
