package jp.kenpo.kiosk.core.config;

/** A consent document with its text loaded: shown on the consent screen, recorded as {@link #reference()}. */
public record ConsentText(String reference, LocalizedText title, LocalizedText body, boolean pointsTerms) {

    public ConsentText(String reference, LocalizedText title, LocalizedText body) {
        this(reference, title, body, false);
    }
}
