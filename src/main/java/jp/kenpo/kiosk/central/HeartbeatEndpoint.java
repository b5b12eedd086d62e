package jp.kenpo.kiosk.central;

import java.io.IOException;
import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code POST /v1/heartbeat}: a kiosk's health, a JSON object kept as it came; 204. */
final class HeartbeatEndpoint implements Endpoint {

    private final HeartbeatStore store;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    HeartbeatEndpoint(HeartbeatStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
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
        store.addHeartbeat(kioskId.isBlank() ? "unknown" : kioskId, clock.instant(), h.toString());
        return Http.sendEmpty(r.exchange(), 204);
    }
}
