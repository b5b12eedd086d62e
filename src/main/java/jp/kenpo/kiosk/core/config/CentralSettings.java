package jp.kenpo.kiosk.core.config;

/**
 * @param url          the central service's base URL (https; plain http only to loopback)
 * @param deviceToken  this kiosk's credential; usually {@code ${KIOSK_DEVICE_TOKEN}}
 */
public record CentralSettings(String url, String deviceToken) {
}
