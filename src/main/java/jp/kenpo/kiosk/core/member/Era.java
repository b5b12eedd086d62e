package jp.kenpo.kiosk.core.member;

import java.time.LocalDate;
import java.util.Optional;

/** 元号 — the Japanese eras a living member can have been born in, with their first and last days. */
public enum Era {
    TAISHO("era.taisho", LocalDate.of(1912, 7, 30), LocalDate.of(1926, 12, 24)),
    SHOWA("era.showa", LocalDate.of(1926, 12, 25), LocalDate.of(1989, 1, 7)),
    HEISEI("era.heisei", LocalDate.of(1989, 1, 8), LocalDate.of(2019, 4, 30)),
    REIWA("era.reiwa", LocalDate.of(2019, 5, 1), LocalDate.MAX);

    private final String messageKey;
    private final LocalDate first;
    private final LocalDate last;

    Era(String messageKey, LocalDate first, LocalDate last) {
        this.messageKey = messageKey;
        this.first = first;
        this.last = last;
    }

    public String messageKey() {
        return messageKey;
    }

    public LocalDate first() {
        return first;
    }

    /** The western year of this era's year {@code n} (1 = 元年). */
    public int westernYear(int n) {
        return first.getYear() + n - 1;
    }

    public boolean contains(LocalDate d) {
        return !d.isBefore(first) && !d.isAfter(last);
    }

    /** The era a date falls in, if it is one of these. */
    public static Optional<Era> of(LocalDate d) {
        for (Era e : values()) {
            if (e.contains(d)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The year of {@code d} counted in its era (1 = 元年). */
    public int yearOf(LocalDate d) {
        return d.getYear() - first.getYear() + 1;
    }
}
