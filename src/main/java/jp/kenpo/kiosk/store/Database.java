package jp.kenpo.kiosk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The kiosk's SQLite file ({@code kiosk.db} in the data directory): write-ahead logging, foreign
 * keys on, a busy timeout, and the versioned migrations of {@code db/migration} applied on open.
 *
 * <p>Once the database has been made, a marker beside it ({@code kiosk.db.created}) says so: from
 * then on a missing, empty (0 bytes) or blank database is an error naming the file, never a fresh
 * start that would lose the queue and begin the receipt numbers again at 0001.
 */
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    public static final String FILE_NAME = "kiosk.db";
    /** Written beside the database once it has been made; its presence means a database must be there. */
    public static final String MARKER_NAME = "kiosk.db.created";

    private final Path file;
    private final SQLiteDataSource dataSource;

    private Database(Path file, SQLiteDataSource dataSource) {
        this.file = file;
        this.dataSource = dataSource;
    }

    /**
     * Opens (creating if needed) the database in {@code dataDir} and migrates it to the newest schema.
     * The folder and the database's files are private to the kiosk's user ({@link PrivateFiles}).
     */
    public static Database open(Path dataDir) throws StoreException {
        return open(dataDir, settings());
    }

    /** {@link #open(Path)} with other connection settings (a page limit, in tests of a full disk). */
    static Database open(Path dataDir, SQLiteConfig settings) throws StoreException {
        try {
            PrivateFiles.folder(dataDir);
        } catch (IOException e) {
            throw new StoreException("the data directory " + dataDir + " cannot be created: " + e.getMessage(), e);
        }
        Path file = dataDir.resolve(FILE_NAME);
        Path marker = dataDir.resolve(MARKER_NAME);
        boolean made = Files.exists(marker);
        refuseLostDatabase(file, marker, made);
        SQLiteDataSource ds = new SQLiteDataSource(settings);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        Database db = new Database(file, ds);
        if (made && db.holdsNoSchema()) {
            throw new StoreException("the database " + file + " holds none of this kiosk's data although the kiosk has"
                    + " used it (" + marker + " is there): restore " + FILE_NAME + " from a backup; " + afresh(marker));
        }
        db.migrate();
        if (!made) {
            try {
                try (var out = PrivateFiles.newFile(marker)) {
                    out.write(("This kiosk's database " + FILE_NAME + " was made in this folder. While this file is"
                            + " here the kiosk\nrefuses to start without it, so that its queue and receipt numbers are"
                            + " never lost\nunnoticed. Delete this file only to start afresh on purpose.\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new StoreException("the file " + marker + " cannot be written: " + e.getMessage(), e);
            }
        }
        privateFiles(file);
        return db;
    }

    /** A database that existed and is now missing or truncated to nothing is never made again silently. */
    private static void refuseLostDatabase(Path file, Path marker, boolean made) throws StoreException {
        try {
            if (Files.exists(file) && Files.size(file) == 0) {
                throw new StoreException("the database " + file + " is empty (0 bytes): restore it from a backup; only"
                        + " if this kiosk has never registered anyone, delete the empty file to start afresh");
            }
        } catch (IOException e) {
            throw new StoreException("the database " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (made && !Files.exists(file)) {
            throw new StoreException("the database " + file + " is missing although this kiosk has used it (" + marker
                    + " is there): restore " + FILE_NAME + " from a backup; " + afresh(marker));
        }
    }

    private static String afresh(Path marker) {
        return "to start afresh on purpose (an empty queue, receipt numbers from 0001 again), delete " + marker;
    }

    /**
     * Makes a SQLite file and its companions ({@code -wal}, {@code -shm}, {@code -journal}) private.
     * SQLite creates the companions later with the database file's own permissions.
     */
    public static void privateFiles(Path file) throws StoreException {
        try {
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                PrivateFiles.file(file.resolveSibling(file.getFileName() + suffix));
            }
        } catch (IOException e) {
            throw new StoreException("the database " + file + " cannot be made private: " + e.getMessage(), e);
        }
    }

    /**
     * How the project opens SQLite: write-ahead logging, every commit synced to disk, foreign keys
     * on, a busy timeout, and deleted rows (a delivered registration's sealed images) overwritten,
     * not just unlinked.
     */
    public static SQLiteConfig settings() {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.enforceForeignKeys(true);
        cfg.setBusyTimeout(5000);
        cfg.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        return cfg;
    }

    /**
     * Applied migrations whose files this software changed only in their comments, as (version, checksum
     * shipped before, checksum now). Flyway's checksum covers comments too, so a kiosk upgraded from an
     * earlier release would otherwise refuse to start; such a record — and only with exactly the old
     * checksum — takes the new one before Flyway validates. Schema and data are not touched.
     */
    static final List<long[]> COMMENT_ONLY_EDITS = List.of(
            // V1: its two references to the central-service contract point at docs/central-service.md.
            new long[] {1, 89952405, 374533692});

    private void acceptCommentOnlyEdits() {
        try (Connection c = connect()) {
            try (ResultSet t = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
                if (!t.next()) {
                    return;
                }
            }
            try (PreparedStatement up = c.prepareStatement(
                    "UPDATE flyway_schema_history SET checksum = ? WHERE version = ? AND checksum = ?")) {
                for (long[] edit : COMMENT_ONLY_EDITS) {
                    up.setInt(1, (int) edit[2]);
                    up.setString(2, Long.toString(edit[0]));
                    up.setInt(3, (int) edit[1]);
                    if (up.executeUpdate() > 0) {
                        LOG.info("database {}: migration {} carries new comments only; its record takes the new checksum",
                                file.getFileName(), edit[0]);
                    }
                }
            }
        } catch (SQLException e) {
            // An unreadable file: the migration that follows says what is wrong with it.
            LOG.debug("migration records not read: {}", e.getMessage());
        }
    }

    private void migrate() throws StoreException {
        acceptCommentOnlyEdits();
        try {
            MigrateResult result = flyway().migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("database {} migrated to schema version {} ({} migrations)", file.getFileName(),
                        result.targetSchemaVersion, result.migrationsExecuted);
            }
        } catch (org.flywaydb.core.api.exception.FlywayValidateException e) {
            throw new StoreException("the database " + file + " cannot be migrated: " + e.getMessage()
                    + " — if this kiosk's software was changed on purpose, run the 'repair' command", e);
        } catch (RuntimeException e) {
            throw new StoreException("the database " + file + " cannot be migrated: " + e.getMessage(), e);
        }
    }

    /** What {@link #repair(Path)} found and did: one line per applied migration whose record it corrected. */
    public record Repair(Path file, List<String> corrected) {
    }

    /**
     * The applied migrations whose recorded checksum or description differs from the ones this
     * software carries (the reason a start-up stops with "cannot be migrated"), without changing anything.
     */
    public static Repair mismatches(Path dataDir) throws StoreException {
        Path file = existing(dataDir);
        try {
            List<String> found = new ArrayList<>();
            for (var invalid : flyway(file).validateWithResult().invalidMigrations) {
                found.add("version " + invalid.version + " (" + invalid.filepath + "): "
                        + invalid.errorDetails.errorMessage);
            }
            return new Repair(file, found);
        } catch (RuntimeException e) {
            throw new StoreException("the database " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Flyway's repair: the history of applied migrations takes the checksums and descriptions of the
     * migrations this software carries, and failed entries are removed. The tables and their rows are
     * not touched; the migrations not yet applied are applied by the next {@link #open(Path)}.
     */
    public static Repair repair(Path dataDir) throws StoreException {
        Repair before = mismatches(dataDir);
        try {
            flyway(before.file()).repair();
        } catch (RuntimeException e) {
            throw new StoreException("the database " + before.file() + " cannot be repaired: " + e.getMessage(), e);
        }
        LOG.info("database {} repaired: {} migration record(s) corrected", before.file().getFileName(),
                before.corrected().size());
        return before;
    }

    private static Path existing(Path dataDir) throws StoreException {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new StoreException("there is no database " + file);
        }
        return file;
    }

    /** Flyway on an existing file, for {@link #repair}: migrations not applied yet are no mismatch. */
    private static Flyway flyway(Path file) {
        SQLiteDataSource ds = new SQLiteDataSource(settings());
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return Flyway.configure(Database.class.getClassLoader())
                .dataSource(ds)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .ignoreMigrationPatterns("*:pending")
                .load();
    }

    /** Whether the file is a database without any of the kiosk's tables (an unreadable one is left to migrate). */
    private boolean holdsNoSchema() {
        try {
            return flyway().info().current() == null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    public Path file() {
        return file;
    }

    /** The schema version the file is at. */
    public String schemaVersion() throws StoreException {
        return flyway().info().current().getVersion().getVersion();
    }

    private Flyway flyway() {
        return Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
    }

    /** Runs SQLite's own consistency check; "ok" when the file is sound. */
    public String integrityCheck() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA quick_check")) {
            return rs.next() ? rs.getString(1) : "no answer";
        }
    }
}
