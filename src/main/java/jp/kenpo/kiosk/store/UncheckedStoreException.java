package jp.kenpo.kiosk.store;

import java.sql.SQLException;

/** A database failure inside a repository call; the message names the operation. */
public final class UncheckedStoreException extends RuntimeException {

    public UncheckedStoreException(String operation, SQLException cause) {
        super(operation + " failed: " + cause.getMessage(), cause);
    }
}
