package jp.kenpo.kiosk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jp.kenpo.kiosk.core.port.AuditLog;

/** {@link AuditLog} over the {@code audit_log} table. */
public final class SqliteAuditLog implements AuditLog {

    private final Database db;
    private final Clock clock;

    public SqliteAuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void record(String actor, String action, String detail) {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, clock.instant().toString());
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, detail);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new UncheckedStoreException("writing the audit log", e);
        }
    }

    @Override
    public List<Entry> recent(int limit) {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT id, at, actor, action, detail FROM audit_log ORDER BY id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getString(5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new UncheckedStoreException("reading the audit log", e);
        }
    }
}
