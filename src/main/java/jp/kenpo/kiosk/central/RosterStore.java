package jp.kenpo.kiosk.central;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jp.kenpo.kiosk.core.roster.RosterEntry;

/** The roster changes in {@code central.db}, in the order they were added ({@code seq}). */
final class RosterStore {

    /** One stored roster change, in its order ({@code seq}); {@code memberType} may be null. */
    record RosterChange(long seq, String insurerNumber, String cardKey, String matchKey, String memberType,
                        String status) {
    }

    private final CentralStore file;

    RosterStore(CentralStore file) {
        this.file = file;
    }

    void addRoster(List<RosterEntry> entries) throws SQLException {
        try (Connection c = file.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO roster_changes (insurer_number, card_key, match_key, member_type, status)
                    VALUES (?, ?, ?, ?, ?)""")) {
                for (RosterEntry e : entries) {
                    ps.setString(1, e.insurerNumber());
                    ps.setString(2, e.cardKey());
                    ps.setString(3, e.matchKey());
                    ps.setString(4, e.memberType() == null ? null : e.memberType().code());
                    ps.setString(5, e.status().code());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Up to {@code limit + 1} changes after {@code afterSeq}, oldest first. */
    List<RosterChange> rosterAfter(long afterSeq, int limit) throws SQLException {
        List<RosterChange> page = new ArrayList<>();
        try (Connection c = file.connect(); PreparedStatement ps = c.prepareStatement("""
                SELECT seq, insurer_number, card_key, match_key, member_type, status FROM roster_changes
                WHERE seq > ? ORDER BY seq LIMIT ?""")) {
            ps.setLong(1, afterSeq);
            ps.setInt(2, limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page.add(new RosterChange(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
        }
        return page;
    }
}
