package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import javafx.scene.control.Label;

import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.app.config.ConfigLoader;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.core.session.RegistrationOutcome;
import jp.kenpo.kiosk.testing.TestConfigs;

/**
 * The outcome screen: its words follow what the central service answered, and it does not stay in
 * front of the next person — it counts down {@code timeouts.outcomeSeconds} (here 120, longer than
 * the idle timeout, which does not interrupt it) and returns to the welcome screen by itself —
 * except while the member waits for staff.
 */
class OutcomeScreenUiTest extends KioskFxHarness {

    @Override
    protected KioskConfig config(Path dataDir) {
        try {
            Path file = TestConfigs.demoCopy(dataDir.resolve("config"));
            Files.writeString(file, Files.readString(file).replace("outcomeSeconds: 30", "outcomeSeconds: 120"));
            return new ConfigLoader(Map.of("KIOSK_DATA_DIR", dataDir.toAbsolutePath().toString())::get).load(file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void outcome(RegistrationOutcome outcome) {
        resumeAt(Step.DONE, s -> s.submitted("K07-0042", outcome));
        assertScreen("screen-done");
    }

    private String text(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void theWordsFollowTheAnswerAndOnlyReviewPromisesAMail() {
        outcome(RegistrationOutcome.COMPLETE);
        assertThat(text(".screen-title")).isEqualTo("完了しました");
        assertThat(text("#outcome-lead")).isEqualTo("登録作業は完了です。お疲れさまでした。");
        assertThat(text("#receiptNumber")).isEqualTo("K07-0042");
        clickOn("#done-finish");

        outcome(RegistrationOutcome.PENDING_REVIEW);
        assertThat(text(".screen-title")).isEqualTo("申請を受け付けました");
        assertThat(text("#outcome-lead")).contains("完了のメールをお送りします");
        clickOn("#done-finish");

        outcome(RegistrationOutcome.REFUSED);
        assertThat(text(".screen-title")).isEqualTo("登録を完了できませんでした");
        assertThat(text("#outcome-lead")).contains("受付番号を係員にお見せください").doesNotContain("メール");
        assertThat(text("#receiptNumber")).isEqualTo("K07-0042");
        clickOn("#done-finish");

        outcome(RegistrationOutcome.QUEUED);
        assertThat(text(".screen-title")).isEqualTo("申請を受け付けました");
        assertThat(text("#outcome-lead")).contains("このあと、健康保険組合へ送信します").doesNotContain("メール");
        clickOn("#done-finish");
        assertScreen("screen-welcome");
    }

    @Test
    void theOutcomeScreenCountsDownAndReturnsToTheStartByItself() {
        outcome(RegistrationOutcome.COMPLETE);
        KioskSession session = shell.session().orElseThrow();
        assertThat(text("#outcome-seconds")).isEqualTo("あと 120 秒で、最初の画面に戻ります。");
        assertThat(present("#done-finish")).as("「終わる」 stays").isTrue();
        assertThat(present("#cancel")).as("after the submit there is nothing left to cancel").isFalse();

        clock.advance(Duration.ofSeconds(100)); // past the idle timeout (90 s)
        fx(shell::tick);
        assertScreen("screen-done");
        assertThat(present("#idle-dialog")).as("no idle question over the outcome").isFalse();
        assertThat(text("#outcome-seconds")).isEqualTo("あと 20 秒で、最初の画面に戻ります。");

        clock.advance(Duration.ofSeconds(19));
        fx(shell::tick);
        assertScreen("screen-done");
        assertThat(text("#outcome-seconds")).contains("1 秒");

        clock.advance(Duration.ofSeconds(1));
        fx(shell::tick);
        assertScreen("screen-welcome");
        assertThat(shell.session()).isEmpty();
        assertThat(session.isWiped()).as("the receipt and everything else gone").isTrue();
        assertThat(lookup("#receiptNumber").tryQuery()).isEmpty();
    }

    /**
     * A member shown 「受付番号を係員にお見せください」 calls staff: the countdown must not take the
     * receipt number away before staff come or while they look at it; once staff leave, the full
     * time counts again, and then the session ends as usual.
     */
    @Test
    void whileStaffAreCalledTheOutcomeStaysAndCountsAgainWhenTheyLeave() throws Exception {
        outcome(RegistrationOutcome.REFUSED);
        KioskSession session = shell.session().orElseThrow();
        clock.advance(Duration.ofSeconds(100));
        fx(shell::tick);
        assertThat(text("#outcome-seconds")).contains("20 秒");

        clickOn("#call-staff");
        assertScreen("screen-staff-call");
        clock.advance(Duration.ofSeconds(200)); // well past the 20 s left, within staff.callWaitSeconds
        fx(shell::tick);
        assertScreen("screen-staff-call");
        assertThat(shell.session()).containsSame(session);

        clickOn("#staff-open");
        staffPinOverSession("1234");
        clock.advance(Duration.ofSeconds(kiosk.config().staff().idleSeconds() - 1)); // staff read the number
        fx(shell::tick);
        assertScreen("screen-staff-panel");
        assertThat(shell.session()).containsSame(session);

        clickOn("#staff-return");
        assertScreen("screen-done");
        assertThat(text("#receiptNumber")).isEqualTo("K07-0042");
        assertThat(text("#outcome-seconds")).isEqualTo("あと 120 秒で、最初の画面に戻ります。");
        clock.advance(Duration.ofSeconds(119));
        fx(shell::tick);
        assertScreen("screen-done");
        clock.advance(Duration.ofSeconds(1));
        fx(shell::tick);
        assertScreen("screen-welcome");
        assertThat(session.isWiped()).isTrue();
    }

    @Test
    void theCountdownFollowsTheLanguage() {
        outcome(RegistrationOutcome.QUEUED);
        language("en");
        assertThat(text("#outcome-seconds")).isEqualTo("In 120 seconds, the kiosk returns to the start.");
        assertThat(text("#outcome-lead")).doesNotContainIgnoringCase("mail");
    }
}
