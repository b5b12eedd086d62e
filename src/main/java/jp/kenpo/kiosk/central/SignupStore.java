package jp.kenpo.kiosk.central;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Signups begun in the members' app in {@code central.db}: expiry, who claimed them, and the draft only when kept. */
final class SignupStore {

    enum ClaimOutcome { CLAIMED, NOT_FOUND, GONE }

    record Claim(ClaimOutcome outcome, String draft) {
    }

    private final CentralStore file;

    SignupStore(CentralStore file) {
        this.file = file;
    }

    /** {@code draft} null: kept elsewhere (in memory), not in the file. */
    void addSignup(String resumeId, String draft, Instant expiresAt) throws SQLException {
        addSignup(resumeId, draft, expiresAt, false);
    }

    /**
     * {@code madeUp}: a demonstration draft the server made up itself (no member's data), kept in the
     * file across restarts.
     */
    void addSignup(String resumeId, String draft, Instant expiresAt, boolean madeUp) throws SQLException {
        try (Connection c = file.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT OR REPLACE INTO signups (resume_id, draft, expires_at, made_up) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, resumeId);
            ps.setString(2, draft);
            ps.setString(3, expiresAt.toString());
            ps.setInt(4, madeUp ? 1 : 0);
            ps.executeUpdate();
        }
    }

    /**
     * Single use: the first device to claim keeps it; the same device may claim again. A claimed
     * signup's draft is null when the file does not hold it.
     */
    Claim claim(String resumeId, String deviceHash, Instant now) throws SQLException {
        try (Connection c = file.connect()) {
            c.setAutoCommit(false);
            try {
                String draft;
                String claimedBy;
                Instant expires;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT draft, expires_at, claimed_by FROM signups WHERE resume_id = ?")) {
                    ps.setString(1, resumeId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            c.rollback();
                            return new Claim(ClaimOutcome.NOT_FOUND, null);
                        }
                        draft = rs.getString(1);
                        expires = Instant.parse(rs.getString(2));
                        claimedBy = rs.getString(3);
                    }
                }
                if (!now.isBefore(expires) || (claimedBy != null && !claimedBy.equals(deviceHash))) {
                    c.rollback();
                    return new Claim(ClaimOutcome.GONE, null);
                }
                if (claimedBy == null) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE signups SET claimed_by = ?, claimed_at = ? WHERE resume_id = ?")) {
                        ps.setString(1, deviceHash);
                        ps.setString(2, now.toString());
                        ps.setString(3, resumeId);
                        ps.executeUpdate();
                    }
                }
                c.commit();
                return new Claim(ClaimOutcome.CLAIMED, draft);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
