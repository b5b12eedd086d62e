package jp.kenpo.kiosk.app.config;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;

/**
 * The secrets the demonstration configuration ({@code kiosk-config/kiosk.yaml}) falls back to when
 * no environment variable is set. They are published with the kiosk, so a kiosk with
 * {@code kiosk.demo: false} refuses every one of them.
 */
final class DemoMaterial {

    /** The hash of the demo staff PIN 1234. */
    static final String PIN_HASH =
            "$pbkdf2-sha256$i=310000,l=32$8sSSF4UnJUzETti9B/Vm1g$uqEB00jBTmkiXx1tOuPuee812MCB2Ppqv5KnapJKV/8";

    /** The device credential the reference central server accepts by default. */
    static final String DEVICE_TOKEN = "demo-device-token";

    static final String ROSTER_KEY = "demo-roster-key-not-for-production";

    /**
     * SHA-256 of the demo central-service key ({@code demo-central/central-public.pem}, DER form):
     * its private half lies beside it, so registrations sealed to it are readable by anyone.
     */
    static final String CENTRAL_KEY_SHA256 = "a480d4afcfdcbd42a0bc5f94da0609d98cf169e87c9222f2ebfd056471d3523f";

    /**
     * SHA-256 of the demo resume-token key ({@code demo-central/resume-public.pem}, DER form): its
     * private half lies beside it, so anyone can sign QR codes a kiosk trusting it accepts.
     */
    static final String RESUME_KEY_SHA256 = "061a8d1a801ed8a6b7c046573ef6d1f9070711e8de38836f994832ca287c4a8f";

    private DemoMaterial() {
    }

    static boolean isDemoCentralKey(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest).equals(CENTRAL_KEY_SHA256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    static boolean isDemoResumeKey(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest).equals(RESUME_KEY_SHA256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
