package jp.kenpo.kiosk.core.config;

import java.time.Duration;

/**
 * @param idleSeconds        a session with no touch for this long asks 「操作を続けますか?」 (default 90)
 * @param countdownSeconds   how long that question waits before the session is wiped (default 20)
 */
public record Timeouts(Integer idleSeconds, Integer countdownSeconds) {

    public Timeouts {
        idleSeconds = idleSeconds == null ? 90 : idleSeconds;
        countdownSeconds = countdownSeconds == null ? 20 : countdownSeconds;
    }

    public Duration idle() {
        return Duration.ofSeconds(idleSeconds);
    }

    public Duration countdown() {
        return Duration.ofSeconds(countdownSeconds);
    }
}
