package jp.kenpo.kiosk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import jp.kenpo.kiosk.core.member.MemberType;
import jp.kenpo.kiosk.core.port.RosterChanges;
import jp.kenpo.kiosk.core.port.RosterRepository;
import jp.kenpo.kiosk.core.roster.RosterEntry;

/** {@link RosterRepository} and {@link RosterChanges} over the {@code roster} table (keyed hashes only). */
public final class SqliteRosterRepository implements RosterRepository, RosterChanges {

    private static final String UPSERT = "INSERT OR REPLACE INTO roster "
            + "(match_key, card_key, insurer_number, member_type, status) VALUES (?, ?, ?, ?, ?)";

    private final Database db;

    public SqliteRosterRepository(Database db) {
        this.db = db;
    }

    @Override
    public Optional<RosterEntry> findByMatchKey(String matchKey) {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT insurer_number, card_key, match_key, member_type, status FROM roster WHERE match_key = ?")) {
            ps.setString(1, matchKey);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String type = rs.getString(4);
                return Optional.of(new RosterEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                        MemberType.fromCode(type), RosterEntry.Status.fromCode(rs.getString(5))));
            }
        } catch (SQLException e) {
            throw new UncheckedStoreException("looking up the roster", e);
        }
    }

    @Override
    public boolean cardKnown(String cardKey) {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM roster WHERE card_key = ? LIMIT 1")) {
            ps.setString(1, cardKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new UncheckedStoreException("looking up the roster", e);
        }
    }

    @Override
    public long count() {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM roster")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new UncheckedStoreException("counting the roster", e);
        }
    }

    @Override
    public void markUsedHere(String matchKey, String receiptNumber) {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO roster_used_here "
                     + "(match_key, receipt_number, marked_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")) {
            ps.setString(1, matchKey);
            ps.setString(2, receiptNumber);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new UncheckedStoreException("marking a roster entry as used", e);
        }
    }

    @Override
    public boolean usedHere(String matchKey) {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM roster_used_here WHERE match_key = ?")) {
            ps.setString(1, matchKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new UncheckedStoreException("looking up the roster", e);
        }
    }

    @Override
    public Optional<String> cursor() {
        try (Connection c = db.connect(); PreparedStatement q = c.prepareStatement("SELECT cursor FROM roster_sync WHERE id = 1");
             ResultSet rs = q.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new UncheckedStoreException("reading the roster cursor", e);
        }
    }

    @Override
    public Optional<java.time.Instant> pulledAt() {
        try (Connection c = db.connect(); PreparedStatement q = c.prepareStatement("SELECT pulled_at FROM roster_sync WHERE id = 1");
             ResultSet rs = q.executeQuery()) {
            return rs.next() && rs.getString(1) != null ? Optional.of(java.time.Instant.parse(rs.getString(1)))
                    : Optional.empty();
        } catch (SQLException e) {
            throw new UncheckedStoreException("reading the roster cursor", e);
        }
    }

    @Override
    public void applyPage(List<RosterEntry> changes, String nextCursor, java.time.Instant pulledAt) {
        try (Batch b = batch()) {
            for (RosterEntry e : changes) {
                b.addFromCentral(e);
            }
            b.cursor(nextCursor, pulledAt);
            b.commit();
        } catch (SQLException e) {
            throw new UncheckedStoreException("storing a page of roster changes", e);
        }
    }

    /** A write of many entries in one transaction; nothing is visible until {@link Batch#commit()}. */
    public Batch batch() throws SQLException {
        return new Batch(db.connect());
    }

    public static final class Batch implements AutoCloseable {
        private static final int FLUSH = 10_000;
        private final Connection c;
        private final PreparedStatement ps;
        private PreparedStatement unmark;
        private int pending;
        private boolean committed;

        Batch(Connection c) throws SQLException {
            this.c = c;
            c.setAutoCommit(false);
            this.ps = c.prepareStatement(UPSERT);
        }

        public void add(RosterEntry e) throws SQLException {
            ps.setString(1, e.matchKey());
            ps.setString(2, e.cardKey());
            ps.setString(3, e.insurerNumber());
            ps.setString(4, e.memberType() == null ? null : e.memberType().code());
            ps.setString(5, e.status().code());
            ps.addBatch();
            if (++pending >= FLUSH) {
                ps.executeBatch();
                pending = 0;
            }
        }

        /**
         * An entry as the central service's roster states it: besides {@link #add}, a "used here" mark
         * on the same person ends once the registration behind it has left this kiosk's outbox
         * (delivered), since from then on the central service's word is the one that holds. While the
         * registration still waits here, the central roster cannot know of it yet and the mark stays.
         */
        public void addFromCentral(RosterEntry e) throws SQLException {
            add(e);
            if (unmark == null) {
                unmark = c.prepareStatement("DELETE FROM roster_used_here WHERE match_key = ? "
                        + "AND receipt_number NOT IN (SELECT receipt_number FROM outbox)");
            }
            unmark.setString(1, e.matchKey());
            unmark.executeUpdate();
        }

        /** Records where the next incremental pull starts, in the same transaction as the entries. */
        public void cursor(String cursor, java.time.Instant pulledAt) throws SQLException {
            try (PreparedStatement u = c.prepareStatement("INSERT INTO roster_sync (id, cursor, pulled_at) VALUES (1, ?, ?) "
                    + "ON CONFLICT(id) DO UPDATE SET cursor = excluded.cursor, pulled_at = excluded.pulled_at")) {
                u.setString(1, cursor);
                u.setString(2, pulledAt.toString());
                u.executeUpdate();
            }
        }

        public void commit() throws SQLException {
            if (pending > 0) {
                ps.executeBatch();
                pending = 0;
            }
            c.commit();
            committed = true;
        }

        @Override
        public void close() throws SQLException {
            try {
                if (!committed) {
                    c.rollback();
                }
                ps.close();
                if (unmark != null) {
                    unmark.close();
                }
            } finally {
                c.close();
            }
        }
    }
}
