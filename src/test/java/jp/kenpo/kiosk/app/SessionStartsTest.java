package jp.kenpo.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kenpo.kiosk.testing.MutableClock;

/** The session script's record of starts (packaging/linux/session) read for the heartbeat's crash-loop count. */
class SessionStartsTest {

    @TempDir
    Path logs;

    @Test
    void startsInTheLastTenMinutesAreCountedAndAHalfLineIsSkipped() throws Exception {
        MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_800_000_000L));
        assertThat(SessionStarts.recent(logs, clock)).as("not started by the session script").isEqualTo(-1);
        long now = clock.instant().getEpochSecond();
        Files.writeString(logs.resolve(SessionStarts.FILE_NAME),
                (now - 700) + "\n" + (now - 590) + "\n" + (now - 60) + "\n" + now + "\n17999");
        assertThat(SessionStarts.recent(logs, clock)).isEqualTo(3);
    }
}
