package jp.kenpo.kiosk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

import jp.kenpo.kiosk.core.port.SettingsRepository;

/** {@link SettingsRepository} over the {@code settings} table. */
public final class SqliteSettingsRepository implements SettingsRepository {

    private final Database db;
    private final Clock clock;

    public SqliteSettingsRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Optional<String> get(String key) {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new UncheckedStoreException("reading setting " + key, e);
        }
    }

    @Override
    public void put(String key, String value) {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
                             + "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.setString(3, clock.instant().toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new UncheckedStoreException("writing setting " + key, e);
        }
    }

    @Override
    public long increment(String key) {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO settings (key, value, updated_at) VALUES (?, '1', ?) "
                             + "ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT), "
                             + "updated_at = excluded.updated_at RETURNING value")) {
            ps.setString(1, key);
            ps.setString(2, clock.instant().toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Long.parseLong(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new UncheckedStoreException("counting " + key, e);
        }
    }
}
