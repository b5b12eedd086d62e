package jp.kenpo.kiosk.core.config;

/**
 * @param pinHash          the staff PIN as a PBKDF2 PHC string ({@code hash-pin} makes one)
 * @param maxAttempts      wrong PINs before the pad locks (default 5)
 * @param lockoutSeconds   how long it stays locked (default 300)
 * @param idleSeconds      untouched this long, the staff screen and the PIN pad lock themselves and
 *                         the welcome screen returns (default 60)
 */
public record StaffSettings(String pinHash, Integer maxAttempts, Integer lockoutSeconds, Integer idleSeconds) {

    public StaffSettings {
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        lockoutSeconds = lockoutSeconds == null ? 300 : lockoutSeconds;
        idleSeconds = idleSeconds == null ? 60 : idleSeconds;
    }

    /** How long the staff screen or the PIN pad may stay untouched. */
    public java.time.Duration idle() {
        return java.time.Duration.ofSeconds(idleSeconds);
    }
}
