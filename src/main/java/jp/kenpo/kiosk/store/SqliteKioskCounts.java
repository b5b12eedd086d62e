package jp.kenpo.kiosk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kenpo.kiosk.core.port.KioskCounts;

/** {@link KioskCounts} over the {@code kiosk_counts} table (migration V5). Times in the outbox's fixed-width UTC form. */
public final class SqliteKioskCounts implements KioskCounts {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteKioskCounts.class);

    private final Database db;
    private final Clock clock;

    public SqliteKioskCounts(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void record(Kind kind, String step, Double seconds) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO kiosk_counts (at, kind, step, seconds) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, SqliteOutbox.time(clock.instant()));
            ps.setString(2, kind.code());
            ps.setString(3, step);
            if (seconds == null) {
                ps.setNull(4, java.sql.Types.REAL);
            } else {
                ps.setDouble(4, seconds);
            }
            ps.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            // A count is never worth an error in front of a member.
            LOG.warn("count {} not kept: {}", kind.code(), e.getMessage());
        }
    }

    @Override
    public List<Event> since(Instant since) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT at, kind, step, seconds FROM kiosk_counts WHERE at >= ? ORDER BY id")) {
            ps.setString(1, SqliteOutbox.time(since));
            List<Event> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double s = rs.getDouble(4);
                    Double seconds = rs.wasNull() ? null : s;
                    out.add(new Event(Instant.parse(rs.getString(1)), Kind.ofCode(rs.getString(2)), rs.getString(3),
                            seconds));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new UncheckedStoreException("reading the counts", e);
        }
    }
}
