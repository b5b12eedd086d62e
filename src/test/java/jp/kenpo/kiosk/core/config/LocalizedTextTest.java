package jp.kenpo.kiosk.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** A configured text in the member's language, or in Japanese where the union gave none. */
class LocalizedTextTest {

    private static final Locale KOREAN = Locale.forLanguageTag("ko");
    private static final Locale CHINESE = Locale.forLanguageTag("zh-CN");

    @Test
    void eachLanguageHasItsOwnTextAndJapaneseFillsTheGaps() {
        LocalizedText t = new LocalizedText("利用規約", "Terms", "使用条款", null, " ", "Termos");
        assertThat(t.in(Locale.JAPANESE)).isEqualTo("利用規約");
        assertThat(t.in(Locale.ENGLISH)).isEqualTo("Terms");
        assertThat(t.in(CHINESE)).isEqualTo("使用条款");
        assertThat(t.in(Locale.forLanguageTag("pt-BR"))).isEqualTo("Termos");
        assertThat(t.in(KOREAN)).as("no Korean").isEqualTo("利用規約");
        assertThat(t.in(Locale.forLanguageTag("vi"))).as("a blank one counts as none").isEqualTo("利用規約");
        assertThat(t.has(KOREAN)).isFalse();
        assertThat(t.has(CHINESE)).isTrue();
        assertThat(t.has(Locale.JAPANESE)).isTrue();
    }

    @Test
    void aConsentWithoutTheMembersLanguageIsMarkedJapaneseOnly() {
        ConsentText terms = new ConsentText("terms@1", new LocalizedText("利用規約", "Terms"),
                new LocalizedText("本文", "Body"));
        assertThat(terms.japaneseOnlyFor(Locale.JAPANESE)).isFalse();
        assertThat(terms.japaneseOnlyFor(Locale.ENGLISH)).isFalse();
        assertThat(terms.japaneseOnlyFor(KOREAN)).isTrue();
        assertThat(terms.body().in(KOREAN)).isEqualTo("本文");
    }

    @Test
    void mistypedTagsAreSuggestedTheirLanguage() {
        assertThat(KioskLanguage.suggestion("zh")).contains("zh-CN");
        assertThat(KioskLanguage.suggestion("zh_CN")).contains("zh-CN");
        assertThat(KioskLanguage.suggestion("zh-Hans")).contains("zh-CN");
        assertThat(KioskLanguage.suggestion("zh-TW")).as("traditional Chinese is another language").isEmpty();
        assertThat(KioskLanguage.suggestion("zh-Hant")).isEmpty();
        assertThat(KioskLanguage.suggestion("pt")).contains("pt-BR");
        assertThat(KioskLanguage.suggestion("KO")).contains("ko");
        assertThat(KioskLanguage.suggestion("fr")).isEmpty();
    }
}
