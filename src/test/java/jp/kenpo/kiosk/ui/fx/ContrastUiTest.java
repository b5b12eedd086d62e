package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.scene.paint.Color;

import org.junit.jupiter.api.Test;

/**
 * 「見やすい色」 ({@code #contrast}) switches the whole screen to the high-contrast theme and back; the
 * next member starts in the normal colours. (The gallery measures the theme's 7:1 on every screen.)
 */
class ContrastUiTest extends KioskFxHarness {

    @Test
    void theToggleSwitchesTheThemeForThisMemberOnly() {
        clickOn("#start");
        assertScreen("screen-consent");
        // a phase still ahead (the first is the current one, white on the accent colour)
        Label phase = lookup("#step-indicator .phase").queryAllAs(Label.class).stream()
                .filter(l -> !l.getStyleClass().contains("phase-current")).findFirst().orElseThrow();
        Color normal = (Color) phase.getTextFill();

        clickOn("#contrast");
        assertThat(phase.getTextFill()).as("the phases in black").isEqualTo(Color.BLACK).isNotEqualTo(normal);
        assertThat(ScreenAudit.ratio((Color) phase.getTextFill(), Color.WHITE)).isGreaterThanOrEqualTo(7);

        clickOn("#contrast");
        assertThat(phase.getTextFill()).as("the toggle brings the normal colours back").isEqualTo(normal);

        clickOn("#contrast");
        clickOn("#cancel");
        clickOn("#cancel-confirm");
        assertScreen("screen-welcome");
        clickOn("#start");
        Label next = lookup("#step-indicator .phase").queryAllAs(Label.class).stream()
                .filter(l -> !l.getStyleClass().contains("phase-current")).findFirst().orElseThrow();
        assertThat(next.getTextFill()).as("the next member starts in the normal colours").isEqualTo(normal);
    }
}
