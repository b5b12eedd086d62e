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

    /** Pulls roster changes now; completes with how many were applied, or exceptionally when it could not. */
    CompletableFuture<Long> pullRosterNow();
}
