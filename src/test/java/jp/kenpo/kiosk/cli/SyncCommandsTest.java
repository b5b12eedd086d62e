package jp.kenpo.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kenpo.kiosk.central.CentralServer;
import jp.kenpo.kiosk.central.Faults;
import jp.kenpo.kiosk.testing.Commands;
import jp.kenpo.kiosk.core.member.MemberType;
import jp.kenpo.kiosk.core.roster.RosterEntry;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.SqliteOutbox;
import jp.kenpo.kiosk.sync.CentralKey;
import jp.kenpo.kiosk.sync.SealedSubmitter;
import jp.kenpo.kiosk.sync.Sealer;
import jp.kenpo.kiosk.testing.Registrations;
import jp.kenpo.kiosk.testing.SeededRandom;
import jp.kenpo.kiosk.testing.TestConfigs;
import jp.kenpo.kiosk.testing.Unsealer;

/** {@code queue}, {@code sync --once}, {@code roster pull} and selftest's central check, against a real server. */
class SyncCommandsTest {

    @TempDir
    Path dir;

    CentralServer server;
    Path config;

    @BeforeEach
    void start() throws Exception {
        server = CentralServer.start(CentralServer.Options.of(dir.resolve("central"), Unsealer.demoKey(), "demo-2026")
                .withDeviceTokens(Set.of("demo-device-token")));
        config = TestConfigs.demoCopy(dir);
        // The copy talks to this test's server instead of starting its own.
        String yaml = Files.readString(config)
                .replace("url: http://127.0.0.1:8765", "url: " + server.url())
                .replaceAll("(?m)^  embedded:\\n(    .*\\n)+", "");
        Files.writeString(config, yaml);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Queues members 0..n-1 into the copy's outbox, as the kiosk does at submit. */
    private void queue(int n) throws Exception {
        SqliteOutbox outbox = new SqliteOutbox(Database.open(dir.resolve("target/kiosk-data")));
        SealedSubmitter s = new SealedSubmitter("K07", new Sealer(CentralKey.read(Path.of(
                "kiosk-config/demo-central/central-public.pem")), "demo-2026", new SecureRandom()), outbox,
                Clock.systemUTC(), new SeededRandom(n));
        for (int i = 0; i < n; i++) {
            s.submit(Registrations.finished(i).snapshot());
        }
    }

    @Test
    void queueShowsCountsAndReasonsAndSyncDeliversTheRest() throws Exception {
        queue(3);
        Commands.Run before = Commands.run("--config", config.toString(), "queue");
        assertThat(before.exit()).as(before.err()).isZero();
        assertThat(before.out()).contains("3 held — 3 waiting, 0 needing attention").contains("oldest waiting: ");

        server.faults(Faults.NONE.withFail(1.0, 503, 30));
        Commands.Run failing = Commands.run("--config", config.toString(), "sync", "--once");
        assertThat(failing.exit()).as("registrations are left").isEqualTo(1);
        assertThat(failing.out()).contains("delivered 0, to retry 3");

        server.faults(Faults.NONE);
        Commands.Run ok = Commands.run("--config", config.toString(), "sync", "--once");
        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("delivered 3", "0 still held");
        assertThat(server.registeredCount()).isEqualTo(3);

        Commands.Run after = Commands.run("--config", config.toString(), "queue");
        assertThat(after.out()).contains("0 held").doesNotContain("oldest waiting");
    }

    @Test
    void queueListsTheRefusedWithTheirReasonAndNoMemberData() throws Exception {
        queue(2);
        SqliteOutbox outbox = new SqliteOutbox(Database.open(dir.resolve("target/kiosk-data")));
        server.reject(outbox.due(java.time.Instant.now().plusSeconds(60), 10).get(0).registrationId(), 409,
                "already_registered");
        Commands.Run sync = Commands.run("--config", config.toString(), "sync", "--once");
        assertThat(sync.exit()).isEqualTo(1);
        Commands.Run q = Commands.run("--config", config.toString(), "queue");
        assertThat(q.out()).contains("1 held — 0 waiting, 1 needing attention")
                .containsPattern("K07-0001 +since .* 1 try +409 already_registered");
        assertThat(q.out() + sync.out()).doesNotContain(Registrations.name(0), Registrations.email(0), "ケンコウ");
    }

    @Test
    void rosterPullAppliesTheServersChanges() throws Exception {
        server.addRosterEntries(List.of(
                new RosterEntry("01130012", "cardA", "matchA", MemberType.INSURED, RosterEntry.Status.ACTIVE),
                new RosterEntry("01130012", "cardB", "matchB", MemberType.DEPENDENT, RosterEntry.Status.ACTIVE)));
        Commands.Run r = Commands.run("--config", config.toString(), "roster", "pull");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("2 roster changes applied");
        Commands.Run again = Commands.run("--config", config.toString(), "roster", "pull");
        assertThat(again.out()).startsWith("0 roster changes applied");
    }

    @Test
    void selftestAsksTheCentralServiceAndNamesARefusedCredential() throws Exception {
        Commands.Run ok = Commands.run("--config", config.toString(), "selftest");
        assertThat(ok.out()).contains("OK   central   " + server.url() + " answers");
        Files.writeString(config, Files.readString(config).replace("demo-device-token", "revoked-token"));
        Commands.Run refused = Commands.run("--config", config.toString(), "selftest");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).contains("FAIL central", "refused this kiosk's device credential (401)");
        server.close();
        Commands.Run down = Commands.run("--config", config.toString(), "selftest");
        assertThat(down.out()).contains("FAIL central", "cannot be reached");
    }
}
