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

/** Reads the central service's RSA public key from a PEM file ({@code -----BEGIN PUBLIC KEY-----}). */
public final class CentralKey {

    /** Shorter RSA keys are refused: the sealed registrations must stay unreadable for years. */
    public static final int MIN_BITS = 2048;

    private CentralKey() {
    }

    public static RSAPublicKey read(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN PUBLIC KEY-----");
        int end = text.indexOf("-----END PUBLIC KEY-----");
        if (begin < 0 || end < begin) {
            throw new GeneralSecurityException("not a PEM public key (-----BEGIN PUBLIC KEY-----)");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + 26, end));
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        if (key.getModulus().bitLength() < MIN_BITS) {
            throw new GeneralSecurityException("the RSA key has " + key.getModulus().bitLength() + " bits; at least "
                    + MIN_BITS + " are needed");
        }
        return key;
    }
}
