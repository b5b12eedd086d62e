package jp.kenpo.kiosk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import jp.kenpo.kiosk.core.port.RegistrationOutbox;

/**
 * The outbox in SQLite: one row per sealed registration (table {@code outbox} of migration V1). The
 * receipt sequence lives in {@code settings} and moves in the same transaction as the insert.
 */
public final class SqliteOutbox implements RegistrationOutbox {

    static final String SEQUENCE = "receipt.sequence";

    private final Database db;

    public SqliteOutbox(Database db) {
        this.db = db;
    }

    @Override
    public String enqueue(String registrationId, String receiptPrefix, Instant createdAt, byte[] sealedEnvelope) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                long next;
                try (PreparedStatement up = c.prepareStatement(
                        "INSERT INTO settings (key, value, updated_at) VALUES (?, '1', ?) "
                                + "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1, updated_at = excluded.updated_at "
                                + "RETURNING value")) {
                    up.setString(1, SEQUENCE);
                    up.setString(2, createdAt.toString());
                    try (ResultSet rs = up.executeQuery()) {
                        rs.next();
                        next = Long.parseLong(rs.getString(1));
                    }
                }
                String receipt = receiptPrefix + "-" + String.format("%04d", next);
                try (PreparedStatement in = c.prepareStatement("INSERT INTO outbox (registration_id, receipt_number, "
                        + "created_at, state, attempts, size_bytes, sealed) VALUES (?, ?, ?, 'waiting', 0, ?, ?)")) {
                    in.setString(1, registrationId);
                    in.setString(2, receipt);
                    in.setString(3, createdAt.toString());
                    in.setInt(4, sealedEnvelope.length);
                    in.setBytes(5, sealedEnvelope);
                    in.executeUpdate();
                }
                c.commit();
                return receipt;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new UncheckedStoreException("queueing a registration", e);
        }
    }

    @Override
    public int waiting() {
        try (Connection c = db.connect(); PreparedStatement q = c.prepareStatement("SELECT count(*) FROM outbox");
             ResultSet rs = q.executeQuery()) {
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new UncheckedStoreException("reading the outbox", e);
        }
    }
}
