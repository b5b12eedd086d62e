package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import jp.kenpo.kiosk.core.port.AuditLog;
import jp.kenpo.kiosk.core.port.DeliveryReason;
import jp.kenpo.kiosk.store.SqliteOutbox;

/**
 * The staff pages reached from the staff screen: the camera test on the demo's virtual camera, and
 * refused registrations sent again or deleted — both in the audit log with who did it.
 */
class StaffPagesUiTest extends KioskFxHarness {

    private void unlockStaff() throws Exception {
        fx(() -> shell.staffEntry());
        waitFor("#screen-staff-pin", 10);
        keypad("1234");
        clickOn("#pin-ok");
        waitFor("#screen-staff", 10);
    }

    private String text(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void theCameraTestShowsTheAnalyzersReadingsOnTheVirtualCamera() throws Exception {
        unlockStaff();
        clickOn("#staff-camera-test");
        waitFor("#screen-staff-camera", 10);
        assertThat(text("#camera-current")).contains("virtual:");
        // The virtual camera is among the cameras to choose from. They are listed in the background
        // (webcam-capture may take seconds), and their row then pushes the analyzer's toggles 64 px
        // down: a tap aimed before the row came would land on the row. So the list comes first.
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> present("#camera-choice-0"));
        WaitForAsyncUtils.waitForFxEvents();
        // The virtual camera plays the demo's card: the card analyzer finds it and says so in numbers.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#camera-readings").contains("カードの検出：はい"));
        assertThat(text("#camera-readings")).contains("鮮明さ：").contains("白とび：").contains("明るさ：")
                .contains("大きさ：").contains("傾き：").contains("撮影できる：");
        // From the second frame on: the frame rate and the time per frame.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#camera-rate").matches("毎秒 [1-9][0-9.]* コマ・1コマ [0-9.]+ ミリ秒"));

        clickOn("#camera-test-face");
        assertThat(lookup("#camera-test-face").queryAs(javafx.scene.control.ToggleButton.class).isSelected())
                .as("the face analyzer chosen").isTrue();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#camera-readings").contains("顔の数：1"));
        assertThat(text("#camera-readings")).contains("顔の向き：frontal").contains("口の開き：");

        clickOn("#staff-back");
        waitFor("#screen-staff", 10);
    }

    @Test
    void aRefusedRegistrationIsSentAgainAndAnotherDeletedBothInTheAuditLog() throws Exception {
        SqliteOutbox outbox = new SqliteOutbox(kiosk.database());
        Instant at = clock.instant();
        outbox.enqueue("r1", "K07", at, new byte[] {1, 2, 3});
        outbox.enqueue("r2", "K07", at, new byte[] {4, 5, 6});
        outbox.enqueue("r3", "K07", at, new byte[] {7});
        outbox.needsAttention("r1", DeliveryReason.NOT_ELIGIBLE, "422 not_eligible", null);
        outbox.needsAttention("r2", DeliveryReason.ALREADY_REGISTERED, "409 already_registered", null);

        unlockStaff();
        clickOn("#staff-refused");
        waitFor("#refused-K07-0001", 10);
        assertThat(text("#refused-counts")).isEqualTo("送信待ち 1 件・送信中 0 件・本日送信済み 0 件・係員の確認が必要 2 件");
        assertThat(lookup("#refused-K07-0001 .label").queryAs(Label.class).getText())
                .contains("K07-0001").contains("2026-11-22 10:00").contains("送信 1 回").contains("登録の対象外と判断されました");

        clickOn("#refused-resend-K07-0001");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !present("#refused-K07-0001"));
        assertThat(outbox.pending("r1")).as("waiting again").isPresent();
        assertThat(outbox.summary().needsAttention()).isEqualTo(1);
        assertThat(outbox.due(clock.instant(), 10)).extracting(p -> p.registrationId()).contains("r1");

        clickOn("#refused-delete-K07-0002");
        waitFor("#refused-confirm", 5);
        clickOn("#refused-erase-cancel");
        assertThat(present("#refused-confirm")).isFalse();
        assertThat(outbox.pending("r2")).as("kept when staff change their mind").isPresent();
        clickOn("#refused-delete-K07-0002");
        waitFor("#refused-confirm", 5);
        clickOn("#refused-erase-confirm");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> present("#refused-list") && !present("#refused-K07-0002"));
        assertThat(outbox.pending("r2")).isEmpty();
        assertThat(outbox.sealed("r2")).isEmpty();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#refused-counts").endsWith("係員の確認が必要 0 件"));

        assertThat(kiosk.services().audit().recent(10))
                .filteredOn(e -> e.action().startsWith("registration-"))
                .extracting(AuditLog.Entry::actor, AuditLog.Entry::action, AuditLog.Entry::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("staff", "registration-delete", "K07-0002"),
                        org.assertj.core.groups.Tuple.tuple("staff", "registration-resend", "K07-0001"));
    }

    @Test
    void todaysCountsAreShownInStaffMode() throws Exception {
        clickOn("#start");
        waitFor("#screen-consent", 10);
        clickOn("#cancel");
        WaitForAsyncUtils.waitForFxEvents();
        if (present("#cancel-confirm")) {
            clickOn("#cancel-confirm");
        }
        unlockStaff();
        clickOn("#staff-counts");
        waitFor("#screen-staff-counts", 10);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#counts-sessions").startsWith("開始 1 件"));
        assertThat(text("#counts-sessions")).endsWith("途中で終了 1 件");
    }
}
