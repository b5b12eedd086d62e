package jp.kenpo.kiosk.store;

/** The store cannot do what was asked; the message says why in words for the IT administrator. */
public final class StoreException extends Exception {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
