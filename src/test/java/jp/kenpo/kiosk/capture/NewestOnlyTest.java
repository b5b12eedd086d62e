package jp.kenpo.kiosk.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class NewestOnlyTest {

    /** A frame-like object: every field written by the producer must belong to the same frame. */
    static final class Box {
        long a;
        long b;
        final long[] data = new long[64];
    }

    @Test
    void handsOutOnlyTheNewestAndNothingTwice() {
        NewestOnly<Box> n = new NewestOnly<>(Box::new);
        assertThat(n.take()).isNull();
        for (long v = 1; v <= 3; v++) {
            n.back().a = v;
            n.publish();
        }
        assertThat(n.take().a).as("1 and 2 were dropped").isEqualTo(3);
        assertThat(n.take()).as("nothing new").isNull();
        n.back().a = 4;
        n.publish();
        assertThat(n.take().a).isEqualTo(4);
    }

    @Test
    void reusesThreeObjects() {
        NewestOnly<Box> n = new NewestOnly<>(Box::new);
        java.util.Set<Box> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 0; i < 100; i++) {
            seen.add(n.back());
            n.publish();
            Box b = n.take();
            if (b != null) {
                seen.add(b);
            }
        }
        assertThat(seen).hasSize(3);
    }

    @Test
    void aConsumerNeverSeesAHalfWrittenOrOlderFrame() throws Exception {
        NewestOnly<Box> n = new NewestOnly<>(Box::new);
        AtomicBoolean stop = new AtomicBoolean();
        Thread producer = new Thread(() -> {
            for (long v = 1; !stop.get(); v++) {
                Box b = n.back();
                b.a = v;
                java.util.Arrays.fill(b.data, v);
                b.b = v;
                n.publish();
            }
        });
        producer.start();
        long last = 0;
        int taken = 0;
        long deadline = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < deadline) {
            Box b = n.take();
            if (b == null) {
                continue;
            }
            taken++;
            long v = b.a;
            assertThat(b.b).isEqualTo(v);
            assertThat(b.data[0]).isEqualTo(v);
            assertThat(b.data[63]).isEqualTo(v);
            assertThat(v).isGreaterThan(last);
            last = v;
        }
        stop.set(true);
        producer.join();
        assertThat(taken).isGreaterThan(10);
        assertThat(last).as("frames were dropped, not queued").isGreaterThan(taken);
    }
}
