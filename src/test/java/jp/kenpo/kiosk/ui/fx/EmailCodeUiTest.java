package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import javafx.scene.control.Label;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.testing.TestConfigs;

/** The email one-time code through the screens, against a real SMTP server on loopback. */
class EmailCodeUiTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Nested
    class WithAMailServer extends KioskFxHarness {

        @Override
        protected KioskConfig config(Path dataDir) {
            return TestConfigs.withMail(TestConfigs.demo(dataDir), TestConfigs.smtp(SMTP.getSmtp().getPort(), 10),
                    false);
        }

        @Test
        void theCodeFromTheMailVerifiesTheAddressThenTheMemberFinishesHere() throws Exception {
            toAccount();
            fillAccount("kenkou.taro@example.jp");
            clickOn("#next");
            assertScreen("screen-email-code");
            assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
            MimeMessage mail = SMTP.getReceivedMessages()[0];
            assertThat(mail.getSubject()).isEqualTo("【デモ健康保険組合】メールアドレス確認のワンタイムパスワード");
            Matcher m = Pattern.compile("(\\d{6})").matcher((String) mail.getContent());
            assertThat(m.find()).isTrue();
            String code = m.group(1);

            waitForText("#otp-sent-to", "ke***@example.jp あてに、6けたのワンタイムパスワードを送りました。"
                    + "メールに書かれた数字を入力してください。");
            assertThat(lookup("#otp-time-left").queryAs(Label.class).getText()).isEqualTo("有効期限：あと 10分0秒");
            assertThat(lookup("#otp-resend").queryButton().isDisabled()).isTrue();
            String wrong = code.equals("111111") ? "222222" : "111111";
            clickOn("#otp");
            keypad(wrong);
            clickOn("#next");
            assertThat(lookup("#message").queryAs(Label.class).getText()).contains("あと 4 回");
            clickOn("#key-clear");
            keypad(code);
            clickOn("#next");

            assertScreen("screen-medical-offer");
            KioskSession s = shell.session().orElseThrow();
            assertThat(s.emailVerified()).isTrue();
            clickOn("#skip-medical");
            assertThat(s.facts().medicalChosen()).isFalse();
            assertScreen("screen-confirm");
        }
    }

    @Nested
    class WithTheMailServerDown extends KioskFxHarness {

        private final VoiceGuideUiTest.Recorder voice = new VoiceGuideUiTest.Recorder(VoiceGuideUiTest.readings());

        @Override
        protected jp.kenpo.kiosk.core.port.VoicePlayer voice() {
            return voice;
        }

        @Override
        protected KioskConfig config(Path dataDir) {
            int closed;
            try (ServerSocket socket = new ServerSocket(0)) {
                closed = socket.getLocalPort();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return TestConfigs.withMail(TestConfigs.demo(dataDir), TestConfigs.smtp(closed, 2), false);
        }

        @Test
        void theMemberMayGoOnUnverifiedOrCorrectTheAddress() throws Exception {
            toAccount();
            fillAccount("kenkou.taro@example.jp");
            clickOn("#next");
            assertScreen("screen-email-code");
            waitFor("#otp-continue-unverified", 10);
            assertThat(lookup("#otp-sent-to").queryAs(Label.class).getText()).contains("送れませんでした");
            assertThat(present("#otp")).isFalse();
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            assertThat(voice.last()).as("the failure and the way on are said when the mail fails")
                    .isEqualTo("ja otp.notSent otp.sendFailedExplain");

            clickOn("#otp-correct-email");
            assertScreen("screen-account");
            clickOn("#next");
            waitFor("#otp-continue-unverified", 10);
            clickOn("#otp-continue-unverified");

            assertScreen("screen-medical-offer");
            assertThat(shell.session().orElseThrow().emailVerified()).isFalse();
            assertThat(lookup(".lead").queryAs(Label.class).getText()).contains("本登録のご案内");
        }
    }
}
