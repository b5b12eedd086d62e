package jp.kenpo.kiosk.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.core.account.OneTimeCode.Check;
import jp.kenpo.kiosk.core.account.OneTimeCode.Outcome;
import jp.kenpo.kiosk.testing.MutableClock;
import jp.kenpo.kiosk.testing.SeededRandom;

class OneTimeCodeTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T01:00:00Z"));
    private final OneTimeCode otp = new OneTimeCode(clock, new SeededRandom(5));

    private static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void sixDigitsAcceptedOnce() {
        String code = otp.issue();
        assertThat(code).matches("\\d{6}");
        assertThat(otp.verify(code).outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(otp.verify(code).outcome()).as("a used code does not work twice").isEqualTo(Outcome.LOCKED);
    }

    @Test
    void codesDiffer() {
        assertThat(otp.issue()).isNotEqualTo(otp.issue());
    }

    @Test
    void validTenMinutes() {
        String code = otp.issue();
        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertThat(otp.timeLeft()).isEqualTo(Duration.ofMillis(1));
        assertThat(otp.verify(wrong(code)).outcome()).isEqualTo(Outcome.WRONG);
        clock.advance(Duration.ofMillis(1).plusSeconds(1));
        assertThat(otp.verify(code).outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(otp.timeLeft()).isZero();
    }

    @Test
    void resendInvalidatesTheEarlierCodeAfterTheCooldown() {
        String first = otp.issue();
        assertThat(otp.resendWait()).isEqualTo(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(45));
        assertThat(otp.resendWait()).isEqualTo(Duration.ofSeconds(15));
        clock.advance(Duration.ofSeconds(15));
        assertThat(otp.resendWait()).isZero();
        String second = otp.issue();
        if (!second.equals(first)) {
            assertThat(otp.verify(first).outcome()).isEqualTo(Outcome.WRONG);
        }
        assertThat(otp.verify(second).outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void fiveWrongEntriesSpendTheCode() {
        String code = otp.issue();
        for (int left = 4; left >= 1; left--) {
            assertThat(otp.verify(wrong(code))).isEqualTo(new Check(Outcome.WRONG, left));
        }
        assertThat(otp.verify(wrong(code)).outcome()).isEqualTo(Outcome.LOCKED);
        assertThat(otp.verify(code).outcome()).as("even the right code").isEqualTo(Outcome.LOCKED);
        clock.advance(Duration.ofSeconds(60));
        String fresh = otp.issue();
        assertThat(otp.verify(fresh).outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void noCodeBeforeIssueAndAfterForget() {
        assertThat(otp.verify("123456").outcome()).isEqualTo(Outcome.NO_CODE);
        otp.issue();
        otp.forget();
        assertThat(otp.verify("123456").outcome()).isEqualTo(Outcome.NO_CODE);
    }

    @Test
    void onlyAHashIsKept() throws Exception {
        String code = otp.issue();
        for (Field f : OneTimeCode.class.getDeclaredFields()) {
            f.setAccessible(true);
            Object v = f.get(otp);
            assertThat(String.valueOf(v)).doesNotContain(code);
            if (v instanceof byte[] b) {
                assertThat(new String(b, StandardCharsets.ISO_8859_1)).doesNotContain(code);
            }
        }
    }
}
