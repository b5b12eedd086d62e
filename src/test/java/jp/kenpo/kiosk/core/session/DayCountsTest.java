package jp.kenpo.kiosk.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.core.port.KioskCounts.Event;
import jp.kenpo.kiosk.core.port.KioskCounts.Kind;

/** Folding the counted events into the union's counts: medians, abandoned steps, the start of today. */
class DayCountsTest {

    private static final Instant T = Instant.parse("2026-12-01T03:00:00Z");

    @Test
    void mediansPerStepAndAbandonedByStepOnlyFromTheGivenTimeOn() {
        DayCounts c = DayCounts.of(T, List.of(
                new Event(T.minusSeconds(1), Kind.STARTED, null, null), // yesterday's: left out
                new Event(T, Kind.STARTED, null, null),
                new Event(T, Kind.STEP_TIME, "CARD", 10.0),
                new Event(T, Kind.STEP_TIME, "CARD", 30.0),
                new Event(T, Kind.STEP_TIME, "CARD", 20.0),
                new Event(T, Kind.STEP_TIME, "INSURER", 5.0),
                new Event(T, Kind.STEP_TIME, "INSURER", 8.0),
                new Event(T, Kind.ABANDONED, "CARD", null),
                new Event(T, Kind.ABANDONED, "CARD", null),
                new Event(T, Kind.PENDING, null, null),
                new Event(T, Kind.HELP_CALL, null, null),
                new Event(T, Kind.IN_PERSON_CHECK, null, null),
                new Event(T, null, null, null))); // a kind this version does not know
        assertThat(c.started()).isEqualTo(1);
        assertThat(c.medianSecondsByStep()).containsEntry("CARD", 20.0).containsEntry("INSURER", 6.5);
        assertThat(c.abandonedByStep()).containsEntry("CARD", 2);
        assertThat(c.abandoned()).isEqualTo(2);
        assertThat(c.finished()).isEqualTo(1);
        assertThat(c.helpCalls()).isEqualTo(1);
        assertThat(c.inPersonChecks()).isEqualTo(1);
    }

    @Test
    void todayBeginsAtMidnightInTheKiosksZone() {
        // 2026-12-01T16:00Z is already 2 December in Tokyo.
        assertThat(DayCounts.startOfDay(Instant.parse("2026-12-01T16:00:00Z"), ZoneId.of("Asia/Tokyo")))
                .isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));
    }
}
