package jp.kenpo.kiosk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jp.kenpo.kiosk.core.port.UsedResumeIds;

/**
 * {@link UsedResumeIds} over the {@code consumed_resume_tokens} table: the resume ids of registrations
 * submitted at this kiosk (written in the same transaction that queues such a registration).
 */
public final class SqliteUsedResumeIds implements UsedResumeIds {

    private final Database db;

    public SqliteUsedResumeIds(Database db) {
        this.db = db;
    }

    @Override
    public boolean used(String resumeId) {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM consumed_resume_tokens WHERE resume_id = ?")) {
            ps.setString(1, resumeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new UncheckedStoreException("reading the used resume ids", e);
        }
    }
}
