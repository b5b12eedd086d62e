package jp.kenpo.kiosk.core.account;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import jp.kenpo.kiosk.core.port.RandomSource;

/**
 * A salted slow hash (PBKDF2-HMAC-SHA256) in PHC string form:
 * {@code $pbkdf2-sha256$i=310000,l=32$<salt>$<hash>} (base64 without padding). Used for the staff
 * PIN and the secret answer. Slow on purpose: call it off the JavaFX thread.
 */
public final class SlowHash {

    public static final int DEFAULT_ITERATIONS = 310_000;
    private static final String ID = "pbkdf2-sha256";
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private SlowHash() {
    }

    public static String hash(char[] secret, RandomSource random) {
        return hash(secret, random, DEFAULT_ITERATIONS);
    }

    public static String hash(char[] secret, RandomSource random, int iterations) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] dk = derive(secret, salt, iterations, 32);
        return "$" + ID + "$i=" + iterations + ",l=32$" + B64.encodeToString(salt) + "$" + B64.encodeToString(dk);
    }

    /** Whether {@code secret} matches the PHC string; false for a malformed string. */
    public static boolean verify(char[] secret, String phc) {
        Optional<Parsed> p = parse(phc);
        if (p.isEmpty()) {
            return false;
        }
        byte[] dk = derive(secret, p.get().salt, p.get().iterations, p.get().hash.length);
        return MessageDigest.isEqual(dk, p.get().hash);
    }

    /** Whether the string is a PHC string this class can verify. */
    public static boolean isWellFormed(String phc) {
        return parse(phc).isPresent();
    }

    /** The PBKDF2 rounds of a well-formed PHC string; empty for a malformed one. */
    public static java.util.OptionalInt iterations(String phc) {
        return parse(phc).map(p -> java.util.OptionalInt.of(p.iterations)).orElse(java.util.OptionalInt.empty());
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

    private static Optional<Parsed> parse(String phc) {
        if (phc == null) {
            return Optional.empty();
        }
        String[] parts = phc.split("\\$");
        // "", id, params, salt, hash
        if (parts.length != 5 || !parts[0].isEmpty() || !ID.equals(parts[1])) {
            return Optional.empty();
        }
        try {
            int iterations = -1;
            int length = -1;
            for (String kv : parts[2].split(",")) {
                String[] p = kv.split("=", 2);
                if (p.length != 2) {
                    return Optional.empty();
                }
                switch (p[0]) {
                    case "i" -> iterations = Integer.parseInt(p[1]);
                    case "l" -> length = Integer.parseInt(p[1]);
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            byte[] salt = B64D.decode(parts[3]);
            byte[] hash = B64D.decode(parts[4]);
            if (iterations < 1 || salt.length < 8 || hash.length < 16 || (length != -1 && length != hash.length)) {
                return Optional.empty();
            }
            return Optional.of(new Parsed(iterations, salt, hash));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] derive(char[] secret, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(secret, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
