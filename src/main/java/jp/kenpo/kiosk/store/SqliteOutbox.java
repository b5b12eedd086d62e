package jp.kenpo.kiosk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.kenpo.kiosk.core.port.DeliveryReason;
import jp.kenpo.kiosk.core.port.RegistrationOutbox;

/**
 * The outbox in SQLite: one row per sealed registration (table {@code outbox} of migration V1; the reason
 * a registration is held is kept as a {@link DeliveryReason} code since V4, beside its detail text). The
 * receipt sequence lives in {@code settings} and moves in the same transaction as the insert. Rows
 * are taken in insertion order (oldest first); times are stored in one fixed-width UTC form so that
 * they compare as text.
 *
 * <p>Longer than 300 lines on purpose: it is the {@link RegistrationOutbox} port's one implementation,
 * a statement or two per method of the port on one table, sharing the row mapping and the transaction.
 */
public final class SqliteOutbox implements RegistrationOutbox {

    static final String SEQUENCE = "receipt.sequence";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int REASON_MAX = 200;
    private static final String PENDING = "registration_id, receipt_number, attempts, size_bytes, rowid";

    private final Database db;

    public SqliteOutbox(Database db) {
        this.db = db;
    }

    static String time(Instant t) {
        return TIME.format(t);
    }

    @Override
    public String enqueue(String registrationId, String receiptPrefix, Instant createdAt, byte[] sealedEnvelope) {
        return enqueue(registrationId, receiptPrefix, createdAt, sealedEnvelope, null);
    }

    @Override
    public String enqueue(String registrationId, String receiptPrefix, Instant createdAt, byte[] sealedEnvelope,
                          String resumeId) {
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
                        + "created_at, state, attempts, next_attempt_at, size_bytes, sealed) "
                        + "VALUES (?, ?, ?, 'waiting', 0, ?, ?, ?)")) {
                    in.setString(1, registrationId);
                    in.setString(2, receipt);
                    in.setString(3, time(createdAt));
                    in.setString(4, time(createdAt));
                    in.setInt(5, sealedEnvelope.length);
                    in.setBytes(6, sealedEnvelope);
                    in.executeUpdate();
                }
                if (resumeId != null) {
                    try (PreparedStatement used = c.prepareStatement(
                            "INSERT INTO consumed_resume_tokens (resume_id, consumed_at) VALUES (?, ?)")) {
                        used.setString(1, resumeId);
                        used.setString(2, time(createdAt));
                        used.executeUpdate();
                    }
                }
                c.commit();
                return receipt;
            } catch (SQLException | RuntimeException e) {
                UncheckedStoreException.rollback(c, e);
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

    @Override
    public List<Pending> due(Instant now, long after, int limit) {
        try (Connection c = db.connect(); PreparedStatement q = c.prepareStatement("SELECT " + PENDING
                + " FROM outbox WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= ? AND rowid > ? "
                + "ORDER BY rowid LIMIT ?")) {
            q.setString(1, time(now));
            q.setLong(2, after);
            q.setInt(3, limit);
            List<Pending> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(pending(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new UncheckedStoreException("reading the outbox", e);
        }
    }

    @Override
    public Optional<Pending> pending(String registrationId) {
        try (Connection c = db.connect(); PreparedStatement q = c.prepareStatement(
                "SELECT " + PENDING + " FROM outbox WHERE registration_id = ?")) {
            q.setString(1, registrationId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(pending(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new UncheckedStoreException("reading the outbox", e);
        }
    }

    @Override
    public Optional<byte[]> sealed(String registrationId) {
        try (Connection c = db.connect();
             PreparedStatement q = c.prepareStatement("SELECT sealed FROM outbox WHERE registration_id = ?")) {
            q.setString(1, registrationId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new UncheckedStoreException("reading the outbox", e);
        }
    }

    @Override
    public void delivered(String registrationId) {
        update("DELETE FROM outbox WHERE registration_id = ?", registrationId);
    }

    @Override
    public void delivered(String registrationId, Instant at) {
        inTransaction("recording a delivery", c -> {
            int n;
            try (PreparedStatement d = c.prepareStatement("DELETE FROM outbox WHERE registration_id = ?")) {
                d.setString(1, registrationId);
                n = d.executeUpdate();
            }
            if (n > 0) {
                try (PreparedStatement in = c.prepareStatement("INSERT INTO outbox_sent (sent_at) VALUES (?)")) {
                    in.setString(1, time(at));
                    in.executeUpdate();
                }
            }
            return n > 0;
        });
    }

    @Override
    public int sentSince(Instant since) {
        try (Connection c = db.connect();
             PreparedStatement q = c.prepareStatement("SELECT count(*) FROM outbox_sent WHERE sent_at >= ?")) {
            q.setString(1, time(since));
            try (ResultSet rs = q.executeQuery()) {
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new UncheckedStoreException("reading the outbox", e);
        }
    }

    @Override
    public boolean resend(String receiptNumber, Instant now) {
        return inTransaction("re-queueing a registration", c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE outbox SET state = 'waiting', attempts = 0, "
                    + "next_attempt_at = ?, reason_code = NULL, last_error = NULL "
                    + "WHERE receipt_number = ? AND state = 'needs_attention'")) {
                u.setString(1, time(now));
                u.setString(2, receiptNumber);
                return u.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean erase(String receiptNumber) {
        return inTransaction("deleting a registration", c -> {
            // The envelope is overwritten in place first, then the row deleted (secure_delete zeroes the freed pages).
            try (PreparedStatement u = c.prepareStatement("UPDATE outbox SET sealed = zeroblob(length(sealed)) "
                    + "WHERE receipt_number = ? AND state = 'needs_attention'")) {
                u.setString(1, receiptNumber);
                if (u.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement d = c.prepareStatement(
                    "DELETE FROM outbox WHERE receipt_number = ? AND state = 'needs_attention'")) {
                d.setString(1, receiptNumber);
                return d.executeUpdate() > 0;
            }
        });
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                UncheckedStoreException.rollback(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new UncheckedStoreException(what, e);
        }
    }

    @Override
    public void retryLater(String registrationId, Instant next, DeliveryReason reason, String detail) {
        update("UPDATE outbox SET state = 'waiting', attempts = attempts + 1, next_attempt_at = ?, reason_code = ?, "
                + "last_error = ? WHERE registration_id = ?", time(next), reason.code(), clip(detail), registrationId);
    }

    @Override
    public void needsAttention(String registrationId, DeliveryReason reason, String detail, Instant next) {
        update("UPDATE outbox SET state = 'needs_attention', attempts = attempts + 1, next_attempt_at = ?, "
                + "reason_code = ?, last_error = ? WHERE registration_id = ?", next == null ? null : time(next),
                reason.code(), clip(detail), registrationId);
    }

    @Override
    public Optional<Instant> nextDue() {
        try (Connection c = db.connect(); PreparedStatement q = c.prepareStatement(
                "SELECT min(next_attempt_at) FROM outbox WHERE next_attempt_at IS NOT NULL");
             ResultSet rs = q.executeQuery()) {
            String t = rs.getString(1);
            return t == null ? Optional.empty() : Optional.of(Instant.parse(t));
        } catch (SQLException e) {
            throw new UncheckedStoreException("reading the outbox", e);
        }
    }

    @Override
    public Summary summary() {
        try (Connection c = db.connect()) {
            int waiting = 0;
            int attention = 0;
            long bytes = 0;
            Instant oldest = null;
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT state, count(*), sum(size_bytes), min(created_at) FROM outbox GROUP BY state");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    bytes += rs.getLong(3);
                    if ("needs_attention".equals(rs.getString(1))) {
                        attention += rs.getInt(2);
                    } else {
                        waiting += rs.getInt(2);
                        Instant t = Instant.parse(rs.getString(4));
                        oldest = oldest == null || t.isBefore(oldest) ? t : oldest;
                    }
                }
            }
            List<Attention> list = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT receipt_number, created_at, attempts, reason_code, "
                    + "last_error FROM outbox WHERE state = 'needs_attention' ORDER BY rowid LIMIT 100");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    list.add(new Attention(rs.getString(1), Instant.parse(rs.getString(2)), rs.getInt(3),
                            DeliveryReason.ofCode(rs.getString(4)), rs.getString(5)));
                }
            }
            return new Summary(waiting, attention, oldest, bytes, List.copyOf(list));
        } catch (SQLException e) {
            throw new UncheckedStoreException("reading the outbox", e);
        }
    }

    private void update(String sql, String... args) {
        try (Connection c = db.connect(); PreparedStatement u = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                u.setString(i + 1, args[i]);
            }
            u.executeUpdate();
        } catch (SQLException e) {
            throw new UncheckedStoreException("updating the outbox", e);
        }
    }

    private static Pending pending(ResultSet rs) throws SQLException {
        return new Pending(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getLong(5));
    }

    private static String clip(String reason) {
        return reason == null || reason.length() <= REASON_MAX ? reason : reason.substring(0, REASON_MAX);
    }
}
