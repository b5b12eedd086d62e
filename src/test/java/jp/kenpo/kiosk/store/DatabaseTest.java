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
        assertThat(db.schemaVersion()).isEqualTo("5");
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
            assertThat(rs.getInt(1)).isEqualTo(5);
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
        assertThat(db.schemaVersion()).isEqualTo("5");
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
    // ---- a database that existed is never made again silently ---------------------------------

    /** A kiosk that has issued K07-0001 and K07-0002, so that a fresh start would show in the next number. */
    private Path usedKiosk() throws Exception {
        Path data = dir.resolve("data");
        SqliteOutbox outbox = new SqliteOutbox(Database.open(data));
        outbox.enqueue("r1", "K07", java.time.Instant.parse("2026-11-22T01:00:00Z"), new byte[] {1});
        outbox.enqueue("r2", "K07", java.time.Instant.parse("2026-11-22T01:01:00Z"), new byte[] {2});
        return data;
    }

    @Test
    void aFirstStartMakesTheDatabaseAndMarksThatItExists() throws Exception {
        Path data = dir.resolve("new");
        Database db = Database.open(data);
        assertThat(db.file()).exists();
        assertThat(data.resolve(Database.MARKER_NAME)).exists();
        assertThat(new SqliteOutbox(db).enqueue("r1", "K07", java.time.Instant.parse("2026-11-22T01:00:00Z"),
                new byte[] {1})).isEqualTo("K07-0001");
    }

    @Test
    void aZeroByteDatabaseIsAnErrorNamingTheFileNotAFreshStart() throws Exception {
        Path data = usedKiosk();
        Path file = data.resolve(Database.FILE_NAME);
        Files.write(file, new byte[0]);
        Files.deleteIfExists(data.resolve(Database.FILE_NAME + "-wal"));
        Files.deleteIfExists(data.resolve(Database.FILE_NAME + "-shm"));

        assertThatThrownBy(() -> Database.open(data))
                .isInstanceOf(StoreException.class)
                .hasMessage("the database " + file + " is empty (0 bytes): restore it from a backup; only if this kiosk"
                        + " has never registered anyone, delete the empty file to start afresh");
        assertThat(file).isEmptyFile();
    }

    @Test
    void aMissingDatabaseAfterUseIsAnErrorNamingTheFileAndTheMarker() throws Exception {
        Path data = usedKiosk();
        Path file = data.resolve(Database.FILE_NAME);
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(data.resolve(Database.FILE_NAME + suffix));
        }

        assertThatThrownBy(() -> Database.open(data))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("the database " + file + " is missing although this kiosk has used it ("
                        + data.resolve(Database.MARKER_NAME) + " is there): restore kiosk.db from a backup;")
                .hasMessageEndingWith("delete " + data.resolve(Database.MARKER_NAME));
        assertThat(file).doesNotExist();
    }

    @Test
    void aBlankDatabaseInPlaceOfTheKiosksIsAnError() throws Exception {
        Path data = usedKiosk();
        Path file = data.resolve(Database.FILE_NAME);
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(data.resolve(Database.FILE_NAME + suffix));
        }
        org.sqlite.SQLiteDataSource blank = new org.sqlite.SQLiteDataSource(Database.settings());
        blank.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        blank.getConnection().close();
        assertThat(Files.size(file)).isPositive();

        assertThatThrownBy(() -> Database.open(data))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("the database " + file + " holds none of this kiosk's data");
    }

    @Test
    void deletingTheMarkerStartsAfreshOnPurpose() throws Exception {
        Path data = usedKiosk();
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(data.resolve(Database.FILE_NAME + suffix));
        }
        Files.delete(data.resolve(Database.MARKER_NAME));

        SqliteOutbox outbox = new SqliteOutbox(Database.open(data));

        assertThat(outbox.enqueue("r3", "K07", java.time.Instant.parse("2026-11-22T02:00:00Z"), new byte[] {3}))
                .isEqualTo("K07-0001");
    }

    @Test
    void aDatabaseFromBeforeTheMarkerOpensAndIsMarked() throws Exception {
        Path data = usedKiosk();
        Files.delete(data.resolve(Database.MARKER_NAME));

        SqliteOutbox outbox = new SqliteOutbox(Database.open(data));

        assertThat(data.resolve(Database.MARKER_NAME)).exists();
        assertThat(outbox.enqueue("r3", "K07", java.time.Instant.parse("2026-11-22T02:00:00Z"), new byte[] {3}))
                .isEqualTo("K07-0003");
    }

    @Test
    void aKioskFromTheReleaseBeforeTheCommentEditOfV1StartsAndAnyOtherChangeStillStops() throws Exception {
        Path data = dir.resolve("upgraded");
        Database.open(data);
        setChecksumOf1(data, 89952405); // as the release before wrote it
        Database.open(data);
        assertThat(checksumOf1(data)).isEqualTo(374533692);

        setChecksumOf1(data, 12345);
        assertThatThrownBy(() -> Database.open(data)).isInstanceOf(StoreException.class)
                .hasMessageContaining("repair");
    }

    private static void setChecksumOf1(Path data, int checksum) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE_NAME));
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE flyway_schema_history SET checksum = " + checksum + " WHERE version = '1'");
        }
    }

    private static int checksumOf1(Path data) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE_NAME));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT checksum FROM flyway_schema_history WHERE version = '1'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
