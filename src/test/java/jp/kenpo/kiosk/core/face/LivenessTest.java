package jp.kenpo.kiosk.core.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.core.face.Liveness.State;
import jp.kenpo.kiosk.testing.MutableClock;
import jp.kenpo.kiosk.testing.SeededRandom;

class LivenessTest {

    private static final double CLOSED = 0.02;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T01:00:00Z"));

    private Liveness liveness(long seed) {
        return new Liveness(new SeededRandom(seed), clock, Duration.ofSeconds(20), 3, CLOSED);
    }

    /** Frames that do or do not show a pose: instruction, faces, yaw score, mouth score, shows it. */
    @ParameterizedTest(name = "{0}: faces {1}, yaw {2}, mouth {3} -> {4}")
    @CsvSource({
        "RIGHT, CLOSED, 1, 0.30, 0.02, true",
        "RIGHT, CLOSED, 1, 0.30, 0.15, false",   // mouth open
        "RIGHT, CLOSED, 1, -0.30, 0.02, false",  // the other way
        "RIGHT, CLOSED, 1, 0.12, 0.02, false",   // not turned far enough: a flat photo stays here
        "RIGHT, CLOSED, 2, 0.30, 0.02, false",   // two faces
        "RIGHT, CLOSED, 0, 0.30, 0.02, false",
        "RIGHT, OPEN, 1, 0.25, 0.20, true",
        "RIGHT, OPEN, 1, 0.25, 0.07, false",     // within the member's closed mouth + margin
        "RIGHT, CLOSED, 1, 0.30, 0.055, true",   // closed lips seen at a turn read a little above the frontal reference
        "LEFT, CLOSED, 1, -0.22, 0.03, true",
        "LEFT, OPEN, 1, -0.40, 0.35, true",
        "LEFT, OPEN, 1, 0.40, 0.35, false"})
    void aFrameShowsThePoseOnlyWhenDirectionTurnMouthAndFaceCountAllFit(Pose.Direction d, Pose.Mouth m, int faces,
                                                                        double yaw, double mouth, boolean shows) {
        assertThat(liveness(1).shows(new Pose(d, m), faces, yaw, mouth)).isEqualTo(shows);
    }

    @Test
    void passedOnceTheCameraTookThePoseAndNotAfterFailing() {
        Liveness l = liveness(2);
        assertThat(l.tick()).isEqualTo(State.WAITING);
        l.passed();
        assertThat(l.tick()).isEqualTo(State.PASSED);
        clock.advance(Duration.ofMinutes(5));
        assertThat(l.tick()).as("passed stays passed").isEqualTo(State.PASSED);
    }

    @Test
    void aNewDifferentInstructionAfterTheTimeLimitThenStaff() {
        Liveness l = liveness(3);
        Pose first = l.instruction();
        clock.advance(Duration.ofSeconds(19));
        assertThat(l.tick()).isEqualTo(State.WAITING);
        clock.advance(Duration.ofSeconds(1));
        assertThat(l.tick()).isEqualTo(State.NEW_INSTRUCTION);
        assertThat(l.instruction()).isNotEqualTo(first);
        assertThat(l.instructions()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(20));
        assertThat(l.tick()).isEqualTo(State.NEW_INSTRUCTION);
        clock.advance(Duration.ofSeconds(20));
        assertThat(l.tick()).isEqualTo(State.FAILED);
        l.passed();
        assertThat(l.state()).as("too late").isEqualTo(State.FAILED);
    }

    @Test
    void theInstructionIsDrawnFromTheRandomSourceAndNeverFrontal() {
        Set<Pose> seen = new HashSet<>();
        SeededRandom random = new SeededRandom(5);
        for (int i = 0; i < 40; i++) {
            Pose p = new Liveness(random, clock, Duration.ofSeconds(20), 3, CLOSED).instruction();
            assertThat(p.direction()).isNotEqualTo(Pose.Direction.FRONTAL);
            seen.add(p);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(Pose.INSTRUCTIONS);
        assertThat(Pose.INSTRUCTIONS).doesNotContain(Pose.FRONTAL_CLOSED);
        assertThat(new Pose(Pose.Direction.RIGHT, Pose.Mouth.OPEN).code()).isEqualTo("right_mouth_open");
        assertThat(Pose.FRONTAL_CLOSED.request().folder()).isEqualTo("face-frontal_mouth_closed");
    }
}
