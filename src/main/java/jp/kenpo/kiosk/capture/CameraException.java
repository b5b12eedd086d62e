package jp.kenpo.kiosk.capture;

/** A camera could not be opened; the message is a sentence for the administrator's log. */
public final class CameraException extends Exception {

    public CameraException(String message) {
        super(message);
    }

    public CameraException(String message, Throwable cause) {
        super(message, cause);
    }
}
