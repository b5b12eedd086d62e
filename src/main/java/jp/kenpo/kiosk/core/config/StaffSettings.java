package jp.kenpo.kiosk.core.config;

/**
 * @param pinHash          the staff PIN as a PBKDF2 PHC string ({@code hash-pin} makes one)
 * @param maxAttempts      wrong PINs before the pad locks (default 5)
 * @param lockoutSeconds   how long it stays locked (default 300)
 */
public record StaffSettings(String pinHash, Integer maxAttempts, Integer lockoutSeconds) {

    public StaffSettings {
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        lockoutSeconds = lockoutSeconds == null ? 300 : lockoutSeconds;
    }
}
