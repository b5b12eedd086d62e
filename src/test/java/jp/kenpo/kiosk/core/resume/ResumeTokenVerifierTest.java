package jp.kenpo.kiosk.core.resume;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import jp.kenpo.kiosk.central.ResumeTokenIssuer;
import jp.kenpo.kiosk.core.port.UsedResumeIds;
import jp.kenpo.kiosk.testing.ResumeSigning;

/**
 * Resume QR tokens (docs/central-service.md §13) checked offline, one row per case: the valid
 * ones, and every refusal with its own reason — including the edges of the length, the clock skew
 * and the validity, and each of the signature's 512 bits flipped.
 */
class ResumeTokenVerifierTest {

    static final Instant NOW = Instant.parse("2026-12-02T01:00:00Z");
    static final String KID = "k-2026";
    static final String RID = "AAECAwQFBgcICQoLDA0ODw"; // bytes 0..15
    static final String USED_RID = "EBESExQVFhcYGRobHB0eHw";
    static final KeyPair KEYS = keyPair();
    static final KeyPair OTHER_KEYS = keyPair();
    static final ResumeTokenIssuer ISSUER = issuer(KID, KEYS);
    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    final ResumeTokenVerifier verifier = new ResumeTokenVerifier(Map.of(KID, KEYS.getPublic()),
            Set.of("01130012", "133033"), rid -> rid.equals(USED_RID), Clock.fixed(NOW, ZoneOffset.UTC));

    static KeyPair keyPair() {
        return ResumeSigning.keyPair();
    }

    static ResumeTokenIssuer issuer(String kid, KeyPair keys) {
        return ResumeSigning.issuer(kid, keys, NOW);
    }

    static String good() {
        return ISSUER.issue(RID, ResumeStep.ACCOUNT_CREATED, "01130012", NOW.minusSeconds(600), Duration.ofHours(1))
                .text();
    }

    static String payload(long iat, long exp) {
        return "{\"rid\":\"" + RID + "\",\"kid\":\"" + KID + "\",\"iat\":" + iat + ",\"exp\":" + exp
                + ",\"step\":\"account_created\",\"ins\":\"01130012\"}";
    }

    static String withPayload(Function<String, String> change) {
        long iat = NOW.getEpochSecond() - 600;
        return ISSUER.sign(change.apply(payload(iat, iat + 3600)));
    }

    /** A valid token padded with an unknown member to exactly {@code length} characters. */
    static String ofLength(int length) {
        long iat = NOW.getEpochSecond() - 600;
        String base = payload(iat, iat + 3600);
        for (int pad = 0; pad < 600; pad++) {
            String p = base.substring(0, base.length() - 1) + ",\"x\":\"" + "y".repeat(pad) + "\"}";
            String t = ISSUER.sign(p);
            if (t.length() == length) {
                return t;
            }
        }
        throw new IllegalStateException("no padding gives " + length);
    }

    static String at(Instant issuedAt, Duration validity) {
        return ISSUER.issue(RID, ResumeStep.ACCOUNT_CREATED, "01130012", issuedAt, validity).text();
    }

    static String replaceSignature(String token, byte[] signature) {
        return token.substring(0, token.lastIndexOf('.') + 1) + B64.encodeToString(signature);
    }

    static byte[] signature(String token) {
        return Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
    }

    static Stream<Arguments> cases() {
        String good = good();
        String payloadPart = good.substring(4, good.lastIndexOf('.'));
        long now = NOW.getEpochSecond();
        byte[] shortSig = java.util.Arrays.copyOf(signature(good), 63);
        return Stream.of(
                // valid
                Arguments.of("account_created", good, null),
                Arguments.of("identity_verified", ISSUER.issue(RID, ResumeStep.IDENTITY_VERIFIED, "133033",
                        NOW.minusSeconds(10), Duration.ofHours(24)).text(), null),
                Arguments.of("unknown members are ignored, nested or not", withPayload(p -> p.replace("{",
                        "{\"v\":2,\"app\":{\"os\":[\"ios\",17.1,true,null]},\"note\":\"\\u3042\\n\",")), null),
                // 4 + payload + 1 + 86: a base64url length is never 1 mod 4, so 511 is the longest within 512
                Arguments.of("511 characters", ofLength(511), null),
                Arguments.of("expired just within the skew", at(NOW.minusSeconds(3600 + 120), Duration.ofHours(1)),
                        null),
                Arguments.of("issued just within the skew", at(NOW.plusSeconds(120), Duration.ofHours(1)), null),
                Arguments.of("valid for exactly 24 hours", at(NOW.minusSeconds(5), Duration.ofHours(24)), null),
                // not a token at all
                Arguments.of("a URL", "https://app.kenpo.example/resume?id=" + RID, ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("random text", "こんにちは 12345", ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("empty", "", ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("nothing", null, ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("a long URL is not a token, not a too-long one", "https://x.example/" + "a".repeat(600),
                        ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("the prefix alone", "KR1.", ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("lower-case prefix", "kr1." + good.substring(4), ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("another version", "KR2." + good.substring(4), ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("no signature part", good.substring(0, good.lastIndexOf('.')), ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("an empty signature", good.substring(0, good.lastIndexOf('.') + 1),
                        ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("a third part", good + ".AAAA", ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("padding", good + "==", ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("standard base64 characters", "KR1." + payloadPart + ".+/" + good.substring(
                        good.lastIndexOf('.') + 3), ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("a space after it", good + " ", ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("a non-canonical last character of the signature", nonCanonical(good),
                        ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("payload not JSON", ISSUER.sign("rid=" + RID), ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("payload a JSON array", ISSUER.sign("[1,2]"), ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("payload with text after the object", withPayload(p -> p + "{}"),
                        ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("payload not UTF-8", ISSUER.signBytes(new byte[] {'{', (byte) 0xC3, '}'}),
                        ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("a member twice", withPayload(p -> p.replace("{", "{\"ins\":\"133033\",")),
                        ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("no rid", withPayload(p -> p.replace("\"rid\"", "\"rud\"")), ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("a rid of 15 bytes", withPayload(p -> p.replace(RID, "AAECAwQFBgcICQoLDA0O")),
                        ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("a rid with a slash", withPayload(p -> p.replace(RID, "AAECAwQFBgcICQoLDA0O/w")),
                        ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("iat as text", withPayload(p -> p.replaceFirst("\"iat\":(\\d+)", "\"iat\":\"$1\"")),
                        ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("exp with a fraction", withPayload(p -> p.replaceFirst("\"exp\":(\\d+)", "\"exp\":$1.5")),
                        ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("an unknown step", withPayload(p -> p.replace("account_created", "email_verified")),
                        ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("an insurer number of 7 digits", withPayload(p -> p.replace("01130012", "0113001")),
                        ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("an insurer number in full-width digits", withPayload(p -> p.replace("01130012",
                        "０１１３００１２")), ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("exp before iat", ISSUER.sign(payload(now - 60, now - 120)), ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("valid for 24 hours and a second", ISSUER.sign(payload(now - 60, now - 60 + 86401)),
                        ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("a kid that is empty", issuer("", KEYS).issue(RID, ResumeStep.ACCOUNT_CREATED,
                        "01130012", NOW, Duration.ofHours(1)).text(), ResumeRefusal.NOT_A_TOKEN),
                // too long
                Arguments.of("513 characters", ofLength(513), ResumeRefusal.TOO_LONG),
                // keys and signatures
                Arguments.of("an unknown kid", issuer("k-2025", KEYS).issue(RID, ResumeStep.ACCOUNT_CREATED,
                        "01130012", NOW, Duration.ofHours(1)).text(), ResumeRefusal.UNKNOWN_KEY),
                Arguments.of("the trusted kid signed by another key", issuer(KID, OTHER_KEYS).issue(RID,
                        ResumeStep.ACCOUNT_CREATED, "01130012", NOW, Duration.ofHours(1)).text(),
                        ResumeRefusal.BAD_SIGNATURE),
                Arguments.of("the payload changed under the same signature", "KR1." + B64.encodeToString(
                        payload(now - 600, now + 3000).replace("01130012", "133033").getBytes(StandardCharsets.UTF_8))
                        + good.substring(good.lastIndexOf('.')), ResumeRefusal.BAD_SIGNATURE),
                Arguments.of("a signature of 63 bytes", replaceSignature(good, shortSig), ResumeRefusal.BAD_SIGNATURE),
                Arguments.of("an unknown kid, expired too: the key is named first", issuer("k-2025", KEYS).issue(RID,
                        ResumeStep.ACCOUNT_CREATED, "01130012", NOW.minus(Duration.ofDays(3)), Duration.ofHours(1))
                        .text(), ResumeRefusal.UNKNOWN_KEY),
                Arguments.of("a bad signature, expired too: the signature is named first", issuer(KID, OTHER_KEYS)
                        .issue(RID, ResumeStep.ACCOUNT_CREATED, "01130012", NOW.minus(Duration.ofDays(3)),
                                Duration.ofHours(1)).text(), ResumeRefusal.BAD_SIGNATURE),
                // time
                Arguments.of("expired a second beyond the skew", at(NOW.minusSeconds(3600 + 121), Duration.ofHours(1)),
                        ResumeRefusal.EXPIRED),
                Arguments.of("expired yesterday", at(NOW.minus(Duration.ofDays(1)), Duration.ofHours(1)),
                        ResumeRefusal.EXPIRED),
                Arguments.of("issued a second beyond the skew", at(NOW.plusSeconds(121), Duration.ofHours(1)),
                        ResumeRefusal.ISSUED_IN_FUTURE),
                Arguments.of("issued tomorrow", at(NOW.plus(Duration.ofDays(1)), Duration.ofHours(1)),
                        ResumeRefusal.ISSUED_IN_FUTURE),
                // this kiosk
                Arguments.of("a union not served here", ISSUER.issue(RID, ResumeStep.ACCOUNT_CREATED, "06139999",
                        NOW, Duration.ofHours(1)).text(), ResumeRefusal.UNION_NOT_SERVED),
                Arguments.of("already used here", ISSUER.issue(USED_RID, ResumeStep.ACCOUNT_CREATED, "01130012",
                        NOW, Duration.ofHours(1)).text(), ResumeRefusal.ALREADY_USED));
    }

    /** The signature's last character with one of its unused low bits set: decodes to the same bytes. */
    static String nonCanonical(String token) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = token.charAt(token.length() - 1);
        char changed = alphabet.charAt(alphabet.indexOf(last) | 1);
        assertThat(changed).isNotEqualTo(last); // 64 bytes: the last character carries 2 bits and 4 unused ones
        return token.substring(0, token.length() - 1) + changed;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachTextGetsItsOwnVerdict(String name, String text, ResumeRefusal expected) {
        ResumeCheck check = verifier.check(text);

        assertThat(check.refusal()).isEqualTo(expected);
        assertThat(check.valid()).isEqualTo(expected == null);
        assertThat(check.token().isPresent()).isEqualTo(expected == null);
    }

    @Test
    void aValidTokenSaysWhatItsPayloadSays() {
        ResumeTokenIssuer.Issued issued = ISSUER.issue(RID, ResumeStep.IDENTITY_VERIFIED, "133033",
                NOW.minusSeconds(30), Duration.ofHours(2));

        ResumeToken t = verifier.check(issued.text()).token().orElseThrow();

        assertThat(t).isEqualTo(new ResumeToken(RID, KID, NOW.minusSeconds(30), NOW.plusSeconds(7170),
                ResumeStep.IDENTITY_VERIFIED, "133033"));
        assertThat(issued.text()).startsWith("KR1.").hasSizeLessThan(300);
    }

    @Test
    void eachOfTheSignaturesBitsFlippedIsABadSignature() {
        String good = good();
        byte[] sig = signature(good);
        assertThat(sig).hasSize(64);
        for (int bit = 0; bit < sig.length * 8; bit++) {
            byte[] flipped = sig.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(verifier.check(replaceSignature(good, flipped)).refusal()).as("bit %d", bit)
                    .isEqualTo(ResumeRefusal.BAD_SIGNATURE);
        }
    }

    @Test
    void aRefusedTokenStillReportsWhatItStatedForDiagnosis() {
        ResumeCheck expired = verifier.check(at(NOW.minus(Duration.ofDays(1)), Duration.ofHours(1)));

        assertThat(expired.stated().rid()).isEqualTo(RID);
        assertThat(expired.stated().kid()).isEqualTo(KID);
        assertThat(expired.token()).isEmpty();
        assertThat(verifier.check("https://example.jp").stated()).isNull();
    }

    @Test
    void keysRotateByKid() {
        KeyPair next = keyPair();
        ResumeTokenVerifier both = new ResumeTokenVerifier(Map.of(KID, KEYS.getPublic(), "k-2027", next.getPublic()),
                Set.of("01130012"), UsedResumeIds.NONE, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(both.check(good()).valid()).isTrue();
        assertThat(both.check(issuer("k-2027", next).issue(RID, ResumeStep.ACCOUNT_CREATED, "01130012", NOW,
                Duration.ofHours(1)).text()).valid()).isTrue();
        assertThat(both.check(issuer("k-2027", KEYS).issue(RID, ResumeStep.ACCOUNT_CREATED, "01130012", NOW,
                Duration.ofHours(1)).text()).refusal()).isEqualTo(ResumeRefusal.BAD_SIGNATURE);
    }

    /** The demo's committed key pair matches: a token signed with the private half verifies with the public one. */
    @Test
    void theDemoKeyPairSignsWhatTheDemoKioskTrusts() throws Exception {
        PublicKey pub = ResumeKeys.readPublic(Path.of("kiosk-config/demo-central/resume-public.pem"));
        ResumeTokenIssuer demo = new ResumeTokenIssuer(ResumeTokenIssuer.DEMO_KID,
                ResumeTokenIssuer.readPrivateKey(Path.of("kiosk-config", ResumeTokenIssuer.DEMO_PRIVATE_KEY)),
                Clock.fixed(NOW, ZoneOffset.UTC), new Random(2));
        ResumeTokenVerifier v = new ResumeTokenVerifier(Map.of(ResumeTokenIssuer.DEMO_KID, pub), Set.of("01130012"),
                UsedResumeIds.NONE, Clock.fixed(NOW, ZoneOffset.UTC));

        ResumeCheck check = v.check(demo.issue(ResumeStep.ACCOUNT_CREATED, "01130012", Duration.ofHours(1)).text());

        assertThat(check.valid()).isTrue();
        assertThat(check.stated().rid()).hasSize(22);
    }
}
