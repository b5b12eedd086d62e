package jp.kenpo.kiosk.core.config;

/**
 * @param mode      {@code smtp}, or {@code folder} (mail written as .eml files, for demos)
 * @param folder    where {@code folder} mode writes
 * @param security  {@code starttls}, {@code smtps} or {@code none} (loopback only)
 * @param timeoutSeconds connect and read timeout (default 10, at most 10: the member is waiting)
 */
public record MailSettings(
        String mode, String folder, String host, Integer port, String security, String username,
        String password, String from, Integer timeoutSeconds) {

    public MailSettings {
        timeoutSeconds = timeoutSeconds == null ? 10 : timeoutSeconds;
        security = security == null ? "starttls" : security;
    }
}
