package jp.kenpo.kiosk.core.config;

import java.nio.charset.StandardCharsets;

/**
 * @param key       the union's roster key, shared with the central service: roster entries are
 *                  stored as HMAC-SHA256 keyed hashes of the card, name and birthdate
 * @param seedFile  a roster CSV imported when the roster is empty (demonstrations)
 */
public record RosterSettings(String key, String seedFile) {

    public byte[] keyBytes() {
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
