package jp.kenpo.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kenpo.kiosk.central.CentralServer;
import jp.kenpo.kiosk.central.Faults;
import jp.kenpo.kiosk.core.port.RandomSource;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.SqliteOutbox;
import jp.kenpo.kiosk.store.SqliteRosterRepository;
import jp.kenpo.kiosk.testing.Unsealer;

/**
 * The kiosk killed with SIGKILL at random moments — while it seals and queues a registration, and
 * while it delivers one to a central server that itself drops a share of answers after committing —
 * loses nothing and registers nobody twice. Each round runs {@link KioskProcess} in a JVM of its own
 * on the same data directory.
 */
class KillTest {

    static final String TOKEN = "kiosk-k07-token";
    static final int ROUNDS = 20;
    static final int MEMBERS_PER_ROUND = 100_000;
    static final int IMAGE_BYTES = 400_000;
    static final Pattern QUEUED = Pattern.compile("^queued ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$");
    private static final String EOF = "\u0000eof";

    @TempDir
    Path dir;

    CentralServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Where a kill landed, by the last line the kiosk printed: before its first submit, in a submit, in a delivery pass. */
    enum Moment { START, SUBMIT, SYNC }

    /** What one round saw. */
    record Round(int printed, int waitingAfterKill, Moment killed, long committedUnprinted) {
    }

    @Test
    void killedAtRandomMomentsTheKioskLosesNothingAndRegistersNobodyTwice() throws Exception {
        server = CentralServer.start(CentralServer.Options.of(dir.resolve("central"), Unsealer.demoKey(), "demo-2026")
                .withDeviceTokens(Set.of(TOKEN)).withRandom(new Random(23))
                .withFaults(Faults.NONE.withDropAfterCommit(0.2))
                .withKeepClearData(true)); // the test reads the names that arrived
        Path kioskDir = dir.resolve("kiosk");
        Random random = new Random(20261201L);
        Set<String> printed = new LinkedHashSet<>();
        List<Round> rounds = new ArrayList<>();
        int kills = 0;
        long sequenceBefore = 0;

        for (int round = 0; round < ROUNDS; round++) {
            Process p = child(kioskDir, round);
            LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = reader(p, lines);
            List<String> ids = new ArrayList<>();
            String line0;
            do {
                line0 = lines.poll(60, TimeUnit.SECONDS);
            } while (line0 != null && !line0.equals("ready") && !line0.equals(EOF));
            assertThat(line0).as("round %d: the kiosk process started (stderr: %s)", round, stderr(round))
                    .isEqualTo("ready");

            // A random moment; or just after the n-th registration was queued (its delivery is under way then);
            // or just after the n-th submit began (sealing and queueing are under way then).
            int mode = random.nextInt(5);
            String target = mode == 1 || mode == 2 ? "queued " : mode == 3 ? "submitting " : null;
            int killAfter = 1 + random.nextInt(4);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300 + random.nextInt(2201));
            int seen = 0;
            String last = "ready";
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                String line = lines.poll(left, TimeUnit.NANOSECONDS);
                if (line == null) {
                    break;
                }
                if (line.equals(EOF)) {
                    throw new AssertionError("round " + round + ": the kiosk process ended by itself: " + stderr(round));
                }
                last = line;
                collect(line, ids);
                if (target != null && line.startsWith(target) && ++seen >= killAfter) {
                    Thread.sleep(random.nextInt(target.equals("queued ") ? 40 : 15));
                    break;
                }
            }
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("round %d: killed by SIGKILL", round).isEqualTo(137);
            kills++;
            reader.join(10_000);
            for (String line; (line = lines.poll()) != null; ) {
                if (!line.equals(EOF)) {
                    last = line;
                    collect(line, ids);
                }
            }
            printed.addAll(ids);
            Database afterKill = Database.open(kioskDir);
            int waiting = new SqliteOutbox(afterKill).waiting();
            long sequence = receiptSequence(afterKill);
            // Committed in this round but never printed: the kill came between the commit and the print.
            rounds.add(new Round(ids.size(), waiting, last.startsWith("submitting ") ? Moment.SUBMIT
                    : last.startsWith("queued ") ? Moment.SYNC : Moment.START, sequence - sequenceBefore - ids.size()));
            sequenceBefore = sequence;
        }

        Database db = Database.open(kioskDir);
        SqliteOutbox outbox = new SqliteOutbox(db);
        int leftForTheDrain = outbox.waiting();
        server.faults(Faults.NONE);
        CentralClient client = new CentralClient(server.url(), TOKEN, null, Duration.ofSeconds(20));
        SyncWorker w = new SyncWorker(outbox, client, Clock.systemUTC(), RandomSource.secure(), KioskProcess.QUICK,
                new RosterPuller(client, new SqliteRosterRepository(db), Clock.systemUTC()), "K07", () -> true);
        int passes = 0;
        while (outbox.waiting() > 0 && passes < 10) {
            // Past every backoff: what waits is sent now.
            w.runOnce(Instant.now().plus(Duration.ofDays(1)));
            passes++;
        }

        long committed = receiptSequence(db);
        Set<String> registered = server.registrationIds();
        List<String> lost = printed.stream().filter(id -> !registered.contains(id)).toList();
        Map<String, String> byName = new HashMap<>();
        List<String> twice = new ArrayList<>();
        for (String id : registered) {
            String name = server.plaintext(id).get("member").get("kanaName").asText();
            if (byName.putIfAbsent(name, id) != null) {
                twice.add(name);
            }
        }
        int roundsWithSubmits = (int) rounds.stream().filter(r -> r.printed() > 0).count();
        int killsWithWaiting = (int) rounds.stream().filter(r -> r.waitingAfterKill() > 0).count();
        System.out.printf("kill test: %d rounds, %d kills (%d during a submit, %d during a delivery pass, %d before "
                        + "the first submit; %d left registrations waiting; %d rounds submitted someone), "
                        + "%d registrations committed, %d printed, %d registered on the server, %d duplicates, %d lost, "
                        + "%d left for the drain, %d committed but killed before printing%n",
                ROUNDS, kills, count(rounds, Moment.SUBMIT), count(rounds, Moment.SYNC), count(rounds, Moment.START),
                killsWithWaiting, roundsWithSubmits,
                committed, printed.size(), registered.size(), twice.size(), lost.size(), leftForTheDrain,
                rounds.stream().mapToLong(Round::committedUnprinted).sum());

        assertThat(lost).as("printed but not registered on the server").isEmpty();
        assertThat(outbox.waiting()).as("the outbox after the drain (%s)", outbox.summary()).isZero();
        assertThat(registered).as("every registration the kiosk committed, once").hasSize((int) committed);
        assertThat(twice).as("members registered twice").isEmpty();
        assertThat(printed.size()).as("printed ids are committed ones").isLessThanOrEqualTo((int) committed);

        assertThat(roundsWithSubmits).as("rounds in which the kiosk submitted someone").isGreaterThan(ROUNDS / 2);
        assertThat(killsWithWaiting).as("kills that left registrations waiting in the outbox").isPositive();
        assertThat(count(rounds, Moment.SUBMIT)).as("kills during a submit").isPositive();
        assertThat(count(rounds, Moment.SYNC)).as("kills during a delivery pass").isPositive();
        assertThat(committed).as("registrations committed over all rounds").isGreaterThanOrEqualTo(ROUNDS);
    }

    private static long count(List<Round> rounds, Moment m) {
        return rounds.stream().filter(r -> r.killed() == m).count();
    }

    private Process child(Path kioskDir, int round) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx256m",
                "-Dfile.encoding=UTF-8", "-Dkiosk.logDir=" + dir.resolve("logs"),
                "-cp", System.getProperty("java.class.path"), KioskProcess.class.getName(),
                kioskDir.toString(), server.url(), TOKEN, String.valueOf(round * MEMBERS_PER_ROUND),
                String.valueOf(IMAGE_BYTES));
        return new ProcessBuilder(cmd).redirectError(dir.resolve("stderr-" + round + ".txt").toFile()).start();
    }

    private static Thread reader(Process p, LinkedBlockingQueue<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process is gone
            }
            lines.add(EOF);
        }, "kiosk-stdout");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** A whole {@code queued <id>} line; a line cut short by the kill is no promise and is left out. */
    private static void collect(String line, List<String> ids) {
        var m = QUEUED.matcher(line);
        if (m.matches()) {
            ids.add(m.group(1));
        }
    }

    private String stderr(int round) {
        try {
            Path f = dir.resolve("stderr-" + round + ".txt");
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static long receiptSequence(Database db) throws Exception {
        try (Connection c = db.connect();
             PreparedStatement q = c.prepareStatement("SELECT value FROM settings WHERE key = 'receipt.sequence'");
             ResultSet rs = q.executeQuery()) {
            return rs.next() ? Long.parseLong(rs.getString(1)) : 0;
        }
    }
}
