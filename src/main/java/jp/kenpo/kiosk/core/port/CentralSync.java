package jp.kenpo.kiosk.core.port;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What staff see of the kiosk's link to the central service — the delivery queue and the roster
 * cache — and what they may do about it: send now, pull the roster now.
 */
public interface CentralSync {

    /** What waits, and why (blocking: call it in the background). */
    RegistrationOutbox.Summary summary();

    /** When the central service last answered this kiosk (any answer), if it has since start-up. */
    Optional<Instant> lastContact();

    /** Sends everything waiting now, also what waits out a backoff; completes when the pass is over. */
    CompletableFuture<Void> sendNow();

    /** When roster changes were last pulled from the central service, if ever (blocking). */
    Optional<Instant> rosterPulledAt();

    /** How many registrations are being sent at this moment. */
    default int sending() {
        return 0;
    }

    /** How many registrations the central service acknowledged at or after {@code since} (blocking). */
    default int sentSince(Instant since) {
        return 0;
    }

    /**
     * 「再送する」: a registration that needs staff waits to be sent again (blocking). False when no
     * registration with this receipt number needs staff (sent or deleted meanwhile).
     */
    boolean resend(String receiptNumber);

    /**
     * 「削除する」: a registration that needs staff is deleted for good, its sealed envelope overwritten
     * (blocking). False when no registration with this receipt number needs staff.
     */
    boolean erase(String receiptNumber);

    /** Pulls roster changes now; completes with how many were applied, or exceptionally when it could not. */
    CompletableFuture<Long> pullRosterNow();
}
