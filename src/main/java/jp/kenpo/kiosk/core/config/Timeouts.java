package jp.kenpo.kiosk.core.config;

import java.time.Duration;

/**
 * @param idleSeconds        a session with no touch for this long asks 「操作を続けますか?」 (default 90)
 * @param countdownSeconds   how long that question waits before the session is wiped (default 20)
 * @param outcomeSeconds     how long the outcome screen (the receipt number) stays before the session
 *                           is wiped and the welcome screen returns by itself (default 30)
 */
public record Timeouts(Integer idleSeconds, Integer countdownSeconds, Integer outcomeSeconds) {

    public Timeouts {
        idleSeconds = idleSeconds == null ? 90 : idleSeconds;
        countdownSeconds = countdownSeconds == null ? 20 : countdownSeconds;
        outcomeSeconds = outcomeSeconds == null ? 30 : outcomeSeconds;
    }

    public Duration idle() {
        return Duration.ofSeconds(idleSeconds);
    }

    public Duration countdown() {
        return Duration.ofSeconds(countdownSeconds);
    }

    public Duration outcome() {
        return Duration.ofSeconds(outcomeSeconds);
    }
}
