package jp.kenpo.kiosk.central;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kenpo.kiosk.core.resume.ResumeStep;
import jp.kenpo.kiosk.core.resume.ResumeTokenVerifier;
import jp.kenpo.kiosk.sync.CentralKey;

/**
 * The central service's side of the resume QR token (docs/central-service.md §13): makes
 * {@code "KR1." + b64url(payload) + "." + b64url(Ed25519 signature)} for a signup begun in the
 * members' app. Used by the reference server and the tests; the kiosk only verifies
 * ({@link ResumeTokenVerifier}).
 */
public final class ResumeTokenIssuer {

    /** The demo signing key, beside the demo configuration; its public half is in the demo's {@code central.resumeKeys}. */
    public static final String DEMO_PRIVATE_KEY = "demo-central/resume-private.pem";
    /** The kid of the demo signing key. */
    public static final String DEMO_KID = "demo-resume-2026";
    /** How long a token is valid unless asked otherwise: the contract's most, a day. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String kid;
    private final PrivateKey key;
    private final Clock clock;
    private final Random random;

    public ResumeTokenIssuer(String kid, PrivateKey key, Clock clock, Random random) {
        this.kid = kid;
        this.key = key;
        this.clock = clock;
        this.random = random;
    }

    /** An issuer with a secure random source for resume ids. */
    public static ResumeTokenIssuer of(String kid, PrivateKey key, Clock clock) {
        return new ResumeTokenIssuer(kid, key, clock, new SecureRandom());
    }

    /** One issued token: its text and what it says. */
    public record Issued(String text, String rid, ResumeStep step, String insurer, Instant issuedAt, Instant expires) {
    }

    /** A token for a fresh random resume id, issued now and valid for {@code validity} (at most 24 hours). */
    public Issued issue(ResumeStep step, String insurer, Duration validity) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return issue(B64.encodeToString(id), step, insurer, clock.instant(), validity);
    }

    /** A token with the given content (tests make expired, future and other tokens with it). */
    public Issued issue(String rid, ResumeStep step, String insurer, Instant issuedAt, Duration validity) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("rid", rid);
        payload.put("kid", kid);
        payload.put("iat", issuedAt.getEpochSecond());
        payload.put("exp", issuedAt.plus(validity).getEpochSecond());
        payload.put("step", step.wire());
        payload.put("ins", insurer);
        try {
            return new Issued(sign(JSON.writeValueAsString(payload)), rid, step, insurer, issuedAt,
                    Instant.ofEpochSecond(issuedAt.plus(validity).getEpochSecond()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code "KR1." + b64url(payloadJson) + "." + b64url(signature)} for any payload text, as it stands. */
    public String sign(String payloadJson) {
        return signBytes(payloadJson.getBytes(StandardCharsets.UTF_8));
    }

    /** The same for payload bytes as they are (not necessarily UTF-8). */
    public String signBytes(byte[] payload) {
        String signed = ResumeTokenVerifier.PREFIX + B64.encodeToString(payload);
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initSign(key);
            ed.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + B64.encodeToString(ed.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the resume signing key cannot sign: " + e.getMessage(), e);
        }
    }

    /** Reads an Ed25519 private key from a PEM PKCS#8 file ({@code -----BEGIN PRIVATE KEY-----}, as {@code openssl genpkey -algorithm ed25519} writes it). */
    public static PrivateKey readPrivateKey(Path pem) throws IOException, GeneralSecurityException {
        byte[] der = CentralKey.pem(pem, "PRIVATE KEY");
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }
}
