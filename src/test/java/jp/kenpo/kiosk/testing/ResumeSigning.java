package jp.kenpo.kiosk.testing;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

import jp.kenpo.kiosk.central.ResumeTokenIssuer;

/** Fresh Ed25519 keys for resume tokens, and an issuer signing with them at a fixed instant. */
public final class ResumeSigning {

    private ResumeSigning() {
    }

    public static KeyPair keyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Issues under {@code kid} with the private half of {@code keys}; its fresh resume ids are seeded. */
    public static ResumeTokenIssuer issuer(String kid, KeyPair keys, Instant now) {
        return new ResumeTokenIssuer(kid, keys.getPrivate(), Clock.fixed(now, ZoneOffset.UTC), new Random(1));
    }
}
