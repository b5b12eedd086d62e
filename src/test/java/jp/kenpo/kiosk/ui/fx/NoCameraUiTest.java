package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.scene.control.Button;

import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.testing.TestConfigs;

/** A kiosk configured for a USB camera that is not there: the member reads why and whom to ask. */
class NoCameraUiTest extends KioskFxHarness {

    @Override
    protected KioskConfig config(Path dataDir) {
        KioskConfig demo = TestConfigs.demo(dataDir);
        return TestConfigs.withCamera(demo, demo.camera().withSource("device:No Such Camera 4711"));
    }

    @Test
    void noCameraShowsTheCameraMessage() throws Exception {
        resumeAtDocumentChoice();
        clickOn("#doc-my_number_card");
        assertScreen("screen-document-capture");
        waitForText("#message", "カメラが使えません。お手数ですが、係員にお声がけください。"
                + "カメラが使えるようになると、そのまま撮影を続けられます。");
        assertThat(lookup("#shutter").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(present("#capture-help")).as("the message itself says whom to ask").isFalse();
        assertThat(present("#camera-preview")).isTrue();
        clickOn("#back");
        assertScreen("screen-document-choice");
    }
}
