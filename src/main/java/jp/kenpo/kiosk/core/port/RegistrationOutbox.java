package jp.kenpo.kiosk.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where finished registrations wait, sealed, until the central service has them. Besides the sealed
 * envelope only non-personal metadata is kept: state, attempts, next attempt, the last error, size.
 */
public interface RegistrationOutbox {

    /**
     * A registration due for delivery: its id (the idempotency key), what is known about earlier
     * tries, and its place in the queue ({@code position}: larger is newer).
     */
    record Pending(String registrationId, String receiptNumber, int attempts, int sizeBytes, long position) {
    }

    /**
     * One registration that needs staff: receipt number, attempts so far, the reason and its short
     * non-personal detail for the IT administrator ({@code "409 already_registered"}; may be null).
     */
    record Attention(String receiptNumber, Instant createdAt, int attempts, DeliveryReason reason, String detail) {
    }

    /** What staff and the {@code queue} command see. No personal data. */
    record Summary(int waiting, int needsAttention, Instant oldestWaiting, long bytes, List<Attention> attention) {
        public int total() {
            return waiting + needsAttention;
        }
    }

    /**
     * Stores a sealed registration and gives it the kiosk's next receipt number ({@code K07-0457}),
     * both in one transaction: either the registration is queued with its number, or nothing is.
     * It is due for delivery at once.
     *
     * @param receiptPrefix the kiosk's id
     */
    String enqueue(String registrationId, String receiptPrefix, Instant createdAt, byte[] sealedEnvelope);

    /**
     * The same for a registration resumed from the app's QR code: its resume id is recorded as used
     * (the consumed-tokens table) in the same transaction, so a code is spent exactly when its
     * registration is queued. An id already used refuses the whole: nothing is queued.
     */
    default String enqueue(String registrationId, String receiptPrefix, Instant createdAt, byte[] sealedEnvelope,
                           String resumeId) {
        if (resumeId != null) {
            throw new UnsupportedOperationException("this outbox cannot record resume ids");
        }
        return enqueue(registrationId, receiptPrefix, createdAt, sealedEnvelope);
    }

    /** How many registrations are held (waiting or needing attention). */
    int waiting();

    /** Up to {@code limit} registrations due at {@code now}, oldest first. */
    default List<Pending> due(Instant now, int limit) {
        return due(now, 0, limit);
    }

    /** Up to {@code limit} registrations due at {@code now} and newer than {@code after} (a position), oldest first. */
    List<Pending> due(Instant now, long after, int limit);

    /** One held registration, whatever its state. */
    Optional<Pending> pending(String registrationId);

    /** The sealed envelope of a held registration, or empty if it is gone (delivered meanwhile). */
    Optional<byte[]> sealed(String registrationId);

    /** The central service has it: the row and its sealed images are deleted. */
    void delivered(String registrationId);

    /**
     * The central service has it, acknowledged at {@code at}: deleted as by {@link #delivered(String)},
     * and counted among those sent that day ({@link #sentSince}).
     */
    default void delivered(String registrationId, Instant at) {
        delivered(registrationId);
    }

    /** How many registrations were delivered at or after {@code since}. */
    default int sentSince(Instant since) {
        return 0;
    }

    /**
     * Staff's 「再送する」: a registration that needs attention waits again, due at {@code now}, its
     * tries counted anew. False when no registration with this receipt number needs attention.
     */
    boolean resend(String receiptNumber, Instant now);

    /**
     * Staff's 「削除する」: a registration that needs attention is deleted for good — its sealed
     * envelope overwritten before the row goes (with SQLite's {@code secure_delete}, the freed pages
     * are overwritten too). False when no registration with this receipt number needs attention.
     */
    boolean erase(String receiptNumber);

    /**
     * A try failed for a passing reason (network, 5xx, 429): tried again at {@code next}. {@code detail}
     * is short and non-personal ({@code "503"}, {@code "network: ConnectException"}).
     */
    void retryLater(String registrationId, Instant next, DeliveryReason reason, String detail);

    /**
     * The central service refused it, or the kiosk's credential was refused: staff must look. With a
     * {@code next} time it is still tried again (slowly); without, only when staff re-queue it.
     */
    void needsAttention(String registrationId, DeliveryReason reason, String detail, Instant next);

    /** When the next held registration is due, if any is scheduled. */
    Optional<Instant> nextDue();

    Summary summary();
}
