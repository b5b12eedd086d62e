package jp.kenpo.kiosk.testing;

import java.util.Random;

import jp.kenpo.kiosk.core.port.RandomSource;

/** A repeatable random source for tests. */
public final class SeededRandom implements RandomSource {

    private final Random r;

    public SeededRandom(long seed) {
        this.r = new Random(seed);
    }

    @Override
    public void nextBytes(byte[] into) {
        r.nextBytes(into);
    }

    @Override
    public int nextInt(int bound) {
        return r.nextInt(bound);
    }
}
