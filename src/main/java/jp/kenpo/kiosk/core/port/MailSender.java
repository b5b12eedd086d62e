package jp.kenpo.kiosk.core.port;

/** Sends a member a mail. Blocking (bounded by the sender's timeouts): call it off the JavaFX thread. */
public interface MailSender {

    /** A plain-text mail in one language. */
    record Mail(String to, String subject, String body) {
        @Override
        public String toString() {
            return "Mail[to=<hidden>, subject=" + subject + "]";
        }
    }

    /** The mail could not be handed over (server down, refused, timed out). */
    final class MailException extends Exception {
        public MailException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    void send(Mail mail) throws MailException;
}
