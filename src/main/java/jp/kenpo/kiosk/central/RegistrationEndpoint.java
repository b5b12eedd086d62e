package jp.kenpo.kiosk.central;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/**
 * {@code POST /v1/registrations}: the registration id as {@code Idempotency-Key}; every first answer
 * (201, 409, 422 for a well-keyed request) is stored with the registration before it is sent, and
 * replayed for the same bytes (a 201 as 200); other bytes under the same key are a 422.
 */
final class RegistrationEndpoint implements Endpoint {

    private final CentralStore store;
    private final RegistrationValidation validation;
    private final FaultInjection faults;
    private final long maxBodyBytes;
    private final ObjectMapper json = new ObjectMapper();

    RegistrationEndpoint(CentralStore store, RegistrationValidation validation, FaultInjection faults,
                         long maxBodyBytes) {
        this.store = store;
        this.validation = validation;
        this.faults = faults;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public int answer(Request r) throws Exception {
        HttpExchange ex = r.exchange();
        byte[] body = Http.readBody(ex, maxBodyBytes);
        if (body == null) {
            return Http.send(ex, 413, Answers.TOO_LARGE);
        }
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        if (!isUuid(key)) {
            return Http.send(ex, 422, Answers.problem("invalid", "the Idempotency-Key header must be a UUID",
                    List.of("Idempotency-Key")));
        }
        String sha = Http.sha256(body);
        Optional<CentralStore.Stored> existing = store.find(key);
        if (existing.isPresent()) {
            return answerStored(r, existing.get(), sha);
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(body);
        } catch (IOException e) {
            return Http.send(ex, 422, Answers.problem("invalid", "the body is not JSON", null));
        }
        if (envelope == null || !envelope.isObject() || !key.equals(envelope.path("registrationId").asText(null))) {
            return Http.send(ex, 422, Answers.problem("invalid", "registrationId must equal the Idempotency-Key",
                    List.of("registrationId")));
        }
        CentralStore.Stored stored = store.register(validation.evaluate(key, sha, envelope), Answers.INSTANCE);
        return answerStored(r, stored, sha);
    }

    private int answerStored(Request r, CentralStore.Stored s, String sha) throws IOException {
        if (!s.bodySha256().equals(sha)) {
            return Http.send(r.exchange(), 422, Answers.problem("idempotency_mismatch",
                    "this Idempotency-Key was first sent with another body", null));
        }
        if (faults.dropAfterCommit(r.faults())) {
            return Http.DROPPED;
        }
        int status = s.fresh() || s.answerStatus() != 201 ? s.answerStatus() : 200;
        return Http.send(r.exchange(), status, s.answerJson());
    }

    private static boolean isUuid(String s) {
        if (s == null || s.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(s).toString().equalsIgnoreCase(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
