package jp.kenpo.kiosk.core.port;

import java.time.Instant;

/** Where finished registrations wait, sealed, until the central service has them. */
public interface RegistrationOutbox {

    /**
     * Stores a sealed registration and gives it the kiosk's next receipt number ({@code K07-0457}),
     * both in one transaction: either the registration is queued with its number, or nothing is.
     *
     * @param receiptPrefix the kiosk's id
     */
    String enqueue(String registrationId, String receiptPrefix, Instant createdAt, byte[] sealedEnvelope);

    /** How many registrations are waiting. */
    int waiting();
}
