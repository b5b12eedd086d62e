package jp.kenpo.kiosk.core.resume;

/** Why a scanned text does not resume a signup here (docs/central-service.md §13): one reason per refusal. */
public enum ResumeRefusal {
    /** Not a resume token at all (a URL, other text), or one whose form breaks the contract. */
    NOT_A_TOKEN("not_a_token"),
    /** Starts like a token but is longer than the contract's 512 characters. */
    TOO_LONG("too_long"),
    /** Signed with a key this kiosk does not trust ({@code central.resumeKeys}). */
    UNKNOWN_KEY("unknown_key"),
    /** The signature does not match the text: altered, or not made by the named key. */
    BAD_SIGNATURE("bad_signature"),
    /** {@code exp} has passed (beyond the allowed clock skew). */
    EXPIRED("expired"),
    /** {@code iat} lies in the future (beyond the allowed clock skew): one of the two clocks is wrong. */
    ISSUED_IN_FUTURE("issued_in_future"),
    /** The insurer number in the token is not one of the unions this kiosk serves. */
    UNION_NOT_SERVED("union_not_served"),
    /** A registration resumed from this token was already submitted at this kiosk. */
    ALREADY_USED("already_used");

    private final String code;

    ResumeRefusal(String code) {
        this.code = code;
    }

    /** The name in {@code analyze qr} output. */
    public String code() {
        return code;
    }
}
