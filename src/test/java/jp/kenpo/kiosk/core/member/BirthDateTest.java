package jp.kenpo.kiosk.core.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.kenpo.kiosk.testing.MutableClock;

class BirthDateTest {

    /** "Today" is 2026-11-22 in Tokyo. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T16:00:00Z"));

    @ParameterizedTest(name = "{0} {1}-{2}-{3}")
    @CsvSource(nullValues = "~", textBlock = """
            SHOWA,  31,  4,  1, 1956-04-01, ~,                    ~,      ~
            SHOWA,   1, 12, 25, 1926-12-25, ~,                    ~,      ~
            SHOWA,  64,  1,  7, 1989-01-07, ~,                    ~,      ~
            SHOWA,  64,  1,  8, ~,          birth.error.outsideEra, HEISEI, 1
            HEISEI,  1,  1,  8, 1989-01-08, ~,                    ~,      ~
            HEISEI, 31,  4, 30, 2019-04-30, ~,                    ~,      ~
            HEISEI, 31,  5,  1, ~,          birth.error.outsideEra, REIWA,  1
            REIWA,   1,  4, 30, ~,          birth.error.outsideEra, HEISEI, 31
            REIWA,   8, 11, 22, 2026-11-22, ~,                    ~,      ~
            REIWA,   8, 11, 23, ~,          birth.error.future,   ~,      ~
            REIWA,  10,  1,  1, ~,          birth.error.future,   ~,      ~
            TAISHO, 15,  1,  1, 1926-01-01, ~,                    ~,      ~
            HEISEI,  7,  2, 29, ~,          birth.error.impossible, ~,    ~
            HEISEI,  8,  2, 29, 1996-02-29, ~,                    ~,      ~
            HEISEI,  8,  2, 30, ~,          birth.error.impossible, ~,    ~
            HEISEI,  8, 13,  1, ~,          birth.error.impossible, ~,    ~
            HEISEI,  0,  1,  1, ~,          birth.error.impossible, ~,    ~
            ~,    1956,  4,  1, 1956-04-01, ~,                    ~,      ~
            ~,    2027,  1,  1, ~,          birth.error.future,   ~,      ~
            ~,    1900,  1,  1, ~,          birth.error.tooOld,   ~,      ~
            ~,      56,  4,  1, ~,          birth.error.impossible, ~,    ~
            ~,    1956, ~,   1, ~,          birth.error.incomplete, ~,    ~
            """)
    void parses(Era era, Integer year, Integer month, Integer day, LocalDate expected, String key, Era suggested,
                Integer suggestedYear) {
        BirthDate.Result r = BirthDate.parse(era, year, month, day, clock);
        assertThat(r.value()).isEqualTo(expected);
        assertThat(r.messageKey()).isEqualTo(key);
        assertThat(r.suggestedEra()).isEqualTo(suggested);
        assertThat(r.suggestedYear()).isEqualTo(suggestedYear);
    }
}
