package jp.kenpo.kiosk.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads the central service's RSA public key from a PEM file ({@code -----BEGIN PUBLIC KEY-----}), and PEM files in general. */
public final class CentralKey {

    /** Shorter RSA keys are refused: the sealed registrations must stay unreadable for years. */
    public static final int MIN_BITS = 2048;

    private CentralKey() {
    }

    public static RSAPublicKey read(Path pem) throws IOException, GeneralSecurityException {
        byte[] der = pem(pem, "PUBLIC KEY");
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        if (key.getModulus().bitLength() < MIN_BITS) {
            throw new GeneralSecurityException("the RSA key has " + key.getModulus().bitLength() + " bits; at least "
                    + MIN_BITS + " are needed");
        }
        return key;
    }

    /**
     * The DER bytes between {@code -----BEGIN label-----} and {@code -----END label-----} of a PEM
     * file (the caller overwrites them when they are secret).
     */
    public static byte[] pem(Path file, String label) throws IOException, GeneralSecurityException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String head = "-----BEGIN " + label + "-----";
        int begin = text.indexOf(head);
        int end = text.indexOf("-----END " + label + "-----");
        if (begin < 0 || end < begin) {
            throw new GeneralSecurityException("not a PEM " + label.toLowerCase(java.util.Locale.ROOT) + " (" + head + ")");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(begin + head.length(), end));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("the PEM " + label.toLowerCase(java.util.Locale.ROOT) + " is not base64", e);
        }
    }
}
