package jp.kenpo.kiosk.core.roster;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jp.kenpo.kiosk.core.member.InsuranceCard;
import jp.kenpo.kiosk.core.member.InsurerNumber;
import jp.kenpo.kiosk.core.member.KanaName;

/**
 * The keyed hashes the roster is stored as (docs/central-service.md §9): the kiosk never keeps a roster name
 * or birthdate in clear.
 * <pre>
 * cardKey  = base64url(HMAC-SHA256(rosterKey, insurer|symbol|number|branch))
 * matchKey = base64url(HMAC-SHA256(rosterKey, insurer|symbol|number|branch|kanaName|birthDate))
 * </pre>
 * Not thread-safe (one {@link Mac} reused): one instance per thread.
 */
public final class RosterKeys {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private final Mac mac;

    public RosterKeys(byte[] rosterKey) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(rosterKey, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }

    public String cardKey(InsurerNumber insurer, InsuranceCard card) {
        return hash(cardText(insurer, card));
    }

    public String matchKey(InsurerNumber insurer, InsuranceCard card, KanaName name, LocalDate birthDate) {
        return hash(cardText(insurer, card) + "|" + name.matchForm() + "|" + birthDate);
    }

    private static String cardText(InsurerNumber insurer, InsuranceCard card) {
        return insurer.digits() + "|" + card.symbol() + "|" + card.number() + "|" + card.branch();
    }

    private String hash(String text) {
        return B64URL.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
