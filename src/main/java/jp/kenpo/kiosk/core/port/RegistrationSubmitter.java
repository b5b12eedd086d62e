package jp.kenpo.kiosk.core.port;

import jp.kenpo.kiosk.core.session.RegistrationOutcome;
import jp.kenpo.kiosk.core.session.RegistrationSnapshot;

/** Hands a finished registration on: sealed into the outbox, then (when it can) to the central service. */
public interface RegistrationSubmitter {

    /**
     * @param number  the receipt number the member is shown ({@code K07-0457})
     * @param outcome what the central service answered in time, or {@link RegistrationOutcome#QUEUED}
     *                when it did not (it waits in the outbox)
     */
    record Receipt(String number, RegistrationOutcome outcome) {

        /** Whether the central service already confirmed it (「完了しました」). */
        public boolean complete() {
            return outcome == RegistrationOutcome.COMPLETE;
        }
    }

    /**
     * Seals and queues a registration, taken from the session on the JavaFX thread. Blocking: call it
     * off the JavaFX thread. It does not keep the snapshot; the caller forgets it afterwards.
     */
    Receipt submit(RegistrationSnapshot registration);
}
