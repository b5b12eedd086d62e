package jp.kenpo.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kenpo.kiosk.app.config.ConfigLoader;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.port.RegistrationSubmitter.Receipt;
import jp.kenpo.kiosk.store.SqliteOutbox;
import jp.kenpo.kiosk.testing.Registrations;
import jp.kenpo.kiosk.testing.SeededRandom;
import jp.kenpo.kiosk.testing.TestConfigs;

/** The demo configuration delivers out of the box: its kiosk starts the reference central server. */
class EmbeddedCentralTest {

    @TempDir
    Path dir;

    @Test
    void aFinishedRegistrationIsDeliveredAndTheMemberToldItIsComplete() throws Exception {
        Path file = TestConfigs.demoCopy(dir);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(file, Files.readString(file).replace("url: http://127.0.0.1:8765", "url: http://127.0.0.1:" + port));
        KioskConfig config = new ConfigLoader(name -> null).load(file);
        assertThat(config.central().embedded()).isNotNull();
        try (Kiosk kiosk = Kiosk.build(config, Clock.systemUTC(), new SeededRandom(4))) {
            kiosk.startSync();
            SqliteOutbox outbox = new SqliteOutbox(kiosk.database());
            Receipt r = null;
            for (int tries = 0; tries < 50 && (r == null || !r.complete()); tries++) {
                // The server starts in the background; until it answers, the member is told 「申請を受け付けました」.
                r = kiosk.services().submitter().submit(Registrations.finished(tries).snapshot());
                if (!r.complete()) {
                    Thread.sleep(100);
                }
            }
            assertThat(r.complete()).as("the central service confirmed at once").isTrue();
            kiosk.sync().runOnce();
            assertThat(outbox.waiting()).as("everything delivered").isZero();
            assertThat(Files.exists(dir.resolve("target/kiosk-data/central/central.db"))).isTrue();
        }
    }
}
