package jp.kenpo.kiosk.central;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;

import jp.kenpo.kiosk.sync.CentralKey;
import jp.kenpo.kiosk.sync.Sealer;

/**
 * Opens a {@code SealedRegistration} with the central service's private key, the reverse of the
 * kiosk's {@code Sealer} ({@code RSA-OAEP-256/A256GCM}, docs/central-service.md §4): RSA-OAEP with SHA-256
 * and MGF1-SHA-256 unwraps the 32-byte AES key, AES-256-GCM with the registration id as associated
 * data opens the JSON.
 */
public final class Unsealer {

    public static final String ALG = Sealer.ALG;

    /** The envelope names another algorithm or a key this unsealer does not hold. */
    public static final class UnknownKey extends GeneralSecurityException {
        UnknownKey(String message) {
            super(message);
        }
    }

    private final String keyId;
    private final PrivateKey key;

    /** An unsealer for envelopes naming {@code keyId}. */
    public Unsealer(String keyId, PrivateKey key) {
        this.keyId = keyId;
        this.key = key;
    }

    public String keyId() {
        return keyId;
    }

    /** Reads an RSA private key from a PEM file ({@code -----BEGIN PRIVATE KEY-----}, PKCS#8). */
    public static PrivateKey readPrivateKey(Path pem) throws IOException, GeneralSecurityException {
        byte[] der = CentralKey.pem(pem, "PRIVATE KEY");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /**
     * The plaintext of the envelope's {@code sealed} object; refuses another algorithm or another
     * key id. Throws when anything does not open (wrong key, altered bytes, moved to another id).
     */
    public byte[] open(String registrationId, JsonNode sealed) throws GeneralSecurityException {
        if (sealed == null || !sealed.isObject()) {
            throw new GeneralSecurityException("no sealed object");
        }
        if (!ALG.equals(sealed.path("alg").asText(null))) {
            throw new UnknownKey("unsupported alg");
        }
        if (!keyId.equals(sealed.path("keyId").asText(null))) {
            throw new UnknownKey("unknown keyId");
        }
        return open(key, registrationId, sealed.path("wrappedKey").asText(""), sealed.path("iv").asText(""),
                sealed.path("ciphertext").asText(""));
    }

    /** Opens the three base64 fields of a sealed registration with {@code key}. */
    public static byte[] open(PrivateKey key, String registrationId, String wrappedKey, String iv, String ciphertext)
            throws GeneralSecurityException {
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] wrapped;
        byte[] nonce;
        byte[] sealedBytes;
        try {
            wrapped = b64.decode(wrappedKey);
            nonce = b64.decode(iv);
            sealedBytes = b64.decode(ciphertext);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("not base64", e);
        }
        if (nonce.length != 12) {
            throw new GeneralSecurityException("the iv must be 12 bytes");
        }
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(Cipher.DECRYPT_MODE, key, Sealer.OAEP);
        byte[] aesKey = rsa.doFinal(wrapped);
        try {
            if (aesKey.length != 32) {
                throw new GeneralSecurityException("the wrapped key must be 32 bytes");
            }
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, nonce));
            aes.updateAAD(registrationId.getBytes(StandardCharsets.UTF_8));
            return aes.doFinal(sealedBytes);
        } finally {
            Arrays.fill(aesKey, (byte) 0);
        }
    }
}
