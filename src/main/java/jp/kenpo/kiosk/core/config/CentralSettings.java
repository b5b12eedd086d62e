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
 * @param resumeKeys    the Ed25519 public keys, by kid, that sign the resume QR codes of signups
 *                      begun in the members' app (none: no code is trusted)
 */
public record CentralSettings(String url, String deviceToken, String publicKeyFile, String keyId, String caFile,
                              Embedded embedded, java.util.List<ResumeKey> resumeKeys) {

    public CentralSettings {
        // an empty entry stays, for the configuration check to name
        resumeKeys = resumeKeys == null ? java.util.List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(resumeKeys));
    }

    /**
     * @param kid           the key's name, as resume tokens state it
     * @param publicKeyFile the Ed25519 public key, PEM ({@code -----BEGIN PUBLIC KEY-----})
     */
    public record ResumeKey(String kid, String publicKeyFile) {
    }

    /**
     * @param dataDir        where the reference server keeps its own database
     * @param privateKeyFile the private half of {@code publicKeyFile} (demo key only)
     */
    public record Embedded(String dataDir, String privateKeyFile) {
    }
}
