package jp.kenpo.kiosk.central;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.PrivateFiles;

/**
 * The reference central server's SQLite file ({@code central.db} in its data directory), migrated
 * from {@code db/central} — a schema of its own, never mixed with the kiosk's {@code db/migration}.
 * By default it holds metadata and hashes only: the opened registrations ({@code plaintext}) and
 * the signup drafts are written only when the server keeps clear data for debugging.
 * Write-ahead logging, synchronous FULL and a busy timeout as the kiosk's database; transactions
 * take the write lock when they begin, so a read-then-write never meets another writer midway.
 * It stores and reads registrations; the answers it keeps are made by the HTTP side ({@link FirstAnswers}).
 * Roster changes, signups and heartbeats have their own classes on the same file ({@link RosterStore},
 * {@link SignupStore}, {@link HeartbeatStore}).
 */
final class CentralStore {

    /** Under the server's name, as before the store logged this itself: the administrator's log filters. */
    private static final Logger LOG = LoggerFactory.getLogger(CentralServer.class);
    static final String FILE_NAME = "central.db";

    /** A stored first answer to a registration key. {@code fresh} when this call inserted it. */
    record Stored(String bodySha256, int answerStatus, String answerJson, boolean fresh) {
    }

    /**
     * What the server decided about a new registration before the conflict rules: either accepted
     * ({@code status} complete or pending_review, answer to be made here) or rejected with a
     * ready answer.
     */
    record Candidate(String registrationId, String bodySha256, String kioskId, Instant receivedAt, String status,
                     String personKey, String emailKey, String plaintext, int rejectStatus, String rejectJson) {

        boolean accepted() {
            return !"rejected".equals(status);
        }
    }

    /**
     * The first answers to a registration that the conflict rules decide, made by whoever speaks HTTP:
     * the store only keeps them with the registration, in the same transaction.
     */
    interface FirstAnswers {
        /** The acceptance (201) of a registration given its receipt number. */
        String accepted(String registrationId, String status, String receiptNumber);

        /** The refusal (409) by a conflict rule: {@code already_registered} or {@code email_in_use}. */
        String conflict(String error);
    }

    private final SQLiteDataSource dataSource;

    private CentralStore(SQLiteDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Opens (creating) {@code central.db} in {@code dataDir}. Without {@code keepClearData}, clear data an
     * earlier run kept is removed first.
     */
    static CentralStore open(Path dataDir, boolean keepClearData) throws IOException {
        CentralStore store = openAsIs(dataDir);
        if (keepClearData) {
            LOG.warn("central.db keeps opened registrations in clear (debugging only)");
            return store;
        }
        try {
            int forgotten = store.forgetClearData();
            if (forgotten > 0) {
                LOG.info("central.db: clear data of {} registrations or signups kept by an earlier run removed",
                        forgotten);
            }
        } catch (SQLException e) {
            throw new IOException("central.db: the clear data of an earlier run cannot be removed", e);
        }
        return store;
    }

    /** Opens (creating, migrating) {@code central.db} and leaves what it holds as it is (a tool beside a running server). */
    static CentralStore openAsIs(Path dataDir) throws IOException {
        PrivateFiles.folder(dataDir);
        SQLiteConfig cfg = Database.settings();
        cfg.setBusyTimeout(10_000);
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl("jdbc:sqlite:" + dataDir.resolve(FILE_NAME).toAbsolutePath());
        Flyway.configure(CentralStore.class.getClassLoader())
                .dataSource(ds)
                .locations("classpath:db/central")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        try {
            Database.privateFiles(dataDir.resolve(FILE_NAME));
        } catch (jp.kenpo.kiosk.store.StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new CentralStore(ds);
    }

    Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Removes the opened registrations and signup drafts an earlier run kept in clear, and truncates
     * the write-ahead log that still holds their pages (deleted content is overwritten: secure_delete).
     * Returns how many rows held clear data.
     */
    int forgetClearData() throws SQLException {
        try (Connection c = connect(); java.sql.Statement s = c.createStatement()) {
            int n = s.executeUpdate("UPDATE registrations SET plaintext = NULL WHERE plaintext IS NOT NULL")
                    + s.executeUpdate("UPDATE signups SET draft = NULL WHERE draft IS NOT NULL AND made_up = 0");
            if (n > 0) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return n;
        }
    }

    // --- registrations -------------------------------------------------------------------------

    Optional<Stored> find(String registrationId) throws SQLException {
        try (Connection c = connect()) {
            return find(c, registrationId);
        }
    }

    private static Optional<Stored> find(Connection c, String registrationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT body_sha256, answer_status, answer_json FROM registrations WHERE registration_id = ?")) {
            ps.setString(1, registrationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), false))
                        : Optional.empty();
            }
        }
    }

    /**
     * Applies the conflict rules and stores the registration together with its answer, in one
     * transaction; when the key was stored meanwhile (a concurrent send), returns that first
     * answer instead, not fresh. Serialized in this process, and the primary key guards the rest.
     */
    synchronized Stored register(Candidate r, FirstAnswers answers) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                Optional<Stored> existing = find(c, r.registrationId());
                if (existing.isPresent()) {
                    c.rollback();
                    return existing.get();
                }
                String status = r.status();
                int answerStatus = r.rejectStatus();
                String answer = r.rejectJson();
                Long seq = null;
                String receipt = null;
                if (r.accepted()) {
                    String conflict = taken(c, "person_key", r.personKey()) ? "already_registered"
                            : taken(c, "email_key", r.emailKey()) ? "email_in_use" : null;
                    if (conflict != null) {
                        status = "rejected";
                        answerStatus = 409;
                        answer = answers.conflict(conflict);
                    } else {
                        seq = nextReceiptSeq(c);
                        receipt = String.format("C%08d", seq);
                        answerStatus = 201;
                        answer = answers.accepted(r.registrationId(), status, receipt);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO registrations (registration_id, body_sha256, answer_status, answer_json, kiosk_id,
                            received_at, receipt_seq, receipt_number, status, person_key, email_key, plaintext)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    ps.setString(1, r.registrationId());
                    ps.setString(2, r.bodySha256());
                    ps.setInt(3, answerStatus);
                    ps.setString(4, answer);
                    ps.setString(5, r.kioskId());
                    ps.setString(6, r.receivedAt().toString());
                    ps.setObject(7, seq);
                    ps.setString(8, receipt);
                    ps.setString(9, status);
                    ps.setString(10, r.personKey());
                    ps.setString(11, r.emailKey());
                    ps.setString(12, r.plaintext());
                    ps.executeUpdate();
                }
                c.commit();
                return new Stored(r.bodySha256(), answerStatus, answer, true);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static boolean taken(Connection c, String column, String value) throws SQLException {
        if (value == null) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM registrations WHERE " + column + " = ? AND status <> 'rejected'")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static long nextReceiptSeq(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(receipt_seq), 0) + 1 FROM registrations");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    Set<String> registeredIds() throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT registration_id FROM registrations WHERE status <> 'rejected' ORDER BY receipt_seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    Optional<String> plaintext(String registrationId) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT plaintext FROM registrations WHERE registration_id = ?")) {
            ps.setString(1, registrationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
