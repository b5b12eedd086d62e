package jp.kenpo.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void createsTheFileInWalModeWithTheSchema() throws Exception {
        Database db = Database.open(dir.resolve("data"));
        assertThat(db.file()).exists().isEqualTo(dir.resolve("data").resolve("kiosk.db"));
        assertThat(db.schemaVersion()).isEqualTo("3");
        assertThat(db.integrityCheck()).isEqualTo("ok");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("settings", "audit_log", "outbox", "roster", "roster_sync", "roster_used_here",
                    "consumed_resume_tokens", "flyway_schema_history");
        }
    }

    @Test
    void reopeningKeepsDataAndDoesNotMigrateAgain() throws Exception {
        Database first = Database.open(dir);
        new SqliteSettingsRepository(first, java.time.Clock.systemUTC()).put("k", "v");
        Database second = Database.open(dir);
        assertThat(new SqliteSettingsRepository(second, java.time.Clock.systemUTC()).get("k")).contains("v");
        try (Connection c = second.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success = 1")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(3);
        }
    }

    @Test
    void aRegistrationQueuedUnderTheFirstSchemaIsDueAfterTheUpgrade() throws Exception {
        Path file = dir.resolve("kiosk.db");
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        org.flywaydb.core.Flyway.configure(Database.class.getClassLoader()).dataSource(ds)
                .locations("classpath:db/migration").target("1").load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO outbox (registration_id, receipt_number, created_at, state, attempts, "
                    + "size_bytes, sealed) VALUES ('old', 'K07-0001', '2026-11-22T01:00:00Z', 'waiting', 0, 3, x'010203')");
        }
        Database db = Database.open(dir);
        assertThat(db.schemaVersion()).isEqualTo("3");
        SqliteOutbox outbox = new SqliteOutbox(db);
        assertThat(outbox.due(java.time.Instant.parse("2026-11-22T01:00:00.001Z"), 10))
                .extracting(jp.kenpo.kiosk.core.port.RegistrationOutbox.Pending::registrationId).containsExactly("old");
        assertThat(outbox.summary().oldestWaiting()).isEqualTo(java.time.Instant.parse("2026-11-22T01:00:00Z"));
    }

    @Test
    void outboxRefusesAnUnknownState() throws Exception {
        Database db = Database.open(dir);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO outbox (registration_id, receipt_number, created_at, "
                    + "state, size_bytes, sealed) VALUES ('r1', 'K07-0001', '2026-11-22T00:00:00Z', 'lost', 1, x'00')"))
                    .hasMessageContaining("CHECK");
        }
    }

    @Test
    void aFileThatIsNotADatabaseGivesAClearError() throws Exception {
        Files.writeString(dir.resolve("kiosk.db"), "this is not a database, just text that fills the header area");
        assertThatThrownBy(() -> Database.open(dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot be migrated");
    }
}
