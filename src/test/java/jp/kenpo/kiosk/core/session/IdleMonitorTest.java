package jp.kenpo.kiosk.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.core.session.IdleMonitor.Kind;
import jp.kenpo.kiosk.testing.MutableClock;

class IdleMonitorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T01:00:00Z"));
    private final IdleMonitor idle = new IdleMonitor(clock, Duration.ofSeconds(90), Duration.ofSeconds(20));

    @Test
    void activeUntilTheTimeout() {
        clock.advance(Duration.ofSeconds(89).plusMillis(999));
        assertThat(idle.state().kind()).isEqualTo(Kind.ACTIVE);
    }

    @Test
    void countsDownAfterTheTimeoutThenExpires() {
        clock.advance(Duration.ofSeconds(90));
        assertThat(idle.state()).isEqualTo(new IdleMonitor.State(Kind.COUNTDOWN, 20));
        clock.advance(Duration.ofMillis(500));
        assertThat(idle.state()).isEqualTo(new IdleMonitor.State(Kind.COUNTDOWN, 20));
        clock.advance(Duration.ofMillis(500));
        assertThat(idle.state()).isEqualTo(new IdleMonitor.State(Kind.COUNTDOWN, 19));
        clock.advance(Duration.ofSeconds(18).plusMillis(999));
        assertThat(idle.state()).isEqualTo(new IdleMonitor.State(Kind.COUNTDOWN, 1));
        clock.advance(Duration.ofMillis(1));
        assertThat(idle.state().kind()).isEqualTo(Kind.EXPIRED);
    }

    @Test
    void activityRestartsTheTimeout() {
        clock.advance(Duration.ofSeconds(100));
        assertThat(idle.state().kind()).isEqualTo(Kind.COUNTDOWN);
        idle.activity();
        assertThat(idle.state().kind()).isEqualTo(Kind.ACTIVE);
        clock.advance(Duration.ofSeconds(89));
        assertThat(idle.state().kind()).isEqualTo(Kind.ACTIVE);
        clock.advance(Duration.ofSeconds(31));
        assertThat(idle.state().kind()).isEqualTo(Kind.EXPIRED);
    }

    @Test
    void rejectsANonPositiveTimeout() {
        assertThatThrownBy(() -> new IdleMonitor(clock, Duration.ZERO, Duration.ofSeconds(20)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
