package jp.kenpo.kiosk.central;

import java.io.IOException;
import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kenpo.kiosk.core.text.LogText;

/** {@code POST /v1/heartbeat}: a kiosk's health, a JSON object kept as it came (the last per kiosk) and logged; 204. */
final class HeartbeatEndpoint implements Endpoint {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HeartbeatEndpoint.class);

    private final HeartbeatStore store;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    HeartbeatEndpoint(HeartbeatStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** One line per heartbeat: the queue, the camera, restarts and today's counts (no personal data is ever sent). */
    private static void log(String kioskId, JsonNode h) {
        JsonNode t = h.path("today");
        LOG.info("heartbeat {}: waiting {}, needing attention {}, sent today {}, camera {}, starts in 10 min {}; "
                        + "today: {} started, {} complete, {} pending, {} account only, abandoned {}, median s {}, "
                        + "{} retries, {} help calls, {} in-person checks",
                LogText.clean(kioskId, 16), h.path("queueWaiting").asInt(), h.path("queueNeedsAttention").asInt(),
                h.path("sentToday").asText("-"), h.path("cameraOk").asText("-"), h.path("startsLast10Minutes").asText("-"),
                t.path("sessionsStarted").asText("-"), t.path("finishedComplete").asText("-"),
                t.path("finishedPending").asText("-"), t.path("finishedAccountOnly").asText("-"),
                LogText.clean(t.path("abandonedByStep").toString(), 400),
                LogText.clean(t.path("medianSecondsByStep").toString(), 600), t.path("captureRetries").asText("-"),
                t.path("helpCalls").asText("-"), t.path("inPersonChecks").asText("-"));
    }

    @Override
    public int answer(Request r) throws Exception {
        byte[] body = Http.readBody(r.exchange(), Http.SMALL_BODY);
        if (body == null) {
            return Http.send(r.exchange(), 413, Answers.TOO_LARGE);
        }
        JsonNode h;
        try {
            h = body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            h = null;
        }
        if (h == null || !h.isObject()) {
            return Http.send(r.exchange(), 400, Answers.problem("invalid", "the heartbeat is a JSON object", null));
        }
        String kioskId = h.path("kioskId").asText("");
        String id = kioskId.isBlank() ? "unknown" : kioskId;
        store.addHeartbeat(id, clock.instant(), h.toString());
        log(id, h);
        return Http.sendEmpty(r.exchange(), 204);
    }
}
