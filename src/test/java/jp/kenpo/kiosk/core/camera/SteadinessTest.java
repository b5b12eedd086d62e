package jp.kenpo.kiosk.core.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SteadinessTest {

    private static final double[] HERE = {0.2, 0.2, 0.8, 0.2, 0.8, 0.7, 0.2, 0.7};

    /** The same card moved right by {@code dx} (a share of the width). */
    private static double[] moved(double dx) {
        double[] c = HERE.clone();
        for (int i = 0; i < 8; i += 2) {
            c[i] += dx;
        }
        return c;
    }

    /**
     * Each row: a sequence of frames ("a" accepted in place, "m" accepted but moved 2 %, "s" moved
     * 0.5 %, "r" rejected, "n" not found) and after which frame (1-based) capture is due with 3
     * frames needed; 0 = never.
     */
    static Stream<Arguments> sequences() {
        return Stream.of(
                Arguments.of("aaa", 3),
                Arguments.of("aa", 0),
                Arguments.of("aaraaa", 6),
                Arguments.of("aanaaa", 6),
                Arguments.of("amaaa", 4),      // the moved frame starts a new run of one
                Arguments.of("asss", 3),       // small tremors still count as held still
                Arguments.of("rrrrrr", 0),
                Arguments.of("nnnnnn", 0),
                Arguments.of("amamam", 0));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("sequences")
    void capturesAfterEnoughStillAcceptedFrames(String frames, int dueAfter) {
        Steadiness s = new Steadiness(3, 0.01);
        int due = 0;
        double x = 0;
        for (int i = 0; i < frames.length() && due == 0; i++) {
            char f = frames.charAt(i);
            x += f == 'm' ? 0.02 : f == 's' ? 0.005 : 0;
            boolean ready = switch (f) {
                case 'r' -> s.offer(false, moved(x), 16 / 9.0);
                case 'n' -> s.offer(false, null, 16 / 9.0);
                default -> s.offer(true, moved(x), 16 / 9.0);
            };
            if (ready) {
                due = i + 1;
            }
        }
        assertThat(due).isEqualTo(dueAfter);
    }

    @ParameterizedTest(name = "{0} frames")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 5})
    void progressCountsTowardsOne(int needed) {
        Steadiness s = new Steadiness(needed, 0.01);
        assertThat(s.progress()).isZero();
        s.offer(true, HERE, 1.5);
        assertThat(s.progress()).isEqualTo(Math.min(1.0, 1.0 / needed));
        s.reset();
        assertThat(s.progress()).isZero();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, -1})
    void needsAtLeastOneFrame(int needed) {
        assertThatThrownBy(() -> new Steadiness(needed, 0.01)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "vertical move {0}")
    @org.junit.jupiter.params.provider.CsvSource({"0.005, true", "0.03, false"})
    void verticalMovesCountInWidthUnits(double dy, boolean still) {
        Steadiness s = new Steadiness(2, 0.01);
        s.offer(true, HERE, 16 / 9.0);
        double[] c = HERE.clone();
        for (int i = 1; i < 8; i += 2) {
            c[i] += dy;
        }
        assertThat(s.offer(true, c, 16 / 9.0)).isEqualTo(still);
    }
}
