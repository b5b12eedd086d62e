package jp.kenpo.kiosk.core.config;

/**
 * A text the member agrees to on the consent screen, recorded as {@code id@version}.
 *
 * @param file   the text file per language, relative to the configuration's folder
 * @param points {@code true} for the terms of a union's own points (独自ポイント): shown only to a
 *               member whose union runs points, once the insurer number is known
 */
public record ConsentDocument(String id, String version, LocalizedText title, LocalizedText file, Boolean points) {

    public ConsentDocument(String id, String version, LocalizedText title, LocalizedText file) {
        this(id, version, title, file, null);
    }

    /** Whether these are points terms (shown after the insurer number, to members of unions with points). */
    public boolean pointsTerms() {
        return Boolean.TRUE.equals(points);
    }

    public String reference() {
        return id + "@" + version;
    }
}
