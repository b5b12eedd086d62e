package jp.kenpo.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The kiosk window goes back to full screen when it loses it, except in staff mode. */
class FullScreenKeeperTest {

    @Test
    void aWindowThatLeavesFullScreenIsPutBackUnlessStaffLetIt() throws Exception {
        FxToolkit.registerPrimaryStage();
        AtomicBoolean staffMode = new AtomicBoolean(false);
        Stage stage = (Stage) FxToolkit.setupFixture(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane(), 320, 200));
            s.show();
            s.requestFocus();
            s.setFullScreen(true);
            return s;
        });
        FullScreenKeeper keeper = WaitForAsyncUtils.asyncFx(() -> FullScreenKeeper.keep(stage, staffMode::get)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isFullScreen()).isTrue();

        WaitForAsyncUtils.asyncFx(() -> stage.setFullScreen(false)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isFullScreen()).as("put back").isTrue();
        assertThat(keeper.restored()).isEqualTo(1);

        WaitForAsyncUtils.asyncFx(() -> stage.setIconified(true)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isIconified()).as("minimised, then shown again").isFalse();
        assertThat(keeper.restored()).isEqualTo(2);

        staffMode.set(true);
        WaitForAsyncUtils.asyncFx(() -> stage.setFullScreen(false)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isFullScreen()).as("staff mode may leave full screen").isFalse();
        assertThat(keeper.restored()).isEqualTo(2);
        FxToolkit.cleanupStages();
    }
}
