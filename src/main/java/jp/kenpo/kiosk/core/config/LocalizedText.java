package jp.kenpo.kiosk.core.config;

import java.util.Locale;

/** A text given in Japanese and, optionally, English (Japanese is used where English is missing). */
public record LocalizedText(String ja, String en) {

    public String in(Locale locale) {
        if ("en".equals(locale.getLanguage()) && en != null && !en.isBlank()) {
            return en;
        }
        return ja;
    }
}
