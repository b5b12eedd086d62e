package jp.kenpo.kiosk.core.port;

import java.security.SecureRandom;

/** Randomness the core asks for: session ids, one-time codes, liveness instructions, salts. */
public interface RandomSource {

    void nextBytes(byte[] into);

    /** A uniformly chosen int in {@code [0, bound)}. */
    int nextInt(int bound);

    /** The production source: a {@link SecureRandom}. */
    static RandomSource secure() {
        SecureRandom r = new SecureRandom();
        return new RandomSource() {
            @Override
            public void nextBytes(byte[] into) {
                r.nextBytes(into);
            }

            @Override
            public int nextInt(int bound) {
                return r.nextInt(bound);
            }
        };
    }
}
