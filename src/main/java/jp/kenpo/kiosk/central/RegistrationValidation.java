package jp.kenpo.kiosk.central;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Opens and checks a new registration envelope (docs/central-service.md §5): the envelope's fields,
 * the seal, the Registration's required fields, and the rejections set for tests and demos. The result
 * is a {@link CentralStore.Candidate} — accepted (the conflict rules are applied when it is stored) or
 * rejected with its ready answer. The password is dropped here: this server keeps none.
 */
final class RegistrationValidation {

    private record Rejection(int status, String error) {
    }

    private final Unsealer unsealer;
    private final Clock clock;
    private final boolean keepClearData;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Rejection> rejections = new ConcurrentHashMap<>();

    RegistrationValidation(Unsealer unsealer, Clock clock, boolean keepClearData) {
        this.unsealer = unsealer;
        this.clock = clock;
        this.keepClearData = keepClearData;
    }

    /** See {@link CentralServer#reject(String, int, String)}. */
    void reject(String registrationId, int status, String error) {
        if (status != 409 && status != 422) {
            throw new IllegalArgumentException("a rejection is a 409 or a 422");
        }
        rejections.put(registrationId, new Rejection(status, error));
    }

    /** Opens and checks a new registration: accepted (conflicts are checked when it is stored) or rejected. */
    CentralStore.Candidate evaluate(String id, String sha, JsonNode envelope) {
        Instant now = clock.instant();
        String kioskId = envelope.path("kioskId").asText(null);
        List<String> missing = new ArrayList<>();
        if (kioskId == null || kioskId.isBlank()) {
            missing.add("kioskId");
        }
        if (!isDateTime(envelope.path("createdAt").asText(null))) {
            missing.add("createdAt");
        }
        JsonNode sealed = envelope.path("sealed");
        for (String field : List.of("alg", "keyId", "wrappedKey", "iv", "ciphertext")) {
            if (!sealed.path(field).isTextual()) {
                missing.add("sealed." + field);
            }
        }
        if (!missing.isEmpty()) {
            return rejected(id, sha, kioskId, now, 422, Answers.problem("invalid", "required fields are missing",
                    missing), null);
        }
        byte[] plain;
        try {
            plain = unsealer.open(id, sealed);
        } catch (GeneralSecurityException e) {
            String why = e instanceof Unsealer.UnknownKey ? e.getMessage()
                    : "the sealed registration does not open with the central key";
            return rejected(id, sha, kioskId, now, 422, Answers.problem("invalid", why, List.of("sealed")), null);
        }
        JsonNode r;
        try {
            r = json.readTree(plain);
        } catch (IOException e) {
            return rejected(id, sha, kioskId, now, 422, Answers.problem("invalid", "the plaintext is not JSON",
                    List.of("sealed")), null);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        if (r == null || !r.isObject()) {
            return rejected(id, sha, kioskId, now, 422, Answers.problem("invalid",
                    "the plaintext is not a Registration", List.of("sealed")), null);
        }
        ObjectNode registration = (ObjectNode) r;
        String password = registration.path("account").path("password").asText(null);
        if (password != null && registration.get("account") instanceof ObjectNode account) {
            // This server has no login: it keeps no password, not even a hash (a real central
            // service hashes it for the portal's login).
            account.remove("password");
            account.put("passwordReceived", true);
        }
        String stored = keepClearData ? registration.toString() : null;
        List<String> bad = invalidFields(registration, id, password != null);
        if (!bad.isEmpty()) {
            return rejected(id, sha, kioskId, now, 422, Answers.problem("invalid",
                    "the registration lacks required fields or has invalid ones", bad), stored);
        }
        Rejection rule = rejections.get(id);
        if (rule != null) {
            return rejected(id, sha, kioskId, now, rule.status(), Answers.problem(rule.error(),
                    "rejected by the central service", null), stored);
        }
        JsonNode card = registration.path("card");
        JsonNode member = registration.path("member");
        String personKey = Http.sha256(String.join("|", registration.path("insurerNumber").asText(),
                card.path("symbol").asText(), card.path("number").asText(), card.path("branch").asText(""),
                member.path("kanaName").asText(), member.path("birthDate").asText()).getBytes(StandardCharsets.UTF_8));
        String email = registration.path("account").path("email").asText("").strip();
        String emailKey = email.isEmpty() && registration.hasNonNull("resumeId") ? null
                : Http.sha256(email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        JsonNode medical = registration.get("medicalAccess");
        boolean review = medical != null && !medical.isNull() && !medical.path("livenessPassed").asBoolean(false);
        return new CentralStore.Candidate(id, sha, kioskId, now, review ? "pending_review" : "complete", personKey,
                emailKey, stored, 0, null);
    }

    private static CentralStore.Candidate rejected(String id, String sha, String kioskId, Instant now, int status,
                                                   String answer, String plaintext) {
        return new CentralStore.Candidate(id, sha, kioskId, now, "rejected", null, null, plaintext, status, answer);
    }

    /** The contract's required Registration fields that are missing or malformed, as dotted paths. */
    static List<String> invalidFields(JsonNode r, String id, boolean hasPassword) {
        List<String> bad = new ArrayList<>();
        if (!id.equals(r.path("registrationId").asText(null))) {
            bad.add("registrationId");
        }
        // A registration resumed from the app joins the account made there: no email or password of its own.
        boolean resumed = text(r, "resumeId") != null;
        for (String field : resumed ? List.of("kioskId", "insurerNumber", "card.symbol", "card.number",
                "member.kanaName") : List.of("kioskId", "insurerNumber", "card.symbol", "card.number", "member.kanaName",
                "account.email")) {
            if (text(r, field) == null) {
                bad.add(field);
            }
        }
        if (!isDateTime(text(r, "createdAt"))) {
            bad.add("createdAt");
        }
        String birth = text(r, "member.birthDate");
        try {
            if (birth == null) {
                bad.add("member.birthDate");
            } else {
                LocalDate.parse(birth);
            }
        } catch (DateTimeParseException e) {
            bad.add("member.birthDate");
        }
        if (!List.of("insured", "dependent", "voluntary_continuation").contains(String.valueOf(text(r, "member.memberType")))) {
            bad.add("member.memberType");
        }
        if (!hasPassword && !resumed) {
            bad.add("account.password");
        }
        if (!r.path("account").path("emailVerified").isBoolean()) {
            bad.add("account.emailVerified");
        }
        JsonNode medical = r.get("medicalAccess");
        if (medical != null && !medical.isNull() && !medical.isObject()) {
            bad.add("medicalAccess");
        }
        return bad;
    }

    private static String text(JsonNode r, String dotted) {
        JsonNode n = r;
        for (String part : dotted.split("\\.")) {
            n = n.path(part);
        }
        return n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
    }

    static boolean isDateTime(String s) {
        if (s == null) {
            return false;
        }
        try {
            OffsetDateTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
