package jp.kenpo.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The languages of {@code kiosk.languages} decide what the language picker offers. */
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
    void theSixLanguagesAreOfferedInThePickersOrderEachNamedInItsOwnScript() {
        I18n i18n = I18n.of(List.of("pt-BR", "ko", "ja", "vi", "zh-CN", "en"));
        assertThat(i18n.offered()).extracting(I18n::tag).containsExactly("ja", "en", "zh-CN", "ko", "vi", "pt-BR");
        assertThat(i18n.offered()).extracting(I18n::nativeName)
                .containsExactly("日本語", "English", "中文（简体）", "한국어", "Tiếng Việt", "Português (Brasil)");
        i18n.setLocale(java.util.Locale.forLanguageTag("ko"));
        assertThat(i18n.get("nav.next")).isEqualTo("다음");
        assertThat(i18n.get("idle.secondsLeft", 20)).startsWith("20초 후에");
        i18n.setLocale(java.util.Locale.forLanguageTag("pt-BR"));
        assertThat(i18n.get("otp.timeLeft", 4, 59)).isEqualTo("Válida por mais 4 min 59 s");
        i18n.setLocale(java.util.Locale.forLanguageTag("vi"));
        assertThat(i18n.get("confirm.birthDateWestern", 1985, 4, 1)).as("a year is never grouped (1.985)")
                .isEqualTo("1/4/1985");
    }

    @Test
    void aLanguageTheKioskDoesNotOfferCannotBeChosen() {
        I18n i18n = I18n.of(List.of("ja", "ko"));
        assertThatThrownBy(() -> i18n.setLocale(java.util.Locale.forLanguageTag("vi")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> I18n.of(List.of("ja", "fr"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aListWithoutJapaneseIsRefused() {
        assertThatThrownBy(() -> I18n.of(List.of("en"))).isInstanceOf(IllegalArgumentException.class);
    }
}
