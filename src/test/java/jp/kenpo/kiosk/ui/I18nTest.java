package jp.kenpo.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The languages of {@code kiosk.languages} decide what the language button offers. */
class I18nTest {

    @Test
    void japaneseOnlyOffersNoChoiceAndNeverSwitches() {
        I18n i18n = I18n.of(List.of("ja"));
        assertThat(i18n.offersChoice()).isFalse();
        i18n.toggle();
        assertThat(i18n.locale()).isEqualTo(I18n.JAPANESE);
        assertThat(i18n.get("nav.next")).isEqualTo("次へ");
        assertThatThrownBy(() -> i18n.setLocale(I18n.ENGLISH)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void japaneseAndEnglishToggleBackAndForth() {
        I18n i18n = I18n.of(List.of("en", "ja"));
        assertThat(i18n.offersChoice()).isTrue();
        assertThat(i18n.offered()).containsExactly(I18n.JAPANESE, I18n.ENGLISH);
        i18n.toggle();
        assertThat(i18n.get("nav.next")).isEqualTo("Next");
        i18n.toggle();
        assertThat(i18n.locale()).isEqualTo(I18n.JAPANESE);
    }

    @Test
    void aListWithoutJapaneseIsRefused() {
        assertThatThrownBy(() -> I18n.of(List.of("en"))).isInstanceOf(IllegalArgumentException.class);
    }
}
