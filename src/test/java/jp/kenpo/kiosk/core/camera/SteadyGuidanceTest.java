package jp.kenpo.kiosk.core.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The sentence under a preview: what is shown for a run of frames, one every {@code step} ms. */
class SteadyGuidanceTest {

    static Stream<Arguments> runs() {
        return Stream.of(
                // frames (one key per frame), ms between frames, what is shown after each frame
                Arguments.of("A", 100, "A"),
                Arguments.of("A B B B B B B", 100, "A A A A A A B"),
                Arguments.of("A B A B A B A B A B", 250, "A A A A A A A A A A"),
                Arguments.of("A B C B C B C B C", 250, "A A A A A A A A A"),
                Arguments.of("A B B B", 250, "A A A B"),
                Arguments.of("A B B C C C", 250, "A A A A A C"),
                Arguments.of("A B B A B B B B", 200, "A A A A A A A B"),
                Arguments.of("A null null null", 250, "A A A null"),
                Arguments.of("null A A A", 250, "null null null A"));
    }

    @ParameterizedTest(name = "{0} every {1} ms → {2}")
    @MethodSource("runs")
    void aNewSentenceIsShownOnlyAfterItHeldHalfASecond(String frames, int step, String shown) {
        SteadyGuidance<String> g = new SteadyGuidance<>();
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        String[] keys = frames.split(" ");
        String[] want = shown.split(" ");
        StringBuilder got = new StringBuilder();
        for (String k : keys) {
            String s = g.offer(k.equals("null") ? null : k, t);
            got.append(got.length() == 0 ? "" : " ").append(s);
            t = t.plusMillis(step);
        }
        assertThat(got.toString()).isEqualTo(String.join(" ", want));
    }

    @ParameterizedTest(name = "hold {0} ms")
    @MethodSource("holds")
    void showAndClearTakeEffectAtOnce(int holdMs) {
        SteadyGuidance<String> g = new SteadyGuidance<>(Duration.ofMillis(holdMs));
        Instant t = Instant.EPOCH;
        assertThat(g.offer("A", t)).isEqualTo("A");
        g.show("camera gone");
        assertThat(g.offer("camera gone", t.plusMillis(1))).isEqualTo("camera gone");
        g.clear();
        assertThat(g.offer("B", t.plusMillis(2))).as("after clear the next sentence shows at once").isEqualTo("B");
        assertThat(g.offer("C", t.plusMillis(3))).isEqualTo("B");
        assertThat(g.offer("C", t.plusMillis(3 + holdMs))).isEqualTo("C");
    }

    static Stream<Integer> holds() {
        return Stream.of(100, 500, 2000);
    }
}
