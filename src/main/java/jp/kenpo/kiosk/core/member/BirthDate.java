package jp.kenpo.kiosk.core.member;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;

/**
 * 生年月日 — entered with a Japanese era (大正/昭和/平成/令和) or a western year. Impossible dates
 * (2月30日), dates outside the chosen era (平成31年5月1日 is 令和元年5月1日), future dates and
 * implausible ages are refused with their own messages.
 */
public final class BirthDate {

    public static final int MAX_AGE = 120;
    public static final String INCOMPLETE = "birth.error.incomplete";
    public static final String IMPOSSIBLE = "birth.error.impossible";
    public static final String OUTSIDE_ERA = "birth.error.outsideEra";
    public static final String FUTURE = "birth.error.future";
    public static final String TOO_OLD = "birth.error.tooOld";

    private BirthDate() {
    }

    /**
     * The date, or a message key; for {@link #OUTSIDE_ERA}, {@code suggestion} is the same day in
     * its right era, for the message.
     */
    public record Result(LocalDate value, String messageKey, Era suggestedEra, Integer suggestedYear) {
        public boolean ok() {
            return value != null;
        }

        static Result error(String key) {
            return new Result(null, key, null, null);
        }
    }

    /** {@code era} null means {@code year} is a western year. */
    public static Result parse(Era era, Integer year, Integer month, Integer day, Clock clock) {
        if (year == null || month == null || day == null) {
            return Result.error(INCOMPLETE);
        }
        int western = era == null ? year : era.westernYear(year);
        if (year < 1 || (era == null && year < 1000)) {
            return Result.error(IMPOSSIBLE);
        }
        LocalDate date;
        try {
            date = LocalDate.of(western, month, day);
        } catch (DateTimeException e) {
            return Result.error(IMPOSSIBLE);
        }
        if (era != null && !era.contains(date)) {
            return Era.of(date)
                    .map(right -> new Result(null, OUTSIDE_ERA, right, right.yearOf(date)))
                    .orElse(Result.error(IMPOSSIBLE));
        }
        LocalDate today = LocalDate.now(clock);
        if (date.isAfter(today)) {
            return Result.error(FUTURE);
        }
        if (Period.between(date, today).getYears() > MAX_AGE) {
            return Result.error(TOO_OLD);
        }
        return new Result(date, null, null, null);
    }
}
