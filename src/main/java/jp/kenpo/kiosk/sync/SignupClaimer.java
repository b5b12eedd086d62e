package jp.kenpo.kiosk.sync;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kenpo.kiosk.core.port.SignupClaims;
import jp.kenpo.kiosk.core.resume.Claim;
import jp.kenpo.kiosk.core.resume.ResumeStep;
import jp.kenpo.kiosk.core.resume.SignupDraft;

/**
 * {@link SignupClaims} over the {@link CentralClient}: the same deadline and bounded answer as the
 * kiosk's other calls. A draft that is not the contract's (another resume id, no step) counts as no
 * answer: the member goes the offline way. Logs the outcome, never the draft.
 */
public final class SignupClaimer implements SignupClaims {

    private static final Logger LOG = LoggerFactory.getLogger(SignupClaimer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CentralClient client;

    public SignupClaimer(CentralClient client) {
        this.client = client;
    }

    @Override
    public Claim claim(String resumeId) {
        CentralClient.RawAnswer a;
        try {
            a = client.claim(resumeId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Claim.of(Claim.Outcome.UNREACHABLE);
        }
        Claim c = switch (a.status()) {
            case 200 -> draft(resumeId, a.body());
            case 404 -> Claim.of(Claim.Outcome.UNKNOWN);
            case 410 -> Claim.of(Claim.Outcome.GONE);
            default -> Claim.of(Claim.Outcome.UNREACHABLE);
        };
        LOG.info("signup claim answered {}: {}", a.status() < 0 ? "nothing" : a.status(), c.outcome());
        return c;
    }

    static Claim draft(String resumeId, byte[] body) {
        try {
            JsonNode d = JSON.readTree(body);
            if (d == null || !d.isObject() || !resumeId.equals(d.path("resumeId").asText(null))) {
                return Claim.of(Claim.Outcome.UNREACHABLE);
            }
            ResumeStep step = ResumeStep.fromWire(d.path("stepReached").asText("")).orElse(null);
            if (step == null) {
                return Claim.of(Claim.Outcome.UNREACHABLE);
            }
            JsonNode card = d.path("card");
            JsonNode member = d.path("member");
            return new Claim(Claim.Outcome.CLAIMED, new SignupDraft(resumeId, step, text(d, "email"),
                    d.path("emailVerified").asBoolean(false), text(d, "insurerNumber"), text(card, "symbol"),
                    text(card, "number"), text(card, "branch"), text(member, "kanaName"), date(text(member, "birthDate")),
                    text(member, "memberType")));
        } catch (IOException e) {
            return Claim.of(Claim.Outcome.UNREACHABLE);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static LocalDate date(String s) {
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
