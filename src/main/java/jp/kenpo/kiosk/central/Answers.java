package jp.kenpo.kiosk.central;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON bodies the reference server answers with (docs/central-service.md): a Problem
 * ({@code {"error", "message", "fields"}}) and the first answer to a registration, made when the
 * store applies the conflict rules and kept with the registration.
 */
final class Answers implements CentralStore.FirstAnswers {

    static final Answers INSTANCE = new Answers();
    static final String UNAUTHORIZED = "{\"error\":\"unauthorized\"}";
    static final String NOT_FOUND = "{\"error\":\"not_found\"}";
    static final String METHOD_NOT_ALLOWED = "{\"error\":\"method_not_allowed\"}";
    static final String TOO_LARGE = "{\"error\":\"too_large\"}";
    static final String UNAVAILABLE = "{\"error\":\"unavailable\"}";
    static final String GONE = "{\"error\":\"gone\"}";
    static final String INTERNAL = "{\"error\":\"internal\"}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Answers() {
    }

    /** A Problem: the contract's error code, a message for people, the fields at fault (none: left out). */
    static String problem(String error, String message, List<String> fields) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("error", error);
        if (message != null) {
            p.put("message", message);
        }
        if (fields != null && !fields.isEmpty()) {
            p.put("fields", fields);
        }
        return write(p);
    }

    @Override
    public String accepted(String registrationId, String status, String receiptNumber) {
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("registrationId", registrationId);
        accepted.put("status", status);
        accepted.put("receiptNumber", receiptNumber);
        return write(accepted);
    }

    @Override
    public String conflict(String error) {
        return problem(error, error.equals("already_registered") ? "this member is already registered"
                : "this email address is already in use", null);
    }

    static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
