package jp.kenpo.kiosk.core.config;

/**
 * @param url           the central service's base URL (https; plain http only to loopback)
 * @param deviceToken   this kiosk's credential; usually {@code ${KIOSK_DEVICE_TOKEN}}
 * @param publicKeyFile the central service's RSA public key (PEM): finished registrations are
 *                      sealed to it before they are written to the kiosk's disk
 * @param keyId         the name of that key, sent with every sealed registration (key rotation)
 */
public record CentralSettings(String url, String deviceToken, String publicKeyFile, String keyId) {
}
