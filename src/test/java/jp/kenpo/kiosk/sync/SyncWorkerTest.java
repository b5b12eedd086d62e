package jp.kenpo.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jp.kenpo.kiosk.central.CentralServer;
import jp.kenpo.kiosk.central.Faults;
import jp.kenpo.kiosk.core.member.MemberType;
import jp.kenpo.kiosk.core.port.RegistrationOutbox;
import jp.kenpo.kiosk.core.roster.RosterEntry;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.SqliteOutbox;
import jp.kenpo.kiosk.store.SqliteRosterRepository;
import jp.kenpo.kiosk.testing.MutableClock;
import jp.kenpo.kiosk.testing.Registrations;
import jp.kenpo.kiosk.testing.SeededRandom;
import jp.kenpo.kiosk.testing.Unsealer;

/** The sync worker against the reference central server over real HTTP, with its fault switches. */
class SyncWorkerTest {

    static final String TOKEN = "kiosk-k07-token";
    static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");
    static final int N = 12;

    @TempDir
    Path dir;

    CentralServer server;
    Database db;
    SqliteOutbox outbox;
    MutableClock clock;
    SealedSubmitter submitter;
    List<String> queued = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = CentralServer.start(CentralServer.Options.of(dir.resolve("central"), Unsealer.demoKey(), "demo-2026")
                .withDeviceTokens(Set.of(TOKEN)).withRandom(new Random(11))
                .withKeepClearData(true)); // the tests read what arrived
        db = Database.open(dir.resolve("kiosk"));
        outbox = new SqliteOutbox(db);
        clock = new MutableClock(T0);
        Sealer sealer = new Sealer(CentralKey.read(Path.of("kiosk-config/demo-central/central-public.pem")), "demo-2026",
                new SecureRandom());
        submitter = new SealedSubmitter("K07", sealer, outbox, clock, new SeededRandom(5));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SyncWorker worker(String token, Duration timeout) {
        CentralClient client = new CentralClient(server.url(), token, null, timeout);
        return new SyncWorker(outbox, client, clock, new SeededRandom(1), SyncWorker.Policy.standard(),
                new RosterPuller(client, new SqliteRosterRepository(db), clock), "K07", () -> true);
    }

    private SyncWorker worker() {
        return worker(TOKEN, Duration.ofSeconds(20));
    }

    private void submit(int count) {
        for (int i = 0; i < count; i++) {
            submitter.submit(Registrations.finished(queued.size()).snapshot());
            queued.add(outbox.due(Instant.parse("2100-01-01T00:00:00Z"), 10_000).get(queued.size()).registrationId());
        }
    }

    /** Passes until the outbox is empty, moving the clock past every backoff in between. */
    private int drain(SyncWorker w) {
        int passes = 0;
        while (outbox.waiting() > 0 && passes < 40) {
            w.runOnce();
            passes++;
            clock.advance(Duration.ofMinutes(11));
        }
        return passes;
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("30% answered 503 with Retry-After", Faults.NONE.withFail(0.3, 503, 1)),
                Arguments.of("30% answered 500", Faults.NONE.withFail(0.3, 500, 0)),
                Arguments.of("30% dropped after the server committed", Faults.NONE.withDropAfterCommit(0.3)),
                Arguments.of("all of it together", Faults.NONE.withFail(0.2, 503, 2).withDropAfterCommit(0.3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void underEachFaultEveryRegistrationIsRegisteredExactlyOnce(String name, Faults faults) throws Exception {
        submit(N);
        server.faults(faults);
        SyncWorker w = worker();
        SyncWorker.Pass first = w.runOnce();
        assertThat(first.retrying()).as("the fault really happened").isPositive();
        assertThat(drain(w)).isLessThan(40);

        assertThat(outbox.waiting()).isZero();
        assertThat(server.registeredCount()).isEqualTo(N);
        assertThat(server.registrationIds()).containsExactlyInAnyOrderElementsOf(queued);
        Set<String> names = new HashSet<>();
        for (String id : queued) {
            names.add(server.plaintext(id).get("member").get("kanaName").asText());
        }
        assertThat(names).hasSize(N);
    }

    @Test
    void aTimeoutAfterTheServerCommittedIsResentAndAnsweredAsAReplay() {
        submit(3);
        server.faults(Faults.NONE.withDelayMs(700));
        SyncWorker impatient = worker(TOKEN, Duration.ofMillis(250));
        SyncWorker.Pass pass = impatient.runOnce();
        assertThat(pass.retrying()).isEqualTo(3);
        assertThat(outbox.summary().waiting()).isEqualTo(3);

        server.faults(Faults.NONE);
        clock.advance(Duration.ofMinutes(11));
        assertThat(worker().runOnce().accepted()).isEqualTo(3);
        assertThat(server.registeredCount()).isEqualTo(3);
    }

    @Test
    void aRefusedRegistrationNeedsAttentionWhileTheOthersGoThrough() {
        submit(5);
        server.reject(queued.get(1), 409, "already_registered");
        SyncWorker w = worker();
        SyncWorker.Pass pass = w.runOnce();
        assertThat(pass.accepted()).isEqualTo(4);
        assertThat(pass.rejected()).isEqualTo(1);
        assertThat(server.registrationIds()).containsExactlyInAnyOrder(queued.get(0), queued.get(2), queued.get(3),
                queued.get(4));

        RegistrationOutbox.Summary s = outbox.summary();
        assertThat(s.waiting()).isZero();
        assertThat(s.attention()).singleElement().satisfies(a -> {
            assertThat(a.receiptNumber()).isEqualTo("K07-0002");
            assertThat(a.detail()).isEqualTo("409 already_registered");
            assertThat(a.reason()).isEqualTo(jp.kenpo.kiosk.core.port.DeliveryReason.ALREADY_REGISTERED);
        });
        clock.advance(Duration.ofDays(3));
        assertThat(w.runOnce().rejected()).as("not sent again until staff look").isZero();
        assertThat(outbox.summary().needsAttention()).isEqualTo(1);
    }

    @Test
    void aRefusedCredentialKeepsEverythingAndIsTriedAgainSlowly() {
        submit(2);
        SyncWorker revoked = worker("revoked-token", Duration.ofSeconds(20));
        assertThat(revoked.runOnce().unauthorized()).isEqualTo(2);
        assertThat(outbox.summary().needsAttention()).isEqualTo(2);
        assertThat(outbox.nextDue()).contains(T0.plus(SyncWorker.Policy.standard().unauthorizedRetry()));
        clock.advance(Duration.ofMinutes(5));
        assertThat(worker().runOnce().accepted()).as("not before its time").isZero();

        clock.advance(Duration.ofMinutes(10));
        assertThat(worker().runOnce().accepted()).isEqualTo(2);
        assertThat(server.registeredCount()).isEqualTo(2);
    }

    @Test
    void aPassReachesEveryRegistrationEvenWhenAllFailAndMoreThanABatchWait() {
        submit(SyncWorker.Policy.standard().batch() + 5);
        server.faults(Faults.NONE.withFail(1.0, 503, 1));
        SyncWorker.Pass pass = worker().runOnce(T0.plus(Duration.ofDays(1)));
        assertThat(pass.retrying()).isEqualTo(queued.size());
        assertThat(outbox.due(T0.plus(Duration.ofDays(1)), 100)).allMatch(p -> p.attempts() == 1);
    }

    @Test
    void retryAfterIsHonoured() {
        submit(1);
        server.faults(Faults.NONE.withFail(1.0, 503, 120));
        worker().runOnce();
        assertThat(outbox.nextDue()).contains(T0.plusSeconds(120));
        assertThat(outbox.summary().attention()).isEmpty();
    }

    @Test
    void theRosterIsPulledPageByPageAndThenFromTheCursor() throws Exception {
        List<RosterEntry> entries = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            entries.add(new RosterEntry("01130012", "card" + i, "match" + i, MemberType.INSURED, RosterEntry.Status.ACTIVE));
        }
        server.addRosterEntries(entries);
        SqliteRosterRepository roster = new SqliteRosterRepository(db);
        RosterPuller puller = new RosterPuller(new CentralClient(server.url(), TOKEN, null, Duration.ofSeconds(20)),
                roster, clock);
        assertThat(puller.pull()).isEqualTo(2500);
        assertThat(roster.count()).isEqualTo(2500);
        assertThat(roster.cursor()).isPresent();

        server.addRosterEntries(List.of(new RosterEntry("01130012", "card7", "match7", MemberType.INSURED,
                RosterEntry.Status.ALREADY_VERIFIED)));
        assertThat(puller.pull()).as("only what changed since").isEqualTo(1);
        assertThat(roster.findByMatchKey("match7")).get().extracting(RosterEntry::status)
                .isEqualTo(RosterEntry.Status.ALREADY_VERIFIED);
        assertThat(roster.count()).isEqualTo(2500);
    }

    @Test
    void staffCanPullTheRosterAndSeeWhenItWasPulled() throws Exception {
        server.addRosterEntries(List.of(new RosterEntry("01130012", "cardS", "matchS", MemberType.INSURED,
                RosterEntry.Status.ACTIVE)));
        try (SyncWorker w = worker()) {
            assertThat(w.rosterPulledAt()).isEmpty();
            assertThat(w.pullRosterNow()).as("not running yet").isCompletedExceptionally();
            w.start();
            assertThat(w.pullRosterNow().get(20, java.util.concurrent.TimeUnit.SECONDS)).isIn(0L, 1L);
            assertThat(w.rosterPulledAt()).contains(T0);
            assertThat(new SqliteRosterRepository(db).findByMatchKey("matchS")).isPresent();
            assertThat(w.lastContact()).contains(T0);
        }
        server.close();
        try (SyncWorker w = worker()) {
            w.start();
            assertThat(w.pullRosterNow()).failsWithin(20, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void theHeartbeatCarriesQueueCountsOnly() {
        submit(2);
        server.reject(queued.get(0), 422, "invalid");
        SyncWorker w = worker();
        server.faults(Faults.NONE.withFail(1.0, 503, 1));
        w.runOnce();
        server.faults(Faults.NONE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(w.heartbeat()).isTrue();
        var beat = server.lastHeartbeat("K07").orElseThrow();
        assertThat(beat.get("queueWaiting").asInt()).isEqualTo(2);
        assertThat(beat.get("cameraOk").asBoolean()).isTrue();
        assertThat(beat.toString()).doesNotContain("synthetic@example.jp").doesNotContain(Registrations.name(0));
    }

    @Test
    void theHeartbeatCarriesTodaysCountsSentTodayAndRecentStartsAndTheServerKeepsTheLastOne() {
        submit(2);
        jp.kenpo.kiosk.store.SqliteKioskCounts counts = new jp.kenpo.kiosk.store.SqliteKioskCounts(db, clock);
        counts.record(jp.kenpo.kiosk.core.port.KioskCounts.Kind.STARTED, null, null);
        counts.record(jp.kenpo.kiosk.core.port.KioskCounts.Kind.STEP_TIME, "CARD", 14.0);
        counts.record(jp.kenpo.kiosk.core.port.KioskCounts.Kind.ABANDONED, "CARD", null);
        counts.record(jp.kenpo.kiosk.core.port.KioskCounts.Kind.HELP_CALL, null, null);
        CentralClient client = new CentralClient(server.url(), TOKEN, null, Duration.ofSeconds(20));
        SyncWorker w = new SyncWorker(outbox, client, clock, new SeededRandom(1), SyncWorker.Policy.standard(), null,
                "K07", () -> true, counts, () -> 4);
        assertThat(w.heartbeat()).isTrue();
        assertThat(w.runOnce().accepted()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(60));
        assertThat(w.heartbeat()).isTrue();

        var beat = server.lastHeartbeat("K07").orElseThrow();
        assertThat(beat.get("sentToday").asInt()).isEqualTo(2);
        assertThat(beat.get("startsLast10Minutes").asInt()).isEqualTo(4);
        var today = beat.get("today");
        assertThat(today.get("sessionsStarted").asInt()).isEqualTo(1);
        assertThat(today.get("abandonedByStep").get("CARD").asInt()).isEqualTo(1);
        assertThat(today.get("medianSecondsByStep").get("CARD").asDouble()).isEqualTo(14.0);
        assertThat(today.get("helpCalls").asInt()).isEqualTo(1);
        assertThat(today.get("finishedComplete").asInt()).isZero();
        assertThat(server.heartbeatsKept("K07")).as("the last heartbeat per kiosk").isEqualTo(1);
        assertThat(beat.toString()).doesNotContain("synthetic@example.jp").doesNotContain(Registrations.name(0));
    }

    @Test
    void neitherTheKioskDatabaseNorTheLogsHoldMemberDataInClear() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            submit(4);
            server.faults(Faults.NONE.withFail(0.5, 503, 1));
            SyncWorker w = worker();
            w.runOnce();
            w.heartbeat();
        } finally {
            root.detachAppender(logs);
        }
        assertThat(outbox.waiting()).as("some still wait, sealed").isPositive();
        StringBuilder disk = new StringBuilder();
        try (var files = Files.list(dir.resolve("kiosk"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                disk.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        StringBuilder logText = new StringBuilder();
        logs.list.forEach(e -> logText.append(e.getFormattedMessage()).append('\n'));
        assertThat(logText).as("the logs say what happened").contains("delivered");
        assertThat(logText.toString()).as("the central service's receipt beside the kiosk's")
                .containsPattern("K07-\\d{4} delivered \\(\\w+, 20\\d, central receipt [^-\\s][^)]*\\)");
        for (int i = 0; i < 4; i++) {
            for (String secret : List.of(Registrations.name(i), Registrations.email(i), Registrations.birthDate(i).toString())) {
                assertThat(disk.toString()).as(secret).doesNotContain(
                        new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
                assertThat(logText.toString()).as(secret).doesNotContain(secret);
            }
        }
    }
}
