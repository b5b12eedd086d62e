package jp.kenpo.kiosk.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kenpo.kiosk.core.port.KioskCounts;
import jp.kenpo.kiosk.core.port.RegistrationOutbox;
import jp.kenpo.kiosk.core.session.DayCounts;

/**
 * {@code POST /v1/heartbeat}: this kiosk's version, queue counts, camera state, how often it
 * restarted lately and today's counts for the union — nothing personal (docs/central-service.md §10).
 */
final class Heartbeat {

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    private final RegistrationOutbox outbox;
    private final CentralClient client;
    private final String kioskId;
    private final String version;
    private final BooleanSupplier cameraOk;
    private final KioskCounts counts;
    private final IntSupplier recentStarts;
    private final Clock clock;

    Heartbeat(RegistrationOutbox outbox, CentralClient client, String kioskId, BooleanSupplier cameraOk,
              KioskCounts counts, IntSupplier recentStarts, Clock clock) {
        this.outbox = outbox;
        this.client = client;
        this.kioskId = kioskId;
        String v = Heartbeat.class.getPackage().getImplementationVersion();
        this.version = v == null ? "development" : v;
        this.cameraOk = cameraOk;
        this.counts = counts;
        this.recentStarts = recentStarts;
        this.clock = clock;
    }

    /** What is sent. */
    Map<String, Object> body() {
        RegistrationOutbox.Summary s = outbox.summary();
        Instant today = DayCounts.startOfDay(clock.instant(), clock.getZone());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kioskId", kioskId);
        body.put("version", version);
        body.put("queueWaiting", s.waiting());
        body.put("queueNeedsAttention", s.needsAttention());
        if (s.oldestWaiting() != null) {
            body.put("oldestWaitingAt", s.oldestWaiting().toString());
        }
        body.put("cameraOk", cameraOk.getAsBoolean());
        int starts = recentStarts.getAsInt();
        if (starts >= 0) {
            body.put("startsLast10Minutes", starts);
        }
        body.put("sentToday", outbox.sentSince(today));
        try {
            body.put("today", today(counts.counts(today)));
        } catch (RuntimeException e) {
            LOG.warn("today's counts left out of the heartbeat: {}", e.getMessage());
        }
        return body;
    }

    static Map<String, Object> today(DayCounts c) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("since", c.since().toString());
        t.put("sessionsStarted", c.started());
        t.put("finishedComplete", c.complete());
        t.put("finishedPending", c.pending());
        t.put("finishedAccountOnly", c.accountOnly());
        t.put("abandonedByStep", c.abandonedByStep());
        t.put("medianSecondsByStep", c.medianSecondsByStep());
        t.put("captureRetries", c.captureRetries());
        t.put("helpCalls", c.helpCalls());
        t.put("inPersonChecks", c.inPersonChecks());
        return t;
    }

    /** Sends one: the answer's status (204 when recorded), or -1 when nothing answered. */
    int send() {
        return client.heartbeat(body());
    }
}
