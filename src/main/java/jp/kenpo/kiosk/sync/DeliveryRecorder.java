package jp.kenpo.kiosk.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kenpo.kiosk.core.port.RandomSource;
import jp.kenpo.kiosk.core.port.RegistrationOutbox;
import jp.kenpo.kiosk.core.port.RegistrationOutbox.Pending;
import jp.kenpo.kiosk.core.text.LogText;
import jp.kenpo.kiosk.sync.CentralClient.Delivery;

/**
 * Sends one held registration and moves its outbox row by the answer: accepted — gone; a passing
 * failure — due again after the {@link Backoff}; refused — waits for staff; credential refused —
 * waits for staff and is still tried again slowly. Safe to use from several sender threads.
 */
final class DeliveryRecorder {

    /** Under the worker's name, as before this class was split from it: the administrator's log filters. */
    private static final Logger LOG = LoggerFactory.getLogger(SyncWorker.class);

    private final RegistrationOutbox outbox;
    private final CentralClient client;
    private final Clock clock;
    private final java.util.concurrent.atomic.AtomicInteger sending = new java.util.concurrent.atomic.AtomicInteger();
    private final RandomSource random;
    private final Backoff backoff;

    DeliveryRecorder(RegistrationOutbox outbox, CentralClient client, Clock clock, RandomSource random,
                     Backoff backoff) {
        this.outbox = outbox;
        this.client = client;
        this.clock = clock;
        this.random = random;
        this.backoff = backoff;
    }

    /** Sends one registration and records the answer; null when it was gone already. */
    Delivery deliver(Pending p) {
        Optional<byte[]> sealed = outbox.sealed(p.registrationId());
        if (sealed.isEmpty()) {
            return null;
        }
        sending.incrementAndGet();
        Delivery d;
        try {
            d = client.deliver(p.registrationId(), sealed.get());
            record(p, d, clock.instant());
        } finally {
            sending.decrementAndGet();
        }
        return d;
    }

    /** How many registrations are being sent at this moment. */
    int sending() {
        return sending.get();
    }

    private void record(Pending p, Delivery d, Instant now) {
        switch (d.outcome()) {
            case ACCEPTED -> {
                outbox.delivered(p.registrationId(), now);
                // The central service's own receipt number ties its record to this kiosk's for staff.
                LOG.info("{} delivered ({}, {}, central receipt {})", p.receiptNumber(), d.status(), d.httpStatus(),
                        d.receiptNumber() == null ? "-" : LogText.clean(d.receiptNumber(), 40));
            }
            case RETRY -> {
                Duration wait = backoff.afterFailure(p.attempts(), d.retryAfter(), random);
                outbox.retryLater(p.registrationId(), now.plus(wait), d.reason(), d.detail());
                LOG.info("{} not delivered ({}), next try in {} s", p.receiptNumber(), LogText.clean(d.detail(), 80),
                        wait.toSeconds());
            }
            case REJECTED -> {
                outbox.needsAttention(p.registrationId(), d.reason(), d.detail(), null);
                LOG.warn("{} refused by the central service ({}): staff must look", p.receiptNumber(),
                        LogText.clean(d.detail(), 80));
            }
            case UNAUTHORIZED -> {
                Duration wait = backoff.afterCredentialRefused(d.retryAfter());
                outbox.needsAttention(p.registrationId(), d.reason(), d.detail(), now.plus(wait));
                LOG.warn("{} not delivered: the central service refused this kiosk's credential", p.receiptNumber());
            }
        }
    }
}
