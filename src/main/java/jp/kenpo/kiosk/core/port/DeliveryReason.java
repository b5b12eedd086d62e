package jp.kenpo.kiosk.core.port;

/**
 * Why a registration is still held in the outbox: the central service refused it (docs/central-service.md
 * §5, §7), refused the kiosk's credential, or could not be reached or understood. Decided once from the
 * answer and kept in the outbox as its {@link #code()}, so that what staff read never depends on
 * re-reading stored text.
 */
public enum DeliveryReason {
    /** 409/422 {@code already_registered}: the same member is registered already. */
    ALREADY_REGISTERED("already_registered"),
    /** 409/422 {@code card_already_linked}. */
    CARD_ALREADY_LINKED("card_already_linked"),
    /** 409/422 {@code email_in_use}. */
    EMAIL_IN_USE("email_in_use"),
    /** 409/422 {@code idempotency_mismatch}: another body arrived earlier under this registration id. */
    IDEMPOTENCY_MISMATCH("idempotency_mismatch"),
    /** 409/422 {@code not_eligible}. */
    NOT_ELIGIBLE("not_eligible"),
    /** 409/422 with another error code or none: refused as incomplete or invalid. */
    INVALID("invalid"),
    /** 413: too large to be taken. */
    TOO_LARGE("too_large"),
    /** 401/403: the device credential is missing or revoked. */
    CREDENTIAL_REFUSED("credential_refused"),
    /** 5xx, 429 or a status the contract does not name: tried again later. */
    UNAVAILABLE("unavailable"),
    /** A 200/201 that is not the contract's acceptance of this very registration: tried again. */
    NOT_ACCEPTED("not_accepted"),
    /** No answer: the connection failed, or no answer came within the deadline. */
    NETWORK("network"),
    /** An answer that could not be read whole (too long, cut short, too slow). */
    ANSWER_UNREAD("answer_unread"),
    /** A refusal whose kind is not known (a stored code of no other reason, or none stored). */
    OTHER("other");

    private final String code;

    DeliveryReason(String code) {
        this.code = code;
    }

    /** The name kept in the outbox ({@code outbox.reason_code}); never changes for a reason. */
    public String code() {
        return code;
    }

    /** The reason of a stored code; {@link #OTHER} for none or one this version does not know. */
    public static DeliveryReason ofCode(String code) {
        for (DeliveryReason r : values()) {
            if (r.code.equals(code)) {
                return r;
            }
        }
        return OTHER;
    }

    /** The reason named by a refusal's contract {@code error} code (409/422); {@link #INVALID} for any other. */
    public static DeliveryReason ofRefusal(String error) {
        return switch (error == null ? "" : error) {
            case "already_registered" -> ALREADY_REGISTERED;
            case "card_already_linked" -> CARD_ALREADY_LINKED;
            case "email_in_use" -> EMAIL_IN_USE;
            case "idempotency_mismatch" -> IDEMPOTENCY_MISMATCH;
            case "not_eligible" -> NOT_ELIGIBLE;
            default -> INVALID;
        };
    }
}
