package jp.kenpo.kiosk.store;

import java.sql.Connection;
import java.sql.SQLException;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** A database failure inside a repository call; the message names the operation. */
public final class UncheckedStoreException extends RuntimeException {

    public UncheckedStoreException(String operation, SQLException cause) {
        super(operation + " failed: " + describe(cause), cause);
    }

    /**
     * What went wrong in words for the IT administrator: a full disk (SQLITE_FULL) is named as such,
     * whatever else failed after it; otherwise the driver's message.
     */
    static String describe(SQLException e) {
        if (full(e)) {
            return "the disk is full (SQLITE_FULL): free space on the data directory's disk";
        }
        return e.getMessage();
    }

    private static boolean full(SQLException e) {
        if (e instanceof SQLiteException s && s.getResultCode() == SQLiteErrorCode.SQLITE_FULL) {
            return true;
        }
        for (Throwable t : e.getSuppressed()) {
            if (t instanceof SQLException s && full(s)) {
                return true;
            }
        }
        return e.getNextException() != null && full(e.getNextException());
    }

    /**
     * Rolls back after {@code failure} without hiding it: SQLite has already rolled back by itself after
     * some errors (a full disk among them), and then the rollback fails too — that failure is only
     * attached to the first, which the caller then throws.
     */
    static void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
