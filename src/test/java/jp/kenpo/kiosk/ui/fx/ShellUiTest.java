package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import java.time.Duration;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;

import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.core.session.KioskSession;

/** Paths through the shell by automation ids only, with the idle timeout on an injected clock. */
class ShellUiTest extends KioskFxHarness {

    @Override
    protected void readAndAgree() {
        CheckBox agree = lookup("#consent-agree").queryAs(CheckBox.class);
        assertThat(agree.isDisabled()).as("agree is disabled before reading").isTrue();
        assertThat(lookup("#next").queryButton().isDisabled()).isTrue();
        super.readAndAgree();
        assertThat(agree.isDisabled()).as("agree is enabled after reading to the end").isFalse();
        assertThat(agree.isSelected()).isTrue();
    }

    @Test
    void welcomeConsentInsurerWithTheKeypad() {
        assertScreen("screen-welcome");
        clickOn("#start");
        assertScreen("screen-consent");
        assertThat(lookup("#step-indicator .phase").queryAllAs(Label.class))
                .extracting(Label::getText)
                .containsExactly("1 同意", "2 保険証", "3 アカウント", "4 本人確認", "5 確認");
        readAndAgree();
        clickOn("#next");

        assertScreen("screen-insurer");
        assertThat(shell.session().orElseThrow().consents()).as("points terms only once the union is known")
                .containsExactly("terms@2024-05", "privacy@2024-05");
        keypad("01130013");
        clickOn("#next");
        assertScreen("screen-insurer");
        assertThat(lookup("#message").queryAs(Label.class).getText()).contains("保険者番号が正しくありません");
        assertThat(lookup("#insurerNumber").queryAs(TextField.class).getText()).isEqualTo("01130013");

        clickOn("#key-delete");
        keypad("0");
        assertThat(lookup("#insurerNumber").queryAs(TextField.class).getText()).isEqualTo("01130010");
        clickOn("#key-clear");
        keypad("123455");
        clickOn("#next");
        assertThat(lookup("#message").queryAs(Label.class).getText()).contains("この端末ではお手続きいただけません");

        clickOn("#key-clear");
        keypad("01130012");
        clickOn("#next");
        assertScreen("screen-points-consent");
        assertThat(lookup(".consent-heading").queryAs(Label.class).getText()).isEqualTo("デモポイント規約");
        super.readAndAgree(); // short enough to be all in view at once
        clickOn("#next");
        assertScreen("screen-card");
        assertThat(shell.session().orElseThrow().insurerNumber().digits()).isEqualTo("01130012");
        assertThat(shell.session().orElseThrow().consents())
                .containsExactly("terms@2024-05", "privacy@2024-05", "points@2024-05");
        clickOn("#back");
        assertScreen("screen-points-consent");
        clickOn("#back");
        assertScreen("screen-insurer");
        assertThat(lookup("#insurerNumber").queryAs(TextField.class).getText()).isEqualTo("01130012");

        // A union without points: no points terms, and those agreed to for the other union are dropped.
        clickOn("#key-clear");
        keypad("133033");
        clickOn("#next");
        assertScreen("screen-card");
        assertThat(shell.session().orElseThrow().consents()).containsExactly("terms@2024-05", "privacy@2024-05");
    }

    @Test
    void backFromInsurerKeepsTheConsent() {
        clickOn("#start");
        readAndAgree();
        clickOn("#next");
        clickOn("#back");
        assertScreen("screen-consent");
        assertThat(lookup("#back").queryButton().isVisible()).isFalse();
    }

    @Test
    void cancelAsksThenWipesAndReturnsToWelcome() {
        clickOn("#start");
        readAndAgree();
        clickOn("#next");
        keypad("133033");
        KioskSession session = shell.session().orElseThrow();

        clickOn("#cancel");
        assertScreen("cancel-dialog");
        clickOn("#cancel-keep");
        assertThat(present("#cancel-dialog")).isFalse();
        assertScreen("screen-insurer");

        clickOn("#cancel");
        clickOn("#cancel-confirm");
        assertScreen("screen-welcome");
        assertThat(shell.session()).isEmpty();
        assertThat(session.isWiped()).isTrue();
        assertThat(session.consents()).isEmpty();
        assertThat(session.id()).isNull();
        assertThat(lookup("#insurerNumber").tryQuery()).isEmpty();
    }

    @Test
    void idleTimeoutCountsDownThenWipes() {
        clickOn("#start");
        readAndAgree();
        KioskSession session = shell.session().orElseThrow();

        clock.advance(Duration.ofSeconds(89));
        fx(shell::tick);
        assertThat(present("#idle-dialog")).isFalse();

        clock.advance(Duration.ofSeconds(1));
        fx(shell::tick);
        assertScreen("idle-dialog");
        assertThat(lookup("#idle-seconds").queryAs(Label.class).getText()).contains("20 秒");

        clock.advance(Duration.ofSeconds(12));
        fx(shell::tick);
        assertThat(lookup("#idle-seconds").queryAs(Label.class).getText()).contains("8 秒");

        clickOn("#idle-continue");
        fx(shell::tick);
        assertThat(present("#idle-dialog")).isFalse();
        assertScreen("screen-consent");
        assertThat(session.isWiped()).isFalse();

        clock.advance(Duration.ofSeconds(90 + 19));
        fx(shell::tick);
        assertScreen("idle-dialog");
        clock.advance(Duration.ofSeconds(1));
        fx(shell::tick);
        assertScreen("screen-welcome");
        assertThat(present("#idle-dialog")).isFalse();
        assertThat(session.isWiped()).isTrue();
        assertThat(shell.session()).isEmpty();
    }

    @Test
    void welcomeHasNoIdleTimeout() {
        clock.advance(Duration.ofHours(2));
        fx(shell::tick);
        assertScreen("screen-welcome");
        assertThat(present("#idle-dialog")).isFalse();
    }

    @Test
    void languageAndTextSizeToggleAndResetForTheNextMember() {
        language("en");
        assertThat(lookup("#start").queryButton().getText()).isEqualTo("Start a new registration");
        clickOn("#start");
        assertThat(lookup("#next").queryButton().getText()).isEqualTo("Next");
        clickOn("#text-size");
        assertThat(shell.root().getStyleClass()).contains("text-large");
        clickOn("#cancel");
        clickOn("#cancel-confirm");
        assertThat(lookup("#start").queryButton().getText()).isEqualTo("新規登録をはじめる");
        assertThat(shell.root().getStyleClass()).doesNotContain("text-large");
    }

    @Test
    void resumeByQrOpensTheScanWithItsWayBack() {
        clickOn("#resume-qr");
        assertScreen("screen-resume-scan");
        assertThat(lookup(".lead").queryAs(Label.class).getText()).contains("QRコード");
        clickOn("#resume-back");
        assertScreen("screen-welcome");
        assertThat(shell.session()).isEmpty();
    }

    /** The PIN pad, the demo's PIN, the staff screen. */
    private void unlockStaff() throws Exception {
        openPinPad();
        keypad("1234");
        clickOn("#pin-ok");
        waitFor("#screen-staff", 10);
    }

    @Test
    void staffLongPressPinThenLockAndExit() throws Exception {
        assertThat(shell.allowsClose()).isFalse();
        openPinPad();

        keypad("9999");
        clickOn("#pin-ok");
        waitFor("#message", 10);
        assertThat(lookup("#message").queryAs(Label.class).getText()).contains("暗証番号が違います").contains("4");
        assertThat(shell.allowsClose()).isFalse();

        keypad("1234");
        clickOn("#pin-ok");
        waitFor("#screen-staff", 10);
        assertThat(shell.allowsClose()).isTrue();
        clickOn("#staff-lock");
        assertScreen("screen-welcome");
        assertThat(shell.allowsClose()).isFalse();

        unlockStaff();
        assertThat(exited).isFalse();
        clickOn("#staff-exit");
        assertThat(exited).isTrue();
    }

    /** An unlocked staff screen — with 「キオスクを終了する」 — must not stay open for the next person. */
    @Test
    void theStaffScreenAndThePinPadLockThemselvesWhenLeftUntouched() throws Exception {
        openPinPad();
        clock.advance(Duration.ofSeconds(59));
        fx(shell::tick);
        assertScreen("screen-staff-pin");
        clock.advance(Duration.ofSeconds(1));
        fx(shell::tick);
        assertScreen("screen-welcome");

        unlockStaff();
        clock.advance(Duration.ofSeconds(45));
        fx(shell::tick);
        assertScreen("screen-staff");
        clickOn("#staff-queue"); // a touch on the staff screen
        clock.advance(Duration.ofSeconds(45));
        fx(shell::tick);
        assertThat(shell.allowsClose()).as("touched 45 s ago: still unlocked").isTrue();
        clock.advance(Duration.ofSeconds(15));
        fx(shell::tick);
        assertScreen("screen-welcome");
        assertThat(shell.allowsClose()).isFalse();
        assertThat(kiosk.services().audit().recent(5)).anySatisfy(e -> assertThat(e.action()).isEqualTo("staff-lock"));
    }

    @Test
    void aShortTapOnTheCornerDoesNothing() {
        clickOn("#staff-entry");
        clock.advance(java.time.Duration.ofSeconds(5));
        fx(shell::tick);
        assertScreen("screen-welcome");
        assertThat(present("#screen-staff-pin")).isFalse();

        moveTo("#staff-entry").press(MouseButton.PRIMARY);
        clock.advance(java.time.Duration.ofMillis(1900));
        fx(shell::tick);
        assertThat(present("#screen-staff-pin")).as("held 1.9 s").isFalse();
        release(MouseButton.PRIMARY);
        clock.advance(java.time.Duration.ofSeconds(5));
        fx(shell::tick);
        assertThat(present("#screen-staff-pin")).as("let go before 2 s").isFalse();
    }

    @Test
    void staffEntryMovesToTheTopLeftCornerDuringASessionClearOfTheFooter() {
        clickOn("#start");
        javafx.scene.Node corner = lookup("#staff-entry").query();
        assertThat(corner.isVisible()).isTrue();
        assertThat(javafx.scene.layout.StackPane.getAlignment(corner)).isEqualTo(javafx.geometry.Pos.TOP_LEFT);
        assertThat(lookup("#cancel").queryAs(Button.class).isVisible()).isTrue();
        clickOn("#cancel");
        clickOn("#cancel-confirm");
        assertThat(javafx.scene.layout.StackPane.getAlignment(lookup("#staff-entry").query()))
                .isEqualTo(javafx.geometry.Pos.BOTTOM_RIGHT);
    }

    /**
     * At the normal size the header keeps to one row of phases: all of them where they fit beside the
     * buttons, only the current one named and the others by number where the words are longer
     * (Vietnamese), never one phase a line.
     */
    @Test
    void theHeaderNamesOnlyTheCurrentPhaseWhereAllDoNotFitBesideTheButtons() {
        clickOn("#start");
        assertThat(shownPhases()).as("Japanese").isNotEmpty();
        assertOneRow(shownPhases());
        language("vi");
        List<Label> shown = shownPhases();
        assertThat(shown).extracting(Label::getText).as("Vietnamese: the current phase named, the others by number")
                .containsExactly("1 Đồng ý", "2", "3", "4", "5");
        assertOneRow(shown);
    }

    private List<Label> shownPhases() {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return lookup("#step-indicator .label").queryAllAs(Label.class).stream().filter(Label::isVisible).toList();
    }

    private static void assertOneRow(List<Label> phases) {
        // centred on one line (the current phase's pill is taller than the others)
        double first = phases.get(0).localToScene(phases.get(0).getLayoutBounds()).getCenterY();
        assertThat(phases).extracting(l -> l.localToScene(l.getLayoutBounds()).getCenterY())
                .as("the phases on one line").allSatisfy(y -> assertThat(y).isCloseTo(first,
                        org.assertj.core.data.Offset.offset(2.0)));
    }
}
