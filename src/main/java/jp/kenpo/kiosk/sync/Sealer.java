package jp.kenpo.kiosk.sync;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a registration to the central service's public key as the contract defines
 * ({@code RSA-OAEP-256/A256GCM}): a fresh AES-256 key per registration encrypts the JSON with GCM
 * (the registration id as associated data, the 16-byte tag appended), and RSA-OAEP with SHA-256 and
 * MGF1-SHA-256 wraps the key. Only the central service's private key opens it.
 */
public final class Sealer {

    public static final String ALG = "RSA-OAEP-256/A256GCM";
    /** RSA-OAEP with SHA-256 and MGF1-SHA-256 (Java's default OAEP uses MGF1-SHA-1). */
    public static final OAEPParameterSpec OAEP = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            PSource.PSpecified.DEFAULT);

    /** The sealed fields, base64 (standard, padded). */
    public record Sealed(String alg, String keyId, String wrappedKey, String iv, String ciphertext) {
    }

    private final PublicKey centralKey;
    private final String keyId;
    private final SecureRandom random;

    public Sealer(PublicKey centralKey, String keyId, SecureRandom random) {
        this.centralKey = centralKey;
        this.keyId = keyId;
        this.random = random;
    }

    public Sealed seal(String registrationId, byte[] plaintext) throws GeneralSecurityException {
        byte[] key = new byte[32];
        byte[] iv = new byte[12];
        random.nextBytes(key);
        random.nextBytes(iv);
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            aes.updateAAD(registrationId.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = aes.doFinal(plaintext);
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, centralKey, OAEP);
            byte[] wrapped = rsa.doFinal(key);
            Base64.Encoder b64 = Base64.getEncoder();
            return new Sealed(ALG, keyId, b64.encodeToString(wrapped), b64.encodeToString(iv),
                    b64.encodeToString(ciphertext));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
