package jp.kenpo.kiosk.central;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Signups begun in the members' app, offered for claiming ({@link #offer}), and
 * {@code POST /v1/signups/{resumeId}/claim}: the draft, once per device — the first device to claim
 * keeps it (only a SHA-256 of its token is kept); 404 for an unknown id, 410 when expired or claimed
 * by another device. The drafts are kept in memory, for the server's lifetime, unless the server keeps
 * clear data in its file for debugging.
 */
final class SignupClaims implements Endpoint {

    private final SignupStore store;
    /** Signup drafts by resume id, when the file does not keep them. */
    private final Map<String, String> drafts = new ConcurrentHashMap<>();
    private final Clock clock;
    private final boolean keepClearData;
    private final ObjectMapper json = new ObjectMapper();

    SignupClaims(SignupStore store, Clock clock, boolean keepClearData) {
        this.store = store;
        this.clock = clock;
        this.keepClearData = keepClearData;
    }

    /** See {@link CentralServer#addSignup(String, String, Instant)}. */
    void offer(String resumeId, String draftJson, Instant expiresAt) throws SQLException {
        JsonNode draft;
        try {
            draft = json.readTree(draftJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the draft is not JSON", e);
        }
        if (!draft.isObject()) {
            throw new IllegalArgumentException("the draft is a JSON object");
        }
        ((ObjectNode) draft).put("resumeId", resumeId);
        String text = draft.toString();
        drafts.put(resumeId, text);
        store.addSignup(resumeId, keepClearData ? text : null, expiresAt);
    }

    @Override
    public int answer(Request r) throws Exception {
        Http.readBody(r.exchange(), Http.SMALL_BODY);
        String resumeId = r.params().get("resumeId");
        SignupStore.Claim c = store.claim(resumeId, Http.sha256(r.deviceToken().getBytes(StandardCharsets.UTF_8)),
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
