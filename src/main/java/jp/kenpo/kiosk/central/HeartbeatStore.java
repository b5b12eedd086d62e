package jp.kenpo.kiosk.central;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The last heartbeat of each kiosk in {@code central.db}, as it came. */
final class HeartbeatStore {

    private final CentralStore file;

    HeartbeatStore(CentralStore file) {
        this.file = file;
    }

    /** Keeps this heartbeat as the kiosk's last one: the kiosk's earlier ones are deleted in the same transaction. */
    void addHeartbeat(String kioskId, Instant at, String body) throws SQLException {
        try (Connection c = file.connect()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM heartbeats WHERE kiosk_id = ?")) {
                    del.setString(1, kioskId);
                    del.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO heartbeats (kiosk_id, received_at, body) VALUES (?, ?, ?)")) {
                    ps.setString(1, kioskId);
                    ps.setString(2, at.toString());
                    ps.setString(3, body);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** How many heartbeats are kept for a kiosk (one, once it sent any). */
    int count(String kioskId) throws SQLException {
        try (Connection c = file.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM heartbeats WHERE kiosk_id = ?")) {
            ps.setString(1, kioskId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.getInt(1);
            }
        }
    }

    Optional<String> lastHeartbeat(String kioskId) throws SQLException {
        try (Connection c = file.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT body FROM heartbeats WHERE kiosk_id = ? ORDER BY id DESC LIMIT 1")) {
            ps.setString(1, kioskId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
