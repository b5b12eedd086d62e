package jp.kenpo.kiosk.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages a kiosk can offer, by the tag {@code kiosk.languages} names them with. Each is named
 * in its own script on the language picker, so that a member finds theirs without reading Japanese.
 * Japanese is the base: every session starts in it, and a text missing in another language is shown
 * in Japanese.
 */
public enum KioskLanguage {
    JAPANESE("ja", "日本語"),
    ENGLISH("en", "English"),
    CHINESE_SIMPLIFIED("zh-CN", "中文（简体）"),
    KOREAN("ko", "한국어"),
    VIETNAMESE("vi", "Tiếng Việt"),
    PORTUGUESE_BRAZIL("pt-BR", "Português (Brasil)");

    private final String tag;
    private final String nativeName;
    private final Locale locale;

    KioskLanguage(String tag, String nativeName) {
        this.tag = tag;
        this.nativeName = nativeName;
        this.locale = Locale.forLanguageTag(tag);
    }

    /** The tag of {@code kiosk.languages} and of a text's language in the configuration ({@code zh-CN}). */
    public String tag() {
        return tag;
    }

    /** The language's name in its own script (中文（简体）, 한국어, Tiếng Việt). */
    public String nativeName() {
        return nativeName;
    }

    public Locale locale() {
        return locale;
    }

    /** Every tag, in the picker's order. */
    public static List<String> tags() {
        return Arrays.stream(values()).map(KioskLanguage::tag).toList();
    }

    /** The language of a configured tag, exactly as listed in {@link #tags()}. */
    public static Optional<KioskLanguage> ofTag(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equals(tag)).findFirst();
    }

    /** The language a locale is in (by its language: {@code zh_CN} and {@code zh} are both Chinese). */
    public static Optional<KioskLanguage> of(Locale locale) {
        return Arrays.stream(values()).filter(l -> l.locale.getLanguage().equals(locale.getLanguage())).findFirst();
    }

    /**
     * The tag a mistyped one probably meant ({@code zh}, {@code zh_CN}, {@code zh-Hans}: {@code zh-CN};
     * {@code EN}: {@code en}), for the configuration's error message.
     */
    public static Optional<String> suggestion(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        Locale typedLocale = Locale.forLanguageTag(typed.strip().replace('_', '-'));
        boolean traditionalChinese = "Hant".equalsIgnoreCase(typedLocale.getScript())
                || List.of("TW", "HK", "MO").contains(typedLocale.getCountry());
        if (traditionalChinese) {
            return Optional.empty(); // 繁體中文 is not simplified Chinese
        }
        return of(new Locale(typedLocale.getLanguage())).map(KioskLanguage::tag);
    }
}
