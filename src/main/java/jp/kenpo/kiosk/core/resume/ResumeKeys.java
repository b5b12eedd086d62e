package jp.kenpo.kiosk.core.resume;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.kenpo.kiosk.core.config.CentralSettings;
import jp.kenpo.kiosk.core.config.KioskConfig;

/** The Ed25519 public keys a kiosk trusts for resume tokens, by kid ({@code central.resumeKeys}). */
public final class ResumeKeys {

    /** A PEM public key file is a few hundred bytes; a larger file is not one. */
    static final long MAX_PEM_BYTES = 16 * 1024;

    private ResumeKeys() {
    }

    /** Reads an Ed25519 public key from a PEM file ({@code -----BEGIN PUBLIC KEY-----}, as {@code openssl pkey -pubout} writes it). */
    public static PublicKey readPublic(Path pem) throws IOException, GeneralSecurityException {
        if (Files.size(pem) > MAX_PEM_BYTES) {
            throw new GeneralSecurityException("the file is too large for a PEM public key");
        }
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        String head = "-----BEGIN PUBLIC KEY-----";
        int begin = text.indexOf(head);
        int end = text.indexOf("-----END PUBLIC KEY-----");
        if (begin < 0 || end < begin) {
            throw new GeneralSecurityException("not a PEM public key (" + head + ")");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + head.length(), end));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("the PEM public key is not base64", e);
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new GeneralSecurityException("not an Ed25519 public key", e);
        }
    }

    /** The configured keys, read from their files (checked at start-up by the configuration loader). */
    public static Map<String, PublicKey> trusted(KioskConfig config) throws IOException, GeneralSecurityException {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        if (config.central() != null) {
            for (CentralSettings.ResumeKey k : config.central().resumeKeys()) {
                keys.put(k.kid(), readPublic(config.resolve(k.publicKeyFile())));
            }
        }
        return keys;
    }
}
