package jp.kenpo.kiosk.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sqlite.SQLiteDataSource;

import jp.kenpo.kiosk.central.CentralServer;
import jp.kenpo.kiosk.core.member.MemberType;
import jp.kenpo.kiosk.core.port.AuditLog;
import jp.kenpo.kiosk.core.port.DeliveryReason;
import jp.kenpo.kiosk.core.roster.RosterEntry;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.SqliteAuditLog;
import jp.kenpo.kiosk.store.SqliteOutbox;
import jp.kenpo.kiosk.store.SqliteRosterRepository;
import jp.kenpo.kiosk.store.SqliteSettingsRepository;
import jp.kenpo.kiosk.sync.CentralClient;
import jp.kenpo.kiosk.sync.CentralKey;
import jp.kenpo.kiosk.sync.RosterPuller;
import jp.kenpo.kiosk.sync.SealedSubmitter;
import jp.kenpo.kiosk.sync.Sealer;
import jp.kenpo.kiosk.sync.SyncWorker;
import jp.kenpo.kiosk.testing.MutableClock;
import jp.kenpo.kiosk.testing.Registrations;
import jp.kenpo.kiosk.testing.SeededRandom;
import jp.kenpo.kiosk.testing.Unsealer;

/**
 * A kiosk upgraded from every schema version this software has shipped: a database is made at that
 * version with a kiosk's data in it — queued registrations sealed to the central service, the roster,
 * settings, the audit log, used resume codes — the current migrations run as at start-up, and nothing is
 * lost: the queued registrations are delivered over HTTP to the reference central server afterwards.
 */
class SchemaUpgradeTest {

    static final String TOKEN = "kiosk-k07-token";
    static final Instant T0 = Instant.parse("2026-11-20T01:00:00Z");
    /** The versions whose data {@link #fill} knows how to write; a new migration must be added there. */
    static final List<String> KNOWN = List.of("1", "2", "3", "4", "5");

    @TempDir
    Path dir;

    CentralServer server;

    @BeforeEach
    void start() throws Exception {
        server = CentralServer.start(CentralServer.Options.of(dir.resolve("central"), Unsealer.demoKey(), "demo-2026")
                .withDeviceTokens(Set.of(TOKEN)).withRandom(new Random(3)).withKeepClearData(true));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Every versioned migration this software carries, oldest first. */
    static Stream<String> versions() {
        return Arrays.stream(flyway(new SQLiteDataSource(), null).info().all())
                .map(MigrationInfo::getVersion).map(v -> v.getVersion());
    }

    static Flyway flyway(SQLiteDataSource ds, String target) {
        var cfg = Flyway.configure(Database.class.getClassLoader()).dataSource(ds).locations("classpath:db/migration");
        return (target == null ? cfg : cfg.target(target)).load();
    }

    @Test
    void everyShippedSchemaHasDataInThisTest() {
        assertThat(versions().toList())
                .as("a new migration: teach fill() the data of its schema, so that upgrades from it are tested")
                .isEqualTo(KNOWN);
    }

    /** Two registrations as the current software seals and queues them; rows to copy into an older database. */
    record Queued(String id, String receipt, Instant createdAt, byte[] sealed) {
    }

    private List<Queued> sealedRegistrations() throws Exception {
        Database scratch = Database.open(dir.resolve("scratch"));
        SqliteOutbox outbox = new SqliteOutbox(scratch);
        MutableClock clock = new MutableClock(T0);
        Sealer sealer = new Sealer(CentralKey.read(Path.of("kiosk-config/demo-central/central-public.pem")), "demo-2026",
                new SecureRandom());
        SealedSubmitter submitter = new SealedSubmitter("K07", sealer, outbox, clock, new SeededRandom(5));
        for (int i = 0; i < 2; i++) {
            submitter.submit(Registrations.finished(i).snapshot());
            clock.advance(Duration.ofMinutes(3));
        }
        List<Queued> rows = new ArrayList<>();
        try (Connection c = scratch.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT registration_id, receipt_number, created_at, sealed FROM outbox "
                     + "ORDER BY receipt_number")) {
            while (rs.next()) {
                rows.add(new Queued(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3)), rs.getBytes(4)));
            }
        }
        return rows;
    }

    /**
     * A kiosk's data written as the software of schema {@code version} wrote it: before version 2 the
     * outbox times were {@code Instant.toString()} and a waiting row had no next attempt.
     */
    private void fill(SQLiteDataSource ds, int version, List<Queued> queued) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO settings (key, value, updated_at) VALUES ('receipt.sequence', '2', "
                    + "'2026-11-20T01:03:00Z'), ('staff.note', 'カメラ交換済み', '2026-11-19T08:00:00Z')");
            s.executeUpdate("INSERT INTO audit_log (at, actor, action, detail) VALUES "
                    + "('2026-11-19T08:00:00Z', 'staff', 'unlock', NULL), ('2026-11-19T08:05:00Z', 'staff', 'pin-wrong', '1')");
            s.executeUpdate("INSERT INTO roster (match_key, card_key, insurer_number, member_type, status) VALUES "
                    + "('match-a', 'card-a', '01130012', 'insured', 'active'), "
                    + "('match-b', 'card-a', '01130012', 'dependent', 'already_verified'), "
                    + "('match-c', 'card-c', '01130012', 'insured', 'removed')");
            s.executeUpdate("INSERT INTO roster_sync (id, cursor, pulled_at) VALUES (1, 'cursor-41', '2026-11-19T07:00:00Z')");
            s.executeUpdate("INSERT INTO consumed_resume_tokens (resume_id, consumed_at) VALUES "
                    + "('resume-1', '2026-11-19T09:00:00Z')");
            if (version >= 3) {
                s.executeUpdate("INSERT INTO roster_used_here (match_key, receipt_number, marked_at) VALUES "
                        + "('match-a', 'K07-0001', '2026-11-20T01:00:00.000Z')");
            }
            try (PreparedStatement in = c.prepareStatement("INSERT INTO outbox (registration_id, receipt_number, "
                    + "created_at, state, attempts, next_attempt_at, last_error, size_bytes, sealed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < queued.size(); i++) {
                    Queued q = queued.get(i);
                    String at = version >= 2 ? SqliteOutboxTimes.fixed(q.createdAt()) : q.createdAt().toString();
                    in.setString(1, q.id());
                    in.setString(2, q.receipt());
                    in.setString(3, at);
                    // The first has been tried once and waits; the second was refused and waits for staff.
                    in.setString(4, i == 0 ? "waiting" : "needs_attention");
                    in.setInt(5, i == 0 ? 1 : 3);
                    // Staff's row is looked at again tomorrow (schema 1 had no next attempts at all).
                    String next = i == 0 ? at : SqliteOutboxTimes.fixed(q.createdAt().plus(Duration.ofDays(1)));
                    in.setString(6, version >= 2 ? next : null);
                    // The detail as this version wrote it; since schema 4 the reason also has its own code.
                    in.setString(7, i == 0 ? "network: no answer" : "422 not_eligible");
                    in.setInt(8, q.sealed().length);
                    in.setBytes(9, q.sealed());
                    in.executeUpdate();
                }
            }
            if (version >= 4) {
                s.executeUpdate("UPDATE outbox SET reason_code = CASE state WHEN 'waiting' THEN 'network' "
                        + "ELSE 'not_eligible' END");
            }
            if (version >= 5) {
                // Counts for the union: a session that ended on the card step, one sent registration.
                s.executeUpdate("INSERT INTO kiosk_counts (at, kind, step, seconds) VALUES "
                        + "('2026-11-20T00:50:00.000Z', 'started', NULL, NULL), "
                        + "('2026-11-20T00:51:00.000Z', 'step_time', 'CARD', 42.5), "
                        + "('2026-11-20T00:51:00.000Z', 'abandoned', 'CARD', NULL)");
                s.executeUpdate("INSERT INTO outbox_sent (sent_at) VALUES ('2026-11-20T00:40:00.000Z')");
            }
        }
    }

    @ParameterizedTest(name = "from schema {0}")
    @MethodSource("versions")
    void aKioskAtThisSchemaKeepsItsDataAndDeliversItsQueueAfterTheUpgrade(String version) throws Exception {
        List<Queued> queued = sealedRegistrations();
        Path data = dir.resolve("kiosk");
        java.nio.file.Files.createDirectories(data);
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + data.resolve(Database.FILE_NAME).toAbsolutePath());
        flyway(ds, version).migrate();
        fill(ds, Integer.parseInt(version), queued);

        Database db = Database.open(data); // what the new software does at start-up
        assertThat(db.schemaVersion()).isEqualTo(KNOWN.get(KNOWN.size() - 1));
        assertThat(db.integrityCheck()).isEqualTo("ok");

        SqliteSettingsRepository settings = new SqliteSettingsRepository(db, java.time.Clock.systemUTC());
        assertThat(settings.get("staff.note")).contains("カメラ交換済み");
        List<AuditLog.Entry> audit = new SqliteAuditLog(db, java.time.Clock.systemUTC()).recent(10);
        assertThat(audit).extracting(AuditLog.Entry::action).containsExactly("pin-wrong", "unlock");
        assertThat(audit.get(0).at()).isEqualTo(Instant.parse("2026-11-19T08:05:00Z"));
        SqliteRosterRepository roster = new SqliteRosterRepository(db);
        assertThat(roster.count()).isEqualTo(3);
        assertThat(roster.findByMatchKey("match-b")).contains(new RosterEntry("01130012", "card-a", "match-b",
                MemberType.DEPENDENT, RosterEntry.Status.ALREADY_VERIFIED));
        assertThat(roster.cardKnown("card-c")).isTrue();
        assertThat(roster.cursor()).contains("cursor-41");
        assertThat(roster.pulledAt()).contains(Instant.parse("2026-11-19T07:00:00Z"));
        if (Integer.parseInt(version) >= 3) {
            assertThat(roster.usedHere("match-a")).isTrue();
        }
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM consumed_resume_tokens WHERE resume_id = 'resume-1'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }

        Instant countsSince = Instant.parse("2026-11-20T00:00:00Z");
        var counts = new jp.kenpo.kiosk.store.SqliteKioskCounts(db, java.time.Clock.systemUTC()).counts(countsSince);
        if (Integer.parseInt(version) >= 5) {
            assertThat(counts.started()).isEqualTo(1);
            assertThat(counts.abandonedByStep()).containsEntry("CARD", 1);
            assertThat(counts.medianSecondsByStep()).containsEntry("CARD", 42.5);
        } else {
            assertThat(counts.started()).as("counts begin with schema 5").isZero();
        }

        SqliteOutbox outbox = new SqliteOutbox(db);
        assertThat(outbox.sentSince(countsSince)).isEqualTo(Integer.parseInt(version) >= 5 ? 1 : 0);
        var summary = outbox.summary();
        assertThat(summary.total()).isEqualTo(2);
        assertThat(summary.waiting()).isEqualTo(1);
        assertThat(summary.needsAttention()).isEqualTo(1);
        assertThat(summary.oldestWaiting()).isEqualTo(queued.get(0).createdAt());
        assertThat(summary.attention()).extracting(a -> a.receiptNumber()).containsExactly("K07-0002");
        assertThat(summary.attention().get(0).reason()).as("the staff screen's reason, from the code or the old text")
                .isEqualTo(DeliveryReason.NOT_ELIGIBLE);
        // The receipt numbers go on where they stopped: never K07-0001 a second time.
        assertThat(outbox.enqueue("after-upgrade", "K07", T0.plus(Duration.ofHours(1)), new byte[] {1}))
                .isEqualTo("K07-0003");
        outbox.delivered("after-upgrade");

        // The waiting registration is delivered to the central service, sealed bytes intact.
        MutableClock clock = new MutableClock(T0.plus(Duration.ofHours(2)));
        CentralClient client = new CentralClient(server.url(), TOKEN, null, Duration.ofSeconds(20));
        SyncWorker worker = new SyncWorker(outbox, client, clock, new SeededRandom(1), SyncWorker.Policy.standard(),
                new RosterPuller(client, roster, clock), "K07", () -> true);
        worker.runOnce();
        assertThat(server.registrationIds()).contains(queued.get(0).id());
        assertThat(server.plaintext(queued.get(0).id()).get("member").get("kanaName").asText()).isNotBlank();
        assertThat(outbox.pending(queued.get(0).id())).isEmpty();
        assertThat(outbox.pending(queued.get(1).id())).as("still waiting for staff").isPresent();
    }

    /** The outbox's time format since schema 2 (2026-12-01T02:00:00.000Z). */
    static final class SqliteOutboxTimes {
        static String fixed(Instant t) {
            return java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
                    .withZone(java.time.ZoneOffset.UTC).format(t);
        }
    }
}
