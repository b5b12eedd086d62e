package jp.kenpo.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.kenpo.kiosk.central.CentralServer;
import jp.kenpo.kiosk.core.member.MemberType;
import jp.kenpo.kiosk.core.roster.RosterEntry;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.SqliteOutbox;
import jp.kenpo.kiosk.store.SqliteRosterRepository;
import jp.kenpo.kiosk.testing.MutableClock;
import jp.kenpo.kiosk.testing.SeededRandom;
import jp.kenpo.kiosk.testing.Unsealer;

/**
 * The kiosk against a central service that answers with huge, slow, cut and malformed bodies and
 * broken roster pages, over real HTTP ({@link HostileCentral}): every call ends within its deadline
 * and reads no more than its cap, each bad answer becomes a plain reason in the queue, and once the
 * central service answers properly again (the reference server behind the hostile one) the same
 * worker delivers what was queued and pulls the roster.
 */
class HostileCentralTest {

    static final String TOKEN = "kiosk-k07-token";
    static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");
    static final Duration DEADLINE = Duration.ofSeconds(1);
    static final long MB = 1024 * 1024;
    static final String GOOD_ROW = "{\"insurerNumber\":\"01130012\",\"cardKey\":\"cardA\",\"matchKey\":\"matchA\","
            + "\"memberType\":\"insured\",\"status\":\"active\"}";

    @TempDir
    Path dir;

    CentralServer central;
    HostileCentral hostile;
    Database db;
    SqliteOutbox outbox;
    SqliteRosterRepository roster;
    MutableClock clock = new MutableClock(T0);
    List<SyncWorker> workers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        central = CentralServer.start(CentralServer.Options.of(dir.resolve("central"), Unsealer.demoKey(), "demo-2026")
                .withDeviceTokens(Set.of(TOKEN)).withRandom(new Random(3)));
        hostile = new HostileCentral();
        db = Database.open(dir.resolve("kiosk"));
        outbox = new SqliteOutbox(db);
        roster = new SqliteRosterRepository(db);
    }

    @AfterEach
    void stop() throws IOException {
        workers.forEach(SyncWorker::close);
        hostile.close();
        central.close();
    }

    private SyncWorker worker(Duration deadline) {
        CentralClient client = new CentralClient(hostile.url(), TOKEN, null, deadline);
        SyncWorker w = new SyncWorker(outbox, client, clock, new SeededRandom(1), SyncWorker.Policy.standard(),
                new RosterPuller(client, roster, clock), "K07", () -> true);
        workers.add(w);
        return w;
    }

    private List<String> queue(int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(SyncOnceProcess.queue(outbox, T0, i));
        }
        return ids;
    }

    /** The reason the queue holds for a registration, as staff and the {@code queue} command see it. */
    private String reason(String id) throws Exception {
        try (Connection c = db.connect();
             PreparedStatement q = c.prepareStatement("SELECT last_error FROM outbox WHERE registration_id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("within " + limit).isTrue();
    }

    // --- hostile answers -----------------------------------------------------------------------

    /** {@code bytes} of body, declared in {@code Content-Length}, written as fast as the client takes them. */
    static HostileCentral.Answer huge(int status, long bytes) {
        return (r, out) -> {
            out.write(HostileCentral.head(status, "Retry-After: 1\r\nContent-Length: " + bytes));
            byte[] block = new byte[64 * 1024];
            java.util.Arrays.fill(block, (byte) ' ');
            for (long left = bytes; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        };
    }

    /** A chunked body that never ends. */
    static HostileCentral.Answer endless(int status) {
        return (r, out) -> {
            out.write(HostileCentral.head(status, "Content-Type: application/json\r\nTransfer-Encoding: chunked"));
            byte[] chunk = ("10000\r\n" + " ".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            while (true) {
                out.write(chunk);
            }
        };
    }

    /** A body of 4,000 declared bytes (within any cap), dripped one every 50 ms. */
    static HostileCentral.Answer dripped(int status) {
        return (r, out) -> {
            out.write(HostileCentral.head(status, "Content-Type: application/json\r\nContent-Length: 4000"));
            out.flush();
            for (int i = 0; i < 4000; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(50);
            }
        };
    }

    /** No answer at all: the headers never come. */
    static HostileCentral.Answer silent() {
        return (r, out) -> Thread.sleep(30_000);
    }

    /** {@code body} declared whole, but the connection closed after its first {@code keep} bytes. */
    /**
     * Headers that promise the whole body, part of it, then the connection closed. The headers go out
     * first and alone, so that the client has taken them before the close — otherwise, on a loaded
     * machine, the close can come while it still reads the headers, and that is a network failure
     * rather than a cut answer.
     */
    static HostileCentral.Answer cut(int status, String body, int keep) {
        return (r, out) -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            out.write(HostileCentral.head(status, "Content-Type: application/json\r\nContent-Length: " + b.length));
            out.flush();
            Thread.sleep(300);
            out.write(b, 0, keep);
            out.flush();
        };
    }

    static HostileCentral.Answer json(int status, String body) {
        return (r, out) -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            out.write(HostileCentral.head(status, "Content-Type: application/json\r\nContent-Length: " + b.length));
            out.write(b);
        };
    }

    /** The acceptance a registration would get, for the registration the request names. */
    static HostileCentral.Answer acceptanceCutShort() {
        return (r, out) -> cut(201, "{\"registrationId\":\"" + r.headers().get("idempotency-key")
                + "\",\"status\":\"complete\",\"receiptNumber\":\"C-000001\"}", 30).write(r, out);
    }

    // --- tests ---------------------------------------------------------------------------------

    @Test
    void aHugeAnswerIsNotReadPastItsCap() throws Exception {
        String id = queue(1).get(0);
        SyncWorker w = worker(Duration.ofSeconds(5));
        assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
            hostile.answer(huge(503, 64 * MB));
            assertThat(w.runAll().retrying()).isEqualTo(1);
            assertThat(reason(id)).isEqualTo("503, answer too long, not read");
            within(Duration.ofSeconds(3), () -> hostile.abandoned.get() == 1);
            assertThat(hostile.written.get()).as("what the server got rid of before the kiosk hung up")
                    .isLessThan(16 * MB);

            hostile.answer(endless(201));
            assertThat(w.runAll().retrying()).isEqualTo(1);
            assertThat(reason(id)).isEqualTo("201, answer too long, not read");
            within(Duration.ofSeconds(3), () -> hostile.abandoned.get() == 1);
            assertThat(hostile.written.get()).isLessThan(16 * MB);
        });
        assertThat(outbox.waiting()).isEqualTo(1);
    }

    @Test
    void aDrippedAnswerEndsAtTheDeadline() throws Exception {
        String id = queue(1).get(0);
        SyncWorker w = worker(DEADLINE);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            hostile.answer(dripped(201));
            long t0 = System.nanoTime();
            assertThat(w.runAll().retrying()).isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(DEADLINE.plusSeconds(2));
            assertThat(reason(id)).isEqualTo("201, answer not complete in time");
            within(Duration.ofSeconds(3), () -> hostile.abandoned.get() == 1);

            hostile.answer(silent());
            t0 = System.nanoTime();
            assertThat(w.runAll().retrying()).isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(DEADLINE.plusSeconds(2));
            assertThat(reason(id)).isEqualTo("timeout");
        });
    }

    @Test
    void aCutOrMalformedAnswerIsAPlainReason() throws Exception {
        String id = queue(1).get(0);
        SyncWorker w = worker(DEADLINE);
        hostile.answer(acceptanceCutShort());
        assertThat(w.runAll().retrying()).isEqualTo(1);
        assertThat(reason(id)).isEqualTo("201, answer cut short");

        hostile.answer(json(201, "{\"registrationId\":\"" + id + "\",\"status\":"));
        assertThat(w.runAll().retrying()).isEqualTo(1);
        assertThat(reason(id)).isEqualTo("201 without an acceptance of this registration");

        hostile.answer(json(503, "<html>" + "\u0000\n".repeat(2000) + "</html>"));
        assertThat(w.runAll().retrying()).isEqualTo(1);
        assertThat(reason(id)).isEqualTo("503");

        hostile.answer(json(409, "{\"error\":\"already_registered\\n12:00:00.000 INFO forged line\"}"));
        assertThat(w.runAll().rejected()).isEqualTo(1);
        assertThat(outbox.summary().attention()).singleElement()
                .satisfies(a -> {
                    assertThat(a.detail()).isEqualTo("409");
                    assertThat(a.reason()).isEqualTo(jp.kenpo.kiosk.core.port.DeliveryReason.INVALID);
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an empty cardKey      | {\"insurerNumber\":\"01130012\",\"cardKey\":\"\",\"matchKey\":\"m\",\"status\":\"active\"} | entry 2 has an invalid cardKey",
            "an empty matchKey     | {\"insurerNumber\":\"01130012\",\"cardKey\":\"c\",\"matchKey\":\"\",\"status\":\"active\"} | entry 2 has an invalid matchKey",
            "a missing matchKey    | {\"insurerNumber\":\"01130012\",\"cardKey\":\"c\",\"status\":\"active\"}                   | entry 2 has an invalid matchKey",
            "an unknown status     | {\"insurerNumber\":\"01130012\",\"cardKey\":\"c\",\"matchKey\":\"m\",\"status\":\"suspended\"} | entry 2 has an invalid status",
            "an unknown memberType | {\"insurerNumber\":\"01130012\",\"cardKey\":\"c\",\"matchKey\":\"m\",\"memberType\":\"boss\",\"status\":\"active\"} | entry 2 has an invalid memberType",
            "a bad insurer number  | {\"insurerNumber\":\"0113\",\"cardKey\":\"c\",\"matchKey\":\"m\",\"status\":\"active\"}     | entry 2 has an invalid insurerNumber",
            "a key with a newline  | {\"insurerNumber\":\"01130012\",\"cardKey\":\"c\\nx\",\"matchKey\":\"m\",\"status\":\"active\"} | entry 2 has an invalid cardKey",
            "not an object         | 42                                                                                        | entry 2 has an invalid entry",
    })
    void aRosterPageWithOneInvalidEntryIsRefusedWhole(String name, String row, String why) throws Exception {
        hostile.answer(json(200, "{\"entries\":[" + GOOD_ROW + "," + row + "],\"nextCursor\":\"c1\",\"more\":false}"));
        RosterPuller puller = new RosterPuller(new CentralClient(hostile.url(), TOKEN, null, DEADLINE), roster, clock);
        assertThatThrownBy(puller::pull).isInstanceOf(CentralClient.RosterRefused.class)
                .hasMessage("the roster page was refused: " + why);
        assertThat(roster.count()).as("nothing of the page is kept").isZero();
        assertThat(roster.cursor()).as("the cursor stays where it was").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no more field          | {\"entries\":[],\"nextCursor\":\"c1\"}",
            "entries not a list     | {\"entries\":{},\"nextCursor\":\"c1\",\"more\":false}",
            "an empty cursor        | {\"entries\":[],\"nextCursor\":\"\",\"more\":false}",
            "not JSON               | {\"entries\":[",
    })
    void aPageThatIsNoRosterPageIsRefused(String name, String body) throws Exception {
        hostile.answer(json(200, body));
        RosterPuller puller = new RosterPuller(new CentralClient(hostile.url(), TOKEN, null, DEADLINE), roster, clock);
        assertThatThrownBy(puller::pull).isInstanceOf(CentralClient.RosterRefused.class);
        assertThat(roster.cursor()).isEmpty();
    }

    @Test
    void aRosterPageLongerThanItsLimitAllowsIsNotRead() throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            hostile.answer(endless(200));
            RosterPuller puller = new RosterPuller(new CentralClient(hostile.url(), TOKEN, null, Duration.ofSeconds(5)),
                    roster, clock);
            assertThatThrownBy(puller::pull).isInstanceOf(CentralClient.RosterRefused.class)
                    .hasMessage("the roster page was refused: answer too long, not read");
            within(Duration.ofSeconds(3), () -> hostile.abandoned.get() == 1);
            assertThat(hostile.written.get()).isLessThan(RosterPages.maxBytes(RosterPuller.PAGE) + 16 * MB);
        });
    }

    /**
     * The worker running on its own thread: whatever the central service answers, staff's 「今すぐ送信する」
     * and roster pull come back within a deadline or two, each registration carries its reason, and
     * once the central service answers properly the same worker delivers both and pulls the roster.
     */
    @Test
    void afterHostileAnswersTheWorkerDeliversWhatWasQueued() throws Exception {
        List<String> ids = queue(2);
        central.addRosterEntries(List.of(new RosterEntry("01130012", "cardZ", "matchZ", MemberType.INSURED,
                RosterEntry.Status.ACTIVE)));
        SyncWorker w = worker(DEADLINE);
        w.start();
        record Case(HostileCentral.Answer answer, String reason) {
        }
        List<Case> cases = List.of(
                new Case(huge(503, 64 * MB), "503, answer too long, not read"),
                new Case(endless(201), "201, answer too long, not read"),
                new Case(dripped(201), "201, answer not complete in time"),
                new Case(acceptanceCutShort(), "201, answer cut short"),
                new Case(json(201, "{\"status\":\"complete\""), "201 without an acceptance of this registration"),
                new Case(json(200, "{\"entries\":[{\"cardKey\":\"\"}],\"nextCursor\":\"x\",\"more\":false}"),
                        "200 without an acceptance of this registration"));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (Case c : cases) {
                hostile.answer(c.answer());
                w.sendNow().get(DEADLINE.toMillis() * 4 + 3000, TimeUnit.MILLISECONDS);
                for (String id : ids) {
                    assertThat(reason(id)).as("each registration has its answer").isEqualTo(c.reason());
                }
                assertThat(w.pullRosterNow()).failsWithin(DEADLINE.multipliedBy(4).plusSeconds(3));
                assertThat(roster.count()).isZero();
            }
            assertThat(outbox.waiting()).isEqualTo(2);

            hostile.forwardTo(central.url());
            w.sendNow().get(10, TimeUnit.SECONDS);
            assertThat(outbox.waiting()).isZero();
            assertThat(central.registrationIds()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(w.pullRosterNow().get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(roster.findByMatchKey("matchZ")).isPresent();
            assertThat(w.heartbeat()).isTrue();
        });
    }

    @Test
    void aStuckCallDoesNotHoldUpClosingTheWorker() throws Exception {
        queue(1);
        hostile.answer(dripped(201));
        SyncWorker w = worker(Duration.ofSeconds(60));
        w.start();
        within(Duration.ofSeconds(5), () -> hostile.requests.get() >= 1);
        Thread.sleep(200);
        long t0 = System.nanoTime();
        w.close();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("the stuck delivery ended at once, not after 5 s")
                .isLessThan(Duration.ofSeconds(2));
        within(Duration.ofSeconds(3), () -> hostile.abandoned.get() >= 1);
        assertThat(outbox.waiting()).as("nothing is lost").isEqualTo(1);
    }

    /**
     * What was seen in the field: {@code sync --once} in a small heap (here 64 MB) against a 600 MB
     * answer on a 503 ran out of memory and then ignored SIGTERM. Now the pass ends at once, and a
     * pass stuck in a dripped answer (a deadline of a minute) ends on SIGTERM.
     */
    @Test
    void syncInASmallHeapSurvivesAHugeAnswerAndEndsOnSigterm() throws Exception {
        hostile.answer(huge(503, 600 * MB));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1",
                "-cp", classPath(), SyncOnceProcess.class.getName(), dir.resolve("k").toString(), hostile.url(), TOKEN,
                "60000").redirectError(dir.resolve("sync-stderr.txt").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                assertThat(out.readLine()).isEqualTo("syncing");
                assertThat(out.readLine()).as("the pass ended by itself").isEqualTo("pass 0 1 1");
            });
            hostile.answer(dripped(201));
            p.getOutputStream().write('\n');
            p.getOutputStream().flush();
            assertThat(out.readLine()).isEqualTo("syncing");
            within(Duration.ofSeconds(10), () -> hostile.requests.get() >= 1);
            Thread.sleep(300);
            assertThat(p.isAlive()).as("stuck in the dripped answer").isTrue();
            p.destroy();
            assertThat(p.waitFor(5, TimeUnit.SECONDS)).as("SIGTERM ended the stuck pass").isTrue();
        } finally {
            p.destroyForcibly();
        }
    }

    /** This test's class path, also when a launcher loads the tests through a class loader of its own. */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        if (HostileCentralTest.class.getClassLoader() instanceof java.net.URLClassLoader loader) {
            for (java.net.URL u : loader.getURLs()) {
                try {
                    entries.add(Path.of(u.toURI()).toString());
                } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                    // not a file: not needed by the child
                }
            }
        }
        entries.add(System.getProperty("java.class.path"));
        return String.join(java.io.File.pathSeparator, entries);
    }
}
