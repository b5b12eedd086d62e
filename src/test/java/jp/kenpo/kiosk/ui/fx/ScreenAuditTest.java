package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.scene.paint.Color;

import org.junit.jupiter.api.Test;

/** The contrast the gallery measures is WCAG's: the grey that just passes 4.5:1 on white passes, the next one does not. */
class ScreenAuditTest {

    @Test
    void contrastIsWcagRelativeLuminance() {
        assertThat(ScreenAudit.ratio(Color.BLACK, Color.WHITE)).isCloseTo(21.0, within(0.01));
        assertThat(ScreenAudit.ratio(Color.WHITE, Color.BLACK)).isCloseTo(21.0, within(0.01));
        // #767676 is the lightest grey with 4.5:1 on white; #777777 falls short
        assertThat(ScreenAudit.ratio(Color.web("#767676"), Color.WHITE)).isGreaterThanOrEqualTo(4.5);
        assertThat(ScreenAudit.ratio(Color.web("#777777"), Color.WHITE)).isLessThan(4.5);
        // #595959 is the lightest grey with 7:1 (the high-contrast theme's bar)
        assertThat(ScreenAudit.ratio(Color.web("#595959"), Color.WHITE)).isGreaterThanOrEqualTo(7.0);
        assertThat(ScreenAudit.ratio(Color.web("#5a5a5a"), Color.WHITE)).isLessThan(7.0);
    }
}
