package jp.kenpo.kiosk.core.config;

/**
 * A text the member agrees to on the consent screen, recorded as {@code id@version}.
 *
 * @param file  the text file per language, relative to the configuration's folder
 */
public record ConsentDocument(String id, String version, LocalizedText title, LocalizedText file) {

    public String reference() {
        return id + "@" + version;
    }
}
