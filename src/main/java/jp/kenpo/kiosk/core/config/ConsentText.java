package jp.kenpo.kiosk.core.config;

/**
 * A consent document with its text loaded: shown on the consent screen, recorded as {@link #reference()}.
 * A union may give it in Japanese only, or in some of the kiosk's languages; where the member's language
 * has no translation the Japanese text is shown — the legal text is never machine-translated — with a
 * note in the member's language that the document is in Japanese only.
 */
public record ConsentText(String reference, LocalizedText title, LocalizedText body, boolean pointsTerms) {

    public ConsentText(String reference, LocalizedText title, LocalizedText body) {
        this(reference, title, body, false);
    }

    /** Whether a member reading in {@code language} is shown the Japanese text because there is no translation. */
    public boolean japaneseOnlyFor(java.util.Locale language) {
        return !body.has(language);
    }
}
