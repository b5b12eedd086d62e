package jp.kenpo.kiosk.core.port;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** What staff see of the delivery to the central service, and the one thing they may do: send now. */
public interface DeliveryQueue {

    /** What waits, and why (blocking: call it in the background). */
    RegistrationOutbox.Summary summary();

    /** When the central service last answered this kiosk (any answer), if it has since start-up. */
    Optional<Instant> lastContact();

    /** Sends everything waiting now, also what waits out a backoff; completes when the pass is over. */
    CompletableFuture<Void> sendNow();
}
