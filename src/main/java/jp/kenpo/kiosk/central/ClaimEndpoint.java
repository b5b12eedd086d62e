package jp.kenpo.kiosk.central;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * {@code POST /v1/signups/{resumeId}/claim}: the draft of a signup begun in the members' app, once per
 * device — the first device to claim keeps it (only a SHA-256 of its token is kept); 404 for an
 * unknown id, 410 when expired or claimed by another device.
 */
final class ClaimEndpoint implements Endpoint {

    private final CentralStore store;
    /** Signup drafts by resume id, when the file does not keep them. */
    private final Map<String, String> drafts;
    private final Clock clock;

    ClaimEndpoint(CentralStore store, Map<String, String> drafts, Clock clock) {
        this.store = store;
        this.drafts = drafts;
        this.clock = clock;
    }

    @Override
    public int answer(Request r) throws Exception {
        Http.readBody(r.exchange(), Http.SMALL_BODY);
        String resumeId = r.params().get("resumeId");
        CentralStore.Claim c = store.claim(resumeId, Http.sha256(r.deviceToken().getBytes(StandardCharsets.UTF_8)),
                clock.instant());
        String draft = c.draft() != null ? c.draft() : drafts.get(resumeId);
        return switch (c.outcome()) {
            case CLAIMED -> draft != null ? Http.send(r.exchange(), 200, draft)
                    : Http.send(r.exchange(), 410, Answers.GONE);
            case NOT_FOUND -> Http.send(r.exchange(), 404, Answers.NOT_FOUND);
            case GONE -> Http.send(r.exchange(), 410, Answers.GONE);
        };
    }
}
