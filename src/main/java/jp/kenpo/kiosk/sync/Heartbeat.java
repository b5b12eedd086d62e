package jp.kenpo.kiosk.sync;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import jp.kenpo.kiosk.core.port.RegistrationOutbox;

/** {@code POST /v1/heartbeat}: this kiosk's version, queue counts and camera state — nothing personal. */
final class Heartbeat {

    private final RegistrationOutbox outbox;
    private final CentralClient client;
    private final String kioskId;
    private final String version;
    private final BooleanSupplier cameraOk;

    Heartbeat(RegistrationOutbox outbox, CentralClient client, String kioskId, BooleanSupplier cameraOk) {
        this.outbox = outbox;
        this.client = client;
        this.kioskId = kioskId;
        String v = Heartbeat.class.getPackage().getImplementationVersion();
        this.version = v == null ? "development" : v;
        this.cameraOk = cameraOk;
    }

    /** What is sent. */
    Map<String, Object> body() {
        RegistrationOutbox.Summary s = outbox.summary();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kioskId", kioskId);
        body.put("version", version);
        body.put("queueWaiting", s.waiting());
        body.put("queueNeedsAttention", s.needsAttention());
        if (s.oldestWaiting() != null) {
            body.put("oldestWaitingAt", s.oldestWaiting().toString());
        }
        body.put("cameraOk", cameraOk.getAsBoolean());
        return body;
    }

    /** Sends one: the answer's status (204 when recorded), or -1 when nothing answered. */
    int send() {
        return client.heartbeat(body());
    }
}
