package jp.kenpo.kiosk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kenpo.kiosk.central.CentralServer;
import jp.kenpo.kiosk.core.port.RegistrationOutbox;
import jp.kenpo.kiosk.core.port.RandomSource;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.SqliteOutbox;
import jp.kenpo.kiosk.sync.CentralClient;
import jp.kenpo.kiosk.sync.CentralKey;
import jp.kenpo.kiosk.sync.SealedSubmitter;
import jp.kenpo.kiosk.sync.Sealer;
import jp.kenpo.kiosk.sync.SyncWorker;
import jp.kenpo.kiosk.testing.Registrations;
import jp.kenpo.kiosk.testing.Unsealer;

/**
 * Delivery target (docs/architecture.md §11): a day's outbox — 1,000 registrations with about 600 KB of pictures
 * each — delivered to the central service in ≤ 60 s. Sealing and queueing are timed apart; the
 * delivery is {@link SyncWorker#runOnce()} to the reference server on loopback. Run with
 * {@code mvn -q test -Pbench -Dtest=SyncBenchmark}; {@code -Dsync.registrations=100} for a quick try.
 */
@Tag("bench")
class SyncBenchmark {

    static final String TOKEN = "kiosk-k07-token";
    static final int IMAGE_BYTES = 600_000;

    @TempDir
    Path dir;

    @Test
    void deliverADayOfRegistrationsWithPictures() throws Exception {
        int n = Integer.getInteger("sync.registrations", 1_000);
        Database db = Database.open(dir.resolve("kiosk"));
        SqliteOutbox outbox = new SqliteOutbox(db);
        Clock clock = Clock.systemUTC();
        Sealer sealer = new Sealer(CentralKey.read(Path.of("kiosk-config/demo-central/central-public.pem")), "demo-2026",
                new SecureRandom());
        SealedSubmitter submitter = new SealedSubmitter("K07", sealer, outbox, clock, RandomSource.secure());

        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            submitter.submit(Registrations.finished(i, IMAGE_BYTES).snapshot());
        }
        double sealSeconds = (System.nanoTime() - t0) / 1e9;
        long bytes = outbox.summary().bytes();
        System.out.printf("sync benchmark: %d registrations sealed and queued in %.1f s (%.1f ms each), outbox %.1f MB%n",
                n, sealSeconds, sealSeconds * 1000 / n, bytes / 1e6);
        assertThat(outbox.waiting()).isEqualTo(n);

        breakdown(outbox, Math.min(n, 20));

        try (CentralServer server = CentralServer.start(CentralServer.Options.of(dir.resolve("central"),
                Unsealer.demoKey(), "demo-2026").withDeviceTokens(Set.of(TOKEN)).withRandom(new Random(11)))) {
            CentralClient client = new CentralClient(server.url(), TOKEN, null, Duration.ofSeconds(60));
            SyncWorker worker = new SyncWorker(outbox, client, clock, RandomSource.secure(), SyncWorker.Policy.standard(),
                    null, "K07", () -> true);
            // The server logs how long it took over each request: the server's share of a delivery.
            Logger serverLog = (Logger) LoggerFactory.getLogger(CentralServer.class);
            ListAppender<ILoggingEvent> requests = new ListAppender<>();
            requests.start();
            serverLog.addAppender(requests);
            long t1 = System.nanoTime();
            SyncWorker.Pass pass;
            try {
                pass = worker.runOnce();
            } finally {
                serverLog.detachAppender(requests);
            }
            double seconds = (System.nanoTime() - t1) / 1e9;
            double serverMs = requests.list.stream().filter(e -> e.getArgumentArray() != null
                            && e.getArgumentArray().length == 4 && "/v1/registrations".equals(e.getArgumentArray()[1]))
                    .mapToLong(e -> ((Number) e.getArgumentArray()[3]).longValue()).average().orElse(Double.NaN);
            System.out.printf("sync benchmark: the server spent %.1f ms on a registration on average (receive, open, "
                    + "store); %d on their way at once%n", serverMs, worker.policy().senders());
            int count = server.registeredCount();
            System.out.printf("sync benchmark: %d registrations delivered in %.1f s (target ≤ 60 s for 1,000): "
                            + "%.1f registrations/s, %.1f MB/s, %.1f ms each; pass %s; server count %d%n",
                    n, seconds, n / seconds, bytes / 1e6 / seconds, seconds * 1000 / n, pass, count);
            assertThat(pass.accepted()).isEqualTo(n);
            assertThat(count).isEqualTo(n);
            assertThat(outbox.waiting()).isZero();
        }
        kioskSide(Math.min(n, 20));
    }

    /**
     * The kiosk's side of one delivery, stage by stage as {@code SyncWorker} does it, on a sample
     * delivered apart (its own outbox and server): reading the sealed row, the HTTP round trip
     * (which includes the server's work), deleting the row (secure delete, synchronous commit).
     */
    private void kioskSide(int sample) throws Exception {
        Database db = Database.open(dir.resolve("kiosk-sample"));
        SqliteOutbox outbox = new SqliteOutbox(db);
        SealedSubmitter submitter = new SealedSubmitter("K08", new Sealer(CentralKey.read(
                Path.of("kiosk-config/demo-central/central-public.pem")), "demo-2026", new SecureRandom()), outbox,
                Clock.systemUTC(), RandomSource.secure());
        for (int i = 0; i < sample; i++) {
            submitter.submit(Registrations.finished(1_000_000 + i, IMAGE_BYTES).snapshot());
        }
        try (CentralServer server = CentralServer.start(CentralServer.Options.of(dir.resolve("central-sample"),
                Unsealer.demoKey(), "demo-2026").withDeviceTokens(Set.of(TOKEN)).withRandom(new Random(12)))) {
            CentralClient client = new CentralClient(server.url(), TOKEN, null, Duration.ofSeconds(60));
            long read = 0;
            long http = 0;
            long delete = 0;
            for (RegistrationOutbox.Pending p : outbox.due(Instant.now(), sample)) {
                long a = System.nanoTime();
                byte[] sealed = outbox.sealed(p.registrationId()).orElseThrow();
                long b = System.nanoTime();
                CentralClient.Delivery d = client.deliver(p.registrationId(), sealed);
                long c = System.nanoTime();
                assertThat(d.outcome()).isEqualTo(CentralClient.Outcome.ACCEPTED);
                outbox.delivered(p.registrationId());
                long e = System.nanoTime();
                read += b - a;
                http += c - b;
                delete += e - c;
            }
            assertThat(server.registeredCount()).isEqualTo(sample);
            System.out.printf("sync benchmark: kiosk side per registration (sample of %d delivered apart): outbox read "
                            + "%.1f ms, HTTP round trip incl. the server's work %.1f ms, outbox delete %.1f ms%n",
                    sample, read / 1e6 / sample, http / 1e6 / sample, delete / 1e6 / sample);
        }
    }

    /**
     * Where the time of one delivery goes, on a sample of the queued registrations, stage by stage
     * as the kiosk and the reference server do it: reading the row, opening it (parse, SHA-256,
     * RSA-OAEP unwrap, AES-GCM, JSON). What a delivery takes beyond that is HTTP on loopback, the
     * server's SQLite write and the kiosk's delete.
     */
    private static void breakdown(SqliteOutbox outbox, int sample) throws Exception {
        ObjectMapper json = new ObjectMapper();
        jp.kenpo.kiosk.central.Unsealer unsealer = new jp.kenpo.kiosk.central.Unsealer("demo-2026", Unsealer.demoKey());
        long read = 0;
        long open = 0;
        for (RegistrationOutbox.Pending p : outbox.due(Instant.now(), sample)) {
            long a = System.nanoTime();
            byte[] envelope = outbox.sealed(p.registrationId()).orElseThrow();
            long b = System.nanoTime();
            MessageDigest.getInstance("SHA-256").digest(envelope);
            JsonNode e = json.readTree(envelope);
            byte[] plain = unsealer.open(p.registrationId(), e.get("sealed"));
            JsonNode r = json.readTree(plain);
            String stored = r.toString();
            long c = System.nanoTime();
            assertThat(stored).isNotEmpty();
            read += b - a;
            open += c - b;
        }
        System.out.printf("sync benchmark: per registration (sample of %d): kiosk outbox read %.1f ms, server open "
                        + "(parse, SHA-256, unseal, JSON) %.1f ms%n",
                sample, read / 1e6 / sample, open / 1e6 / sample);
    }
}
