package jp.kenpo.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kenpo.kiosk.core.port.KioskCounts.Kind;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.SqliteKioskCounts;
import jp.kenpo.kiosk.testing.Commands;
import jp.kenpo.kiosk.testing.TestConfigs;

/** {@code stats}: the counts for the union from the kiosk's database, since a day; no personal data. */
class StatsCommandTest {

    @TempDir
    Path dir;

    @Test
    void statsPrintsTheCountsSinceTheGivenDay() throws Exception {
        Path config = TestConfigs.demoCopy(dir);
        Database db = Database.open(dir.resolve("target/kiosk-data"));
        Clock yesterday = Clock.fixed(Instant.parse("2026-11-30T03:00:00Z"), ZoneId.of("Asia/Tokyo"));
        Clock today = Clock.fixed(Instant.parse("2026-12-01T03:00:00Z"), ZoneId.of("Asia/Tokyo"));
        new SqliteKioskCounts(db, yesterday).record(Kind.STARTED, null, null);
        SqliteKioskCounts counts = new SqliteKioskCounts(db, today);
        for (Kind k : new Kind[] {Kind.STARTED, Kind.STARTED, Kind.STARTED, Kind.COMPLETE, Kind.PENDING,
                Kind.CAPTURE_RETRY, Kind.HELP_CALL, Kind.IN_PERSON_CHECK}) {
            counts.record(k, null, null);
        }
        counts.record(Kind.STEP_TIME, "INSURER", 21.0);
        counts.record(Kind.STEP_TIME, "INSURER", 9.0);
        counts.record(Kind.STEP_TIME, "CARD", 48.0);
        counts.record(Kind.ABANDONED, "CARD", null);

        Commands.Run r = Commands.run("--config", config.toString(), "stats", "--since", "2026-12-01");
        System.out.println(r.out());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).as("the day's start in the kiosk's own time")
                .containsPattern("since 2026-12-01T00:00(Z|[+-]\\d\\d:\\d\\d)\\n")
                .contains("sessions started:        3")
                .contains("finished:                2 (complete 1, pending 1, account only 0)")
                .contains("abandoned:               1").contains("capture retries:         1")
                .contains("help calls:              1").contains("in-person checks:        1")
                .containsPattern("CARD +48\\.0 +1").containsPattern("INSURER +15\\.0 +0");
        Commands.Run all = Commands.run("--config", config.toString(), "stats", "--since", "2026-11-30");
        assertThat(all.out()).contains("sessions started:        4");
        Commands.Run bad = Commands.run("--config", config.toString(), "stats", "--since", "yesterday");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--since").doesNotContain("Exception");
    }
}
