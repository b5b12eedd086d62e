package jp.kenpo.kiosk.core.resume;

import java.time.Instant;

/**
 * What a resume QR token's payload says (docs/central-service.md §13). Trusted only when a
 * {@link ResumeCheck} is {@link ResumeCheck#valid() valid}; a refused token's payload is reported
 * for the administrator's diagnosis only. No personal data: the resume id is random.
 *
 * @param rid      the resume id, 16 random bytes in base64url (22 characters): the claim's path parameter
 * @param kid      the name of the key that signed it
 * @param issuedAt {@code iat}
 * @param expires  {@code exp}, at most 24 hours after {@code iat}
 * @param step     how far the signup got in the app
 * @param insurer  the insurer number the member chose in the app (6 or 8 ASCII digits)
 */
public record ResumeToken(String rid, String kid, Instant issuedAt, Instant expires, ResumeStep step, String insurer) {
}
