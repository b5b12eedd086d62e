package jp.kenpo.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kenpo.kiosk.core.port.AuditLog;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.SqliteAuditLog;
import jp.kenpo.kiosk.store.SqliteOutbox;
import jp.kenpo.kiosk.store.StoreException;
import jp.kenpo.kiosk.testing.Commands;
import jp.kenpo.kiosk.testing.TestConfigs;

/** {@code repair} on a real database whose record of an applied migration no longer matches the software's. */
class RepairCommandTest {

    @TempDir
    Path dir;

    Path config;
    Path data;

    @BeforeEach
    void kioskWithAChangedMigration() throws Exception {
        config = TestConfigs.demoCopy(dir);
        data = dir.resolve("target/kiosk-data");
        Database db = Database.open(data);
        new SqliteOutbox(db).enqueue("r1", "K07", Instant.parse("2026-11-22T01:00:00Z"), new byte[] {1, 2, 3});
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'");
        }
    }

    private int checksumOf2() throws Exception {
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + data.resolve(Database.FILE_NAME).toAbsolutePath());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT checksum FROM flyway_schema_history WHERE version = '2'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private Commands.Run withInput(String typed, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)));
        try {
            return Commands.run(args);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void theStartUpStopsAndSaysToRunRepair() {
        assertThatThrownBy(() -> Database.open(data)).isInstanceOf(StoreException.class)
                .hasMessageContaining("checksum").hasMessageContaining("'repair'");
        Commands.Run selftest = Commands.run("--config", config.toString(), "selftest");
        assertThat(selftest.out()).containsPattern("(?s)FAIL +database .*run the .repair. command");
    }

    @Test
    void withoutConfirmationNothingChanges() throws Exception {
        int altered = checksumOf2();
        Commands.Run run = withInput("yes\n", "--config", config.toString(), "repair");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("version 2").contains("Type REPAIR to continue");
        assertThat(run.err()).contains("not confirmed; nothing was changed");
        assertThat(checksumOf2()).isEqualTo(altered);
        assertThatThrownBy(() -> Database.open(data)).isInstanceOf(StoreException.class);

        Commands.Run noInput = withInput("", "--config", config.toString(), "repair");
        assertThat(noInput.exit()).isEqualTo(1);
        assertThat(checksumOf2()).isEqualTo(altered);
    }

    @Test
    void aTypedConfirmationRepairsKeepsTheDataAndLeavesAnAuditEntry() throws Exception {
        int altered = checksumOf2();
        Commands.Run run = withInput("REPAIR\n", "--config", config.toString(), "repair");
        assertThat(run.exit()).as(run.err()).isZero();
        String current = Database.open(dir.resolve("fresh")).schemaVersion();
        assertThat(run.out()).contains("repaired:").contains("schema " + current).contains("integrity ok");
        assertThat(checksumOf2()).isNotEqualTo(altered);

        Database db = Database.open(data);
        assertThat(new SqliteOutbox(db).pending("r1")).isPresent();
        AuditLog.Entry entry = new SqliteAuditLog(db, Clock.systemUTC()).recent(1).get(0);
        assertThat(entry.actor()).isEqualTo("admin");
        assertThat(entry.action()).isEqualTo(RepairCommand.AUDIT_ACTION);
        assertThat(entry.detail()).contains("1 migration record(s) corrected");
    }

    @Test
    void yesRepairsWithoutAskingAndASecondRepairFindsNothing() throws Exception {
        Commands.Run run = Commands.run("--config", config.toString(), "repair", "--yes");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("Type REPAIR");
        assertThat(Commands.run("--config", config.toString(), "selftest").out()).containsPattern("OK +database");

        Commands.Run again = Commands.run("--config", config.toString(), "repair", "--yes");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("nothing to repair");
        assertThat(new SqliteAuditLog(Database.open(data), Clock.systemUTC()).recent(10))
                .filteredOn(e -> e.action().equals(RepairCommand.AUDIT_ACTION)).hasSize(1);
    }
}
