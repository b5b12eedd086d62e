package jp.kenpo.kiosk.central;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The kiosks' heartbeats in {@code central.db}, as they came. */
final class HeartbeatStore {

    private final CentralStore file;

    HeartbeatStore(CentralStore file) {
        this.file = file;
    }

    void addHeartbeat(String kioskId, Instant at, String body) throws SQLException {
        try (Connection c = file.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO heartbeats (kiosk_id, received_at, body) VALUES (?, ?, ?)")) {
            ps.setString(1, kioskId);
            ps.setString(2, at.toString());
            ps.setString(3, body);
            ps.executeUpdate();
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
