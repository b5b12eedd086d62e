package jp.kenpo.kiosk.core.config;

import java.util.Locale;

/**
 * A text given in Japanese and, optionally, in the kiosk's other languages (Japanese is used where a
 * language is missing). In the configuration the keys are the tags of {@code kiosk.languages}:
 * {@code { ja: …, en: …, zh-CN: …, ko: …, vi: …, pt-BR: … }}.
 */
public record LocalizedText(String ja, String en, String zh, String ko, String vi, String pt) {

    /** Japanese and English only. */
    public LocalizedText(String ja, String en) {
        this(ja, en, null, null, null, null);
    }

    /** The text in {@code locale}'s language, or the Japanese one where it has none. */
    public String in(Locale locale) {
        String own = own(locale);
        return own == null ? ja : own;
    }

    /** Whether the text is given in {@code locale}'s language (Japanese always is). */
    public boolean has(Locale locale) {
        return own(locale) != null;
    }

    /** The text in {@code language}, or null where it has none. */
    public String get(KioskLanguage language) {
        String t = switch (language) {
            case JAPANESE -> ja;
            case ENGLISH -> en;
            case CHINESE_SIMPLIFIED -> zh;
            case KOREAN -> ko;
            case VIETNAMESE -> vi;
            case PORTUGUESE_BRAZIL -> pt;
        };
        return t == null || t.isBlank() ? null : t;
    }

    private String own(Locale locale) {
        return KioskLanguage.of(locale).map(this::get).orElse(null);
    }

    /** Each language's text changed by {@code f}; a missing one stays missing. */
    public LocalizedText map(java.util.function.UnaryOperator<String> f) {
        java.util.function.UnaryOperator<String> g = t -> t == null ? null : f.apply(t);
        return new LocalizedText(g.apply(ja), g.apply(en), g.apply(zh), g.apply(ko), g.apply(vi), g.apply(pt));
    }
}
