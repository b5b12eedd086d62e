package jp.kenpo.kiosk.core.config;

/**
 * @param mode      {@code smtp}, or {@code folder} (mail written as .eml files, for demos)
 * @param folder    where {@code folder} mode writes
 * @param security  {@code starttls}, {@code smtps} or {@code none} (loopback only)
 */
public record MailSettings(
        String mode, String folder, String host, Integer port, String security, String username,
        String password, String from) {
}
