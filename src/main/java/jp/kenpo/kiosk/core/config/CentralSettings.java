package jp.kenpo.kiosk.core.config;

/**
 * @param url           the central service's base URL (https; plain http only to loopback)
 * @param deviceToken   this kiosk's credential; usually {@code ${KIOSK_DEVICE_TOKEN}}
 * @param publicKeyFile the central service's RSA public key (PEM): finished registrations are
 *                      sealed to it before they are written to the kiosk's disk
 * @param keyId         the name of that key, sent with every sealed registration (key rotation)
 * @param caFile        optional: the certificate authority (PEM) that signed the central service's
 *                      certificate, when it is not one the system already trusts
 * @param embedded      optional, demonstrations only: run the reference central server inside the
 *                      kiosk on the loopback port of {@code url}
 */
public record CentralSettings(String url, String deviceToken, String publicKeyFile, String keyId, String caFile,
                              Embedded embedded) {

    /**
     * @param dataDir        where the reference server keeps its own database
     * @param privateKeyFile the private half of {@code publicKeyFile} (demo key only)
     */
    public record Embedded(String dataDir, String privateKeyFile) {
    }
}
