package jp.kenpo.kiosk.core.port;

/**
 * What the kiosk does to bring staff when a member presses 「係員を呼ぶ」: a sound, and the site's own
 * command if one is configured (a light, a chat message). It never fails towards the member: what
 * goes wrong is logged for the IT administrator. Called off the JavaFX thread.
 */
public interface StaffAlert {

    /** Calls staff; {@code step} names where the member is (no member data). */
    void call(String step);

    /** An alert that does nothing, for kiosks and tests that call nobody. */
    StaffAlert NONE = step -> { };
}
