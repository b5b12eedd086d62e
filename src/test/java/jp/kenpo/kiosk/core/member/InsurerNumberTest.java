package jp.kenpo.kiosk.core.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InsurerNumberTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            01130012   | 01130012 | NULL
            133033     | 133033   | NULL
            ０１１３００１２ | 01130012 | NULL
            １３３０３３   | 133033   | NULL
            0113 0012  | 01130012 | NULL
            06139995   | NULL     | insurer.error.checkDigit
            01130013   | NULL     | insurer.error.checkDigit
            133034     | NULL     | insurer.error.checkDigit
            1330330    | NULL     | insurer.error.length
            13303      | NULL     | insurer.error.length
            011300120  | NULL     | insurer.error.length
            0113-0012  | NULL     | insurer.error.notDigits
            13303a     | NULL     | insurer.error.notDigits
            ''         | NULL     | insurer.error.empty
            '  '       | NULL     | insurer.error.empty
            """)
    void parses(String input, String digits, String messageKey) {
        InsurerNumber.Result r = InsurerNumber.parse(input);
        assertThat(r.ok()).isEqualTo(digits != null);
        assertThat(r.value() == null ? null : r.value().digits()).isEqualTo(digits);
        assertThat(r.messageKey()).isEqualTo(messageKey);
    }

    @ParameterizedTest(name = "check digit of {0} is {1}")
    @CsvSource({"0113001, 2", "13303, 3", "12345, 5", "0000000, 0", "9999999, 7", "06139, 0"})
    void checkDigitFollowsTheWeights(String body, int check) {
        assertThat(InsurerNumber.checkDigit(body)).isEqualTo(check);
    }

    @org.junit.jupiter.api.Test
    void nullIsEmpty() {
        assertThat(InsurerNumber.parse(null).messageKey()).isEqualTo(InsurerNumber.EMPTY);
    }
}
