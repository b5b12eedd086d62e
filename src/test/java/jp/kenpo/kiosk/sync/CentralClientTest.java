package jp.kenpo.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.kenpo.kiosk.core.port.DeliveryReason;
import jp.kenpo.kiosk.sync.CentralClient.Delivery;
import jp.kenpo.kiosk.sync.CentralClient.Outcome;

/** How the central service's answers are classified (docs/central-service.md §5, §7). */
class CentralClientTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "201 | {\"registrationId\":\"x\",\"status\":\"complete\",\"receiptNumber\":\"C-1\"} | ACCEPTED     | -                        | -",
            "200 | {\"registrationId\":\"x\",\"status\":\"pending_review\",\"receiptNumber\":\"C-1\"} | ACCEPTED | -                  | -",
            "200 | not json                                                               | RETRY        | 200 without an acceptance of this registration | -",
            "200 | {\"status\":\"maintenance\"}                                        | RETRY        | 200 without an acceptance of this registration | -",
            "201 | {\"registrationId\":\"y\",\"status\":\"complete\",\"receiptNumber\":\"C-1\"} | RETRY        | 201 without an acceptance of this registration | -",
            "201 | {\"registrationId\":\"x\",\"status\":\"complete\"}             | RETRY        | 201 without an acceptance of this registration | -",
            "409 | {\"error\":\"already_registered\"}                                     | REJECTED     | 409 already_registered   | -",
            "422 | {\"error\":\"idempotency_mismatch\"}                                   | REJECTED     | 422 idempotency_mismatch | -",
            "413 | -                                                                      | REJECTED     | 413                      | -",
            "401 | -                                                                      | UNAUTHORIZED | 401 device credential refused | -",
            "429 | -                                                                      | RETRY        | 429                      | 7",
            "503 | -                                                                      | RETRY        | 503                      | 7",
            "500 | -                                                                      | RETRY        | 500                      | -",
            "404 | -                                                                      | RETRY        | 404                      | -",
    })
    void classified(int code, String body, Outcome outcome, String reason, Long retryAfter) {
        Delivery d = DeliveryAnswers.classify("x", code, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
                retryAfter == null ? Optional.empty() : Optional.of(String.valueOf(retryAfter)));
        assertThat(d.outcome()).isEqualTo(outcome);
        if (reason != null) {
            assertThat(d.detail()).isEqualTo(reason);
        }
        if (outcome == Outcome.ACCEPTED) {
            assertThat(d.status()).isIn("complete", "pending_review");
            assertThat(d.receiptNumber()).isEqualTo("C-1");
        }
        assertThat(d.retryAfter()).isEqualTo(retryAfter == null ? null : Duration.ofSeconds(retryAfter));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "201 | TOO_LONG  | RETRY        | 201, answer too long, not read",
            "200 | CUT_SHORT | RETRY        | 200, answer cut short",
            "201 | TIMEOUT   | RETRY        | 201, answer not complete in time",
            "409 | CUT_SHORT | REJECTED     | 409, answer cut short",
            "401 | TOO_LONG  | UNAUTHORIZED | 401, answer too long, not read",
            "503 | TOO_LONG  | RETRY        | 503, answer too long, not read",
    })
    void anAnswerNotReadWholeIsClassifiedByItsStatusButNeverAccepted(int code, BoundedBody.Problem problem,
                                                                     Outcome outcome, String reason) {
        byte[] acceptance = "{\"registrationId\":\"x\",\"status\":\"complete\",\"receiptNumber\":\"C-1\"}"
                .getBytes(StandardCharsets.UTF_8);
        Delivery d = DeliveryAnswers.classify("x", code, acceptance, problem, Optional.of("7"));
        assertThat(d.outcome()).isEqualTo(outcome);
        assertThat(d.detail()).isEqualTo(reason);
        assertThat(d.receiptNumber()).isNull();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "201 | {\"registrationId\":\"x\",\"status\":\"complete\",\"receiptNumber\":\"C-1\"} | -",
            "409 | {\"error\":\"already_registered\"}                 | ALREADY_REGISTERED",
            "422 | {\"error\":\"already_registered\"}                 | ALREADY_REGISTERED",
            "409 | {\"error\":\"card_already_linked\"}                | CARD_ALREADY_LINKED",
            "409 | {\"error\":\"email_in_use\"}                       | EMAIL_IN_USE",
            "422 | {\"error\":\"idempotency_mismatch\"}               | IDEMPOTENCY_MISMATCH",
            "422 | {\"error\":\"not_eligible\"}                       | NOT_ELIGIBLE",
            "422 | {\"error\":\"invalid\",\"fields\":[\"kioskId\"]}      | INVALID",
            "409 | {\"error\":\"something_new\"}                      | INVALID",
            "409 | {\"error\":\"Already_Registered\"}                 | INVALID",
            "422 | not json                                         | INVALID",
            "422 | -                                                | INVALID",
            "413 | {\"error\":\"too_large\"}                          | TOO_LARGE",
            "413 | -                                                | TOO_LARGE",
            "401 | {\"error\":\"unauthorized\"}                       | CREDENTIAL_REFUSED",
            "403 | -                                                | CREDENTIAL_REFUSED",
            "503 | {\"error\":\"already_registered\"}                 | UNAVAILABLE",
            "429 | -                                                | UNAVAILABLE",
            "404 | {\"error\":\"not_found\"}                          | UNAVAILABLE",
            "200 | {\"status\":\"maintenance\"}                       | NOT_ACCEPTED",
    })
    void theReasonIsTakenFromTheAnswerOnce(int code, String body, DeliveryReason reason) {
        Delivery d = DeliveryAnswers.classify("x", code, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
                Optional.empty());
        assertThat(d.reason()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "201 | CUT_SHORT | ANSWER_UNREAD",
            "503 | TOO_LONG  | ANSWER_UNREAD",
            "409 | CUT_SHORT | OTHER",
            "422 | TIMEOUT   | OTHER",
            "413 | CUT_SHORT | TOO_LARGE",
            "401 | TOO_LONG  | CREDENTIAL_REFUSED",
    })
    void anAnswerNotReadWholeHasTheReasonItsStatusAloneTells(int code, BoundedBody.Problem problem,
                                                             DeliveryReason reason) {
        byte[] refusal = "{\"error\":\"already_registered\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(DeliveryAnswers.classify("x", code, refusal, problem, Optional.empty()).reason()).isEqualTo(reason);
    }

    @org.junit.jupiter.api.Test
    void noAnswerIsANetworkReason() {
        assertThat(DeliveryAnswers.noAnswer("timeout").reason()).isEqualTo(DeliveryReason.NETWORK);
        assertThat(DeliveryAnswers.noAnswer("timeout").outcome()).isEqualTo(Outcome.RETRY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0 | 0", "30 | 30", " 5 | 5", "-3 | 0"})
    void retryAfterSeconds(String header, long seconds) {
        assertThat(DeliveryAnswers.retryAfter(header)).contains(Duration.ofSeconds(seconds));
    }

    @org.junit.jupiter.api.Test
    void aRetryAfterOfYearsIsTakenAsADay() {
        Delivery d = DeliveryAnswers.classify("x", 503, new byte[0], Optional.of("999999999999"));
        assertThat(d.retryAfter()).isEqualTo(Duration.ofDays(1));
    }

    @ParameterizedTest
    @CsvSource({"soon", "Wed, 32 Oct 2015 07:28:00 GMT"})
    void retryAfterUnreadableIsIgnored(String header) {
        assertThat(DeliveryAnswers.retryAfter(header)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void retryAfterAsAnHttpDateInThePastOrFuture() {
        assertThat(DeliveryAnswers.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEmpty();
        String future = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(10));
        assertThat(DeliveryAnswers.retryAfter(future)).get()
                .satisfies(d -> assertThat(d).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10)));
    }
}
