package jp.kenpo.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jp.kenpo.kiosk.central.CentralServer;
import jp.kenpo.kiosk.core.port.RegistrationOutbox;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.SqliteOutbox;
import jp.kenpo.kiosk.store.SqliteRosterRepository;
import jp.kenpo.kiosk.testing.MutableClock;
import jp.kenpo.kiosk.testing.Registrations;
import jp.kenpo.kiosk.testing.SeededRandom;
import jp.kenpo.kiosk.testing.Unsealer;

/**
 * The central service's own words (the {@code error} of a refusal) reach the kiosk's log and the
 * staff's list only as one clipped line with no address in it: a newline in them cannot forge a
 * log line.
 */
class CentralTextInLogsTest {

    static final String TOKEN = "kiosk-k07-token";
    /** What a hostile or broken central service might put in {@code error}: a line of its own, an address. */
    static final String FORGING = "already_registered\n2026-12-01 01:00:00,000 INFO  [kiosk] SyncWorker - K07-0001 "
            + "delivered (complete, 201) to kenkou.taro@example.jp\r\n" + "x".repeat(300);

    @TempDir
    Path dir;

    CentralServer server;
    SqliteOutbox outbox;
    SyncWorker worker;
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void start() throws Exception {
        server = CentralServer.start(CentralServer.Options.of(dir.resolve("central"), Unsealer.demoKey(), "demo-2026")
                .withDeviceTokens(Set.of(TOKEN)).withRandom(new Random(3)));
        Database db = Database.open(dir.resolve("kiosk"));
        outbox = new SqliteOutbox(db);
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T01:00:00Z"));
        Sealer sealer = new Sealer(CentralKey.read(Path.of("kiosk-config/demo-central/central-public.pem")),
                "demo-2026", new SecureRandom());
        new SealedSubmitter("K07", sealer, outbox, clock, new SeededRandom(5)).submit(Registrations.finished(0).snapshot());
        CentralClient client = new CentralClient(server.url(), TOKEN, null, Duration.ofSeconds(20));
        worker = new SyncWorker(outbox, client, clock, new SeededRandom(1), SyncWorker.Policy.standard(),
                new RosterPuller(client, new SqliteRosterRepository(db), clock), "K07", () -> true);
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        worker.close();
        server.close();
    }

    @Test
    void aRefusalsErrorTextCannotForgeALogLineNorCarryAnAddress() {
        String id = outbox.due(Instant.parse("2100-01-01T00:00:00Z"), 10).get(0).registrationId();
        server.reject(id, 409, FORGING);

        assertThat(worker.runOnce().rejected()).isEqualTo(1);

        List<String> lines = logs.list.stream().filter(e -> e.getLoggerName().startsWith("jp.kenpo"))
                .map(ILoggingEvent::getFormattedMessage).toList();
        // Not a code of the contract's shape: dropped whole rather than cleaned.
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("K07-0001 refused by the central service (409)"));
        assertThat(lines).allSatisfy(l -> {
            assertThat(l).doesNotContain("\n", "\r", "kenkou.taro", "example.jp");
            assertThat(l.length()).as("clipped").isLessThan(300);
        });
        RegistrationOutbox.Attention shown = outbox.summary().attention().get(0);
        assertThat(shown.detail()).as("what staff see").isEqualTo("409");
        assertThat(shown.reason()).isEqualTo(jp.kenpo.kiosk.core.port.DeliveryReason.INVALID);
    }
}
