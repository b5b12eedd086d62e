package jp.kenpo.kiosk.core.resume;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import jp.kenpo.kiosk.core.port.UsedResumeIds;

/**
 * Checks a scanned text as a resume QR token, offline (docs/central-service.md §13):
 * {@code "KR1." + b64url(payload) + "." + b64url(Ed25519 signature of "KR1." + b64url(payload))},
 * at most 512 characters, signed by a key this kiosk trusts by kid, within its validity, for a
 * union served here and not yet used here. Each refusal has its own {@link ResumeRefusal}.
 *
 * <p>The checks run from the cheapest and least trusting to the most: form first (nothing of an
 * unsigned payload is believed), then the key and the signature, and only then what the signed
 * payload says. Base64url is read strictly — no padding, no other characters, and only the one
 * canonical spelling of each byte string — so one token has exactly one text.
 *
 * <p>Thread-safe; the clock is injected.
 */
public final class ResumeTokenVerifier {

    public static final String PREFIX = "KR1.";
    /** The contract's limit for the whole text. */
    public static final int MAX_LENGTH = 512;
    /**
     * The clock skew allowed at both ends of a token's validity, the contract's 2 minutes. The
     * token's times are the central service's clock, not the phone's, so only two managed clocks
     * can disagree: the kiosk's follows the union's time server, and a PC's clock left alone
     * drifts a second or two a day — 2 minutes covers weeks without a time server while keeping
     * a token from being taken before it was issued or long after it lapsed.
     */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    /** The longest validity the contract allows ({@code exp} − {@code iat}). */
    public static final Duration MAX_VALIDITY = Duration.ofHours(24);
    /** A resume id is 16 random bytes: 22 characters of base64url. */
    static final int RID_BYTES = 16;
    /** 9999-12-31T23:59:59Z: later times are no token's. */
    static final long LAST_SECOND = 253_402_300_799L;

    private static final Base64.Decoder B64 = Base64.getUrlDecoder();
    private static final Base64.Encoder B64_OUT = Base64.getUrlEncoder().withoutPadding();

    private final Map<String, PublicKey> keys;
    private final Set<String> servedInsurers;
    private final UsedResumeIds used;
    private final Clock clock;

    /**
     * @param keys           the trusted Ed25519 public keys by kid
     * @param servedInsurers the insurer numbers of the unions this kiosk serves
     * @param used           the resume ids already used for a registration here
     */
    public ResumeTokenVerifier(Map<String, PublicKey> keys, Set<String> servedInsurers, UsedResumeIds used,
                               Clock clock) {
        this.keys = Map.copyOf(keys);
        this.servedInsurers = Set.copyOf(servedInsurers);
        this.used = used;
        this.clock = clock;
    }

    /** Whether a scanned text is meant as a resume token (starts with {@code KR1.}), valid or not. */
    public static boolean looksLikeToken(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    public ResumeCheck check(String text) {
        if (!looksLikeToken(text)) {
            return ResumeCheck.refused(ResumeRefusal.NOT_A_TOKEN);
        }
        if (text.length() > MAX_LENGTH) {
            return ResumeCheck.refused(ResumeRefusal.TOO_LONG);
        }
        int dot = text.indexOf('.', PREFIX.length());
        if (dot < 0 || text.indexOf('.', dot + 1) >= 0) {
            return ResumeCheck.refused(ResumeRefusal.NOT_A_TOKEN);
        }
        String signed = text.substring(0, dot);
        byte[] payload = b64url(text.substring(PREFIX.length(), dot));
        byte[] signature = b64url(text.substring(dot + 1));
        if (payload == null || signature == null) {
            return ResumeCheck.refused(ResumeRefusal.NOT_A_TOKEN);
        }
        ResumeToken stated = parse(payload);
        if (stated == null) {
            return ResumeCheck.refused(ResumeRefusal.NOT_A_TOKEN);
        }
        PublicKey key = keys.get(stated.kid());
        if (key == null) {
            return ResumeCheck.refused(ResumeRefusal.UNKNOWN_KEY, stated);
        }
        if (!verifies(key, signed, signature)) {
            return ResumeCheck.refused(ResumeRefusal.BAD_SIGNATURE, stated);
        }
        Instant now = clock.instant();
        if (now.isAfter(stated.expires().plus(CLOCK_SKEW))) {
            return ResumeCheck.refused(ResumeRefusal.EXPIRED, stated);
        }
        if (stated.issuedAt().isAfter(now.plus(CLOCK_SKEW))) {
            return ResumeCheck.refused(ResumeRefusal.ISSUED_IN_FUTURE, stated);
        }
        if (!servedInsurers.contains(stated.insurer())) {
            return ResumeCheck.refused(ResumeRefusal.UNION_NOT_SERVED, stated);
        }
        if (used.used(stated.rid())) {
            return ResumeCheck.refused(ResumeRefusal.ALREADY_USED, stated);
        }
        return ResumeCheck.valid(stated);
    }

    private static boolean verifies(PublicKey key, String signed, byte[] signature) {
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(key);
            ed.update(signed.getBytes(StandardCharsets.US_ASCII));
            return ed.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // a signature of the wrong length, or a key of another kind
        }
    }

    /**
     * The payload's members as the contract states them, or {@code null} when the payload is not
     * UTF-8 JSON with {@code rid}, {@code kid}, {@code iat}, {@code exp}, {@code step} and
     * {@code ins} of the right forms, or its validity is not 0 &lt; exp − iat ≤ 24 hours.
     */
    static ResumeToken parse(byte[] payload) {
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        Map<String, Object> m = PayloadJson.object(json);
        if (m == null || !(m.get("rid") instanceof String rid) || !(m.get("kid") instanceof String kid)
                || !(m.get("iat") instanceof Long iat) || !(m.get("exp") instanceof Long exp)
                || !(m.get("step") instanceof String step) || !(m.get("ins") instanceof String ins)) {
            return null;
        }
        byte[] ridBytes = b64url(rid);
        if (ridBytes == null || ridBytes.length != RID_BYTES || kid.isEmpty() || !ins.matches("[0-9]{6}|[0-9]{8}")
                || ResumeStep.fromWire(step).isEmpty()) {
            return null;
        }
        if (iat < 0 || exp > LAST_SECOND || exp <= iat || exp - iat > MAX_VALIDITY.toSeconds()) {
            return null;
        }
        return new ResumeToken(rid, kid, Instant.ofEpochSecond(iat), Instant.ofEpochSecond(exp),
                ResumeStep.fromWire(step).get(), ins);
    }

    /** Strict base64url without padding: {@code null} unless {@code s} is the one canonical spelling of its bytes. */
    static byte[] b64url(String s) {
        if (s.isEmpty()) {
            return null;
        }
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return null;
            }
        }
        try {
            byte[] bytes = B64.decode(s);
            return B64_OUT.encodeToString(bytes).equals(s) ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
