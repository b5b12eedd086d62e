package jp.kenpo.kiosk.sync;

import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kenpo.kiosk.core.port.DeliveryReason;
import jp.kenpo.kiosk.sync.CentralClient.Delivery;
import jp.kenpo.kiosk.sync.CentralClient.Outcome;

/**
 * The contract's classification of an answer to {@code POST /v1/registrations} (docs/central-service.md
 * §5, §7): what becomes of the registration ({@link Outcome}), why it is held when it is
 * ({@link DeliveryReason}), and a short non-personal detail for the IT administrator. Pure: no network.
 */
final class DeliveryAnswers {

    /** Longer than this, a {@code Retry-After} is taken as a day: the kiosk looks again at least daily. */
    static final Duration RETRY_AFTER_CAP = Duration.ofDays(1);
    /** A refusal's {@code error}: one of the contract's codes, lower case with underscores. */
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z][a-z_]{0,39}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeliveryAnswers() {
    }

    /** No answer came: the connection failed or the deadline passed ({@code detail} names which). */
    static Delivery noAnswer(String detail) {
        return new Delivery(Outcome.RETRY, 0, null, null, DeliveryReason.NETWORK, detail, null);
    }

    /**
     * The contract's classification. A 200/201 counts only as the contract's {@code Accepted} for
     * this very registration — anything else (a proxy's page, a maintenance answer) is tried again,
     * because an acceptance deletes the registration from the kiosk.
     */
    static Delivery classify(String registrationId, int code, byte[] body, Optional<String> retryAfter) {
        return classify(registrationId, code, body, null, retryAfter);
    }

    /**
     * The classification of an answer whose body could not be read whole ({@code problem}): an
     * acceptance then cannot be confirmed and is tried again (the central service answers a repeat
     * with the same acceptance); any other answer is classified by its status alone — a refusal
     * whose error code went unread is of no known kind.
     */
    static Delivery classify(String registrationId, int code, byte[] body, BoundedBody.Problem problem,
                             Optional<String> retryAfter) {
        Duration after = retryAfter.flatMap(DeliveryAnswers::retryAfter)
                .map(d -> d.compareTo(RETRY_AFTER_CAP) > 0 ? RETRY_AFTER_CAP : d).orElse(null);
        if (problem != null) {
            String why = code + ", " + describe(problem);
            if (code / 100 == 2) {
                return new Delivery(Outcome.RETRY, code, null, null, DeliveryReason.ANSWER_UNREAD, why, null);
            }
            Delivery d = classify(registrationId, code, new byte[0], null, retryAfter);
            DeliveryReason reason = switch (d.outcome()) {
                case REJECTED -> d.reason() == DeliveryReason.TOO_LARGE ? d.reason() : DeliveryReason.OTHER;
                case UNAUTHORIZED -> d.reason();
                default -> DeliveryReason.ANSWER_UNREAD;
            };
            return new Delivery(d.outcome(), code, null, null, reason, why, d.retryAfter());
        }
        if (code == 200 || code == 201) {
            JsonNode a = read(body);
            String status = a == null ? null : a.path("status").asText(null);
            boolean accepted = a != null && registrationId.equals(a.path("registrationId").asText(null))
                    && ("complete".equals(status) || "pending_review".equals(status))
                    && !a.path("receiptNumber").asText("").isBlank();
            if (!accepted) {
                return new Delivery(Outcome.RETRY, code, null, null, DeliveryReason.NOT_ACCEPTED,
                        code + " without an acceptance of this registration", null);
            }
            return new Delivery(Outcome.ACCEPTED, code, status, a.get("receiptNumber").asText(), null, null, null);
        }
        if (code == 401 || code == 403) {
            return new Delivery(Outcome.UNAUTHORIZED, code, null, null, DeliveryReason.CREDENTIAL_REFUSED,
                    code + " device credential refused", after);
        }
        if (code == 409 || code == 413 || code == 422) {
            JsonNode p = read(body);
            String error = p == null ? "" : p.path("error").asText("");
            // Only a code of the contract's shape is kept: the detail is shown to staff and logged.
            error = ERROR_CODE.matcher(error).matches() ? error : "";
            DeliveryReason reason = code == 413 ? DeliveryReason.TOO_LARGE : DeliveryReason.ofRefusal(error);
            return new Delivery(Outcome.REJECTED, code, null, null, reason, (code + " " + error).strip(), null);
        }
        // 429, 5xx and anything unexpected (a proxy's 404, a 400): nothing is dropped on a guess.
        return new Delivery(Outcome.RETRY, code, null, null, DeliveryReason.UNAVAILABLE, String.valueOf(code), after);
    }

    /** {@code Retry-After}: seconds, or an HTTP date. */
    static Optional<Duration> retryAfter(String value) {
        String v = value.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Optional.of(Duration.between(ZonedDateTime.now(at.getZone()), at)).filter(d -> !d.isNegative());
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    /** A plain reason for an answer not read whole. */
    static String describe(BoundedBody.Problem problem) {
        return switch (problem) {
            case TOO_LONG -> "answer too long, not read";
            case CUT_SHORT -> "answer cut short";
            case TIMEOUT -> "answer not complete in time";
        };
    }

    static JsonNode read(byte[] body) {
        try {
            return body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
