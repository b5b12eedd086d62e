package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import jp.kenpo.kiosk.app.config.ConfigLoader;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.core.member.MemberType;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.testing.Pictures;
import jp.kenpo.kiosk.testing.TestConfigs;

/**
 * 「この内容で認証する」 against the demo's reference central server, started by the kiosk as in the
 * demonstration: a registration it takes shows 「完了しました」; one it refuses (the same email
 * address for another person, 409) asks the member to show the receipt to staff and promises no mail.
 */
class OutcomeFromCentralUiTest extends KioskFxHarness {

    @Override
    protected KioskConfig config(Path dataDir) {
        try {
            Path file = TestConfigs.demoCopy(dataDir.resolve("config"));
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Files.writeString(file, Files.readString(file)
                    .replace("url: http://127.0.0.1:8765", "url: http://127.0.0.1:" + port));
            return new ConfigLoader(Map.of("KIOSK_DATA_DIR", dataDir.toAbsolutePath().toString())::get).load(file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void submitAs(String kanaName, String cardNumber) throws Exception {
        resumeAt(Step.CONFIRM, s -> {
            s.card("91", cardNumber, "1", MemberType.INSURED);
            s.person(kanaName, LocalDate.of(1956, 4, 1));
            s.document(DocumentType.MY_NUMBER_CARD);
            s.documentImage(KioskSession.Side.FRONT, Pictures.cardFront());
            s.faceImage("frontal_mouth_closed", Pictures.drawnFace(0));
            s.faceImage("left_mouth_open", Pictures.drawnFace(-0.6));
            s.livenessPassed(true);
            s.secretQuestion("スキナイロ", true, "$pbkdf2-sha256$i=310000,l=32$AAAA$BBBB");
        });
        clickOn("#submit");
        waitFor("#screen-done", 15);
    }

    private String text(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void theCentralServicesAnswerDecidesTheOutcomeScreen() throws Exception {
        kiosk.startSync();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> kiosk.sync().lastContact().isPresent());

        submitAs("ケンコウ　タロウ", "200001");
        assertThat(text(".screen-title")).isEqualTo("完了しました");
        assertThat(text("#receiptNumber")).isEqualTo("K07-0001");
        clickOn("#done-finish");
        assertScreen("screen-welcome");

        // Another person with the same email address: refused for good (409 email_in_use).
        submitAs("ミホン　ハナコ", "200002");
        assertThat(text(".screen-title")).isEqualTo("登録を完了できませんでした");
        assertThat(text("#outcome-lead")).isEqualTo("お手数ですが、下の受付番号を係員にお見せください。");
        assertThat(text("#receiptNumber")).isEqualTo("K07-0002");
    }
}
