package jp.kenpo.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.core.port.AuditLog;
import jp.kenpo.kiosk.testing.MutableClock;

/** What every {@link AuditLog} must do; run against SQLite and the in-memory one. */
abstract class AuditLogContract {

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T01:00:00Z"));

    protected abstract AuditLog log();

    @Test
    void emptyAtFirst() {
        assertThat(log().recent(10)).isEmpty();
    }

    @Test
    void newestFirstWithTimeActorActionDetail() {
        AuditLog log = log();
        log.record("staff", "staff-unlock", null);
        clock.advance(Duration.ofMinutes(1));
        log.record("staff", "retry-now", "3 registrations");
        List<AuditLog.Entry> recent = log.recent(10);
        assertThat(recent).extracting(AuditLog.Entry::action).containsExactly("retry-now", "staff-unlock");
        assertThat(recent.get(0).at()).isEqualTo(Instant.parse("2026-11-22T01:01:00Z"));
        assertThat(recent.get(0).detail()).isEqualTo("3 registrations");
        assertThat(recent.get(1).detail()).isNull();
        assertThat(recent.get(0).id()).isGreaterThan(recent.get(1).id());
    }

    @Test
    void limitIsHonoured() {
        AuditLog log = log();
        for (int i = 0; i < 5; i++) {
            log.record("kiosk", "event-" + i, null);
        }
        assertThat(log.recent(2)).extracting(AuditLog.Entry::action).containsExactly("event-4", "event-3");
    }
}
