package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.config.KioskSettings;
import jp.kenpo.kiosk.testing.TestConfigs;

/** {@code kiosk.languages: [ja]}: no language button anywhere, and every screen stays Japanese. */
class LanguagesUiTest extends KioskFxHarness {

    @Override
    protected KioskConfig config(Path dataDir) {
        KioskConfig c = TestConfigs.demo(dataDir);
        KioskSettings k = c.kiosk();
        return new KioskConfig(c.baseDir(), new KioskSettings(k.id(), k.dataDir(), List.of("ja"), k.demo()),
                c.display(), c.timeouts(), c.unions(), c.consents(), c.staff(), c.camera(), c.mail(), c.central(),
                c.roster(), c.documentMasks());
    }

    @Test
    void aJapaneseOnlyKioskOffersNoLanguageButton() {
        assertScreen("screen-welcome");
        assertThat(present("#lang")).as("language button on the welcome screen").isFalse();
        assertThat(present("#text-size")).as("the text size button stays").isTrue();

        toInsurer();

        assertThat(present("#lang")).as("language button during a registration").isFalse();
        assertThat(lookup("#next").queryButton().getText()).isEqualTo("次へ");
    }
}
