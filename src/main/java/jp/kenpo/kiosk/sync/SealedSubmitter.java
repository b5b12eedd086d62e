package jp.kenpo.kiosk.sync;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kenpo.kiosk.core.port.RandomSource;
import jp.kenpo.kiosk.core.port.RegistrationOutbox;
import jp.kenpo.kiosk.core.port.RegistrationSubmitter;
import jp.kenpo.kiosk.core.session.RegistrationOutcome;
import jp.kenpo.kiosk.core.session.RegistrationSnapshot;

/**
 * Builds the contract's {@code Registration} from a finished session, seals it to the central
 * service's key and queues the {@code SealedRegistration} in the outbox — so what reaches the disk
 * is only the sealed envelope. The plaintext bytes are overwritten once sealed. Delivery to the
 * central service is the sync worker's job; it is asked to try at once, and the central service's
 * answer within that moment decides what the member is told ({@link #outcome}); without one the
 * registration waits in the outbox, safe, and the member is told it will be sent.
 */
public final class SealedSubmitter implements RegistrationSubmitter {

    private final String kioskId;
    private final Sealer sealer;
    private final RegistrationOutbox outbox;
    private final Clock clock;
    private final RandomSource random;
    private final java.util.function.Function<String, java.util.Optional<CentralClient.Delivery>> deliverNow;
    private final ObjectMapper json = new ObjectMapper();

    public SealedSubmitter(String kioskId, Sealer sealer, RegistrationOutbox outbox, Clock clock, RandomSource random) {
        this(kioskId, sealer, outbox, clock, random, id -> java.util.Optional.empty());
    }

    /**
     * @param deliverNow tries to deliver a just-queued registration at once (briefly); its answer, if
     *                   one came, decides what the member is told
     */
    public SealedSubmitter(String kioskId, Sealer sealer, RegistrationOutbox outbox, Clock clock, RandomSource random,
                           java.util.function.Function<String, java.util.Optional<CentralClient.Delivery>> deliverNow) {
        this.deliverNow = deliverNow;
        this.kioskId = kioskId;
        this.sealer = sealer;
        this.outbox = outbox;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Receipt submit(RegistrationSnapshot s) {
        String id = uuid();
        Instant now = clock.instant();
        String createdAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC).toString();
        byte[] plaintext = null;
        try {
            plaintext = json.writeValueAsBytes(registration(s, id, createdAt));
            Sealer.Sealed sealed = sealer.seal(id, plaintext);
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("registrationId", id);
            envelope.put("kioskId", kioskId);
            envelope.put("createdAt", createdAt);
            envelope.put("sealed", sealed);
            String receipt = outbox.enqueue(id, kioskId, now, json.writeValueAsBytes(envelope), s.resumeId());
            // The registration is safely queued now: nothing after this point may fail the submit, or
            // the member would be asked to try again and queue it a second time.
            RegistrationOutcome outcome;
            try {
                outcome = deliverNow.apply(id).map(SealedSubmitter::outcome).orElse(RegistrationOutcome.QUEUED);
            } catch (RuntimeException e) {
                outcome = RegistrationOutcome.QUEUED;
            }
            return new Receipt(receipt, outcome);
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("the registration could not be sealed", e);
        } finally {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    /**
     * What the member is told after a delivery attempt: {@code complete} and {@code pending_review} as
     * answered; a refusal (409, 413, 422) as such — no mail will follow it; anything else (no answer,
     * a retry, the device credential refused) leaves the registration waiting in the outbox.
     */
    static RegistrationOutcome outcome(CentralClient.Delivery d) {
        return switch (d.outcome()) {
            case ACCEPTED -> "complete".equals(d.status()) ? RegistrationOutcome.COMPLETE
                    : "pending_review".equals(d.status()) ? RegistrationOutcome.PENDING_REVIEW : RegistrationOutcome.QUEUED;
            case REJECTED -> RegistrationOutcome.REFUSED;
            case RETRY, UNAUTHORIZED -> RegistrationOutcome.QUEUED;
        };
    }

    /** The contract's registration (docs/central-service.md §3) as a map, in the contract's field order. */
    Map<String, Object> registration(RegistrationSnapshot s, String id, String createdAt) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("registrationId", id);
        r.put("kioskId", kioskId);
        r.put("createdAt", createdAt);
        if (s.resumeId() != null) {
            r.put("resumeId", s.resumeId());
        }
        r.put("insurerNumber", s.insurerNumber().digits());
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("symbol", s.cardSymbol());
        card.put("number", s.cardNumber());
        if (s.cardBranch() != null && !s.cardBranch().isEmpty()) {
            card.put("branch", s.cardBranch());
        }
        r.put("card", card);
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("kanaName", s.kanaName());
        member.put("birthDate", s.birthDate().toString());
        member.put("memberType", s.memberType().code());
        r.put("member", member);
        Map<String, Object> account = new LinkedHashMap<>();
        if (s.resumeId() == null) {
            account.put("email", s.email());
            account.put("password", password(s));
        } else if (s.email() != null) {
            // Resumed: the account was made in the app; the central service joins it by resumeId. No
            // new account: no password (the kiosk never asked for one).
            account.put("email", s.email());
        }
        account.put("emailVerified", s.emailVerified());
        if (s.invitationCode() != null && !s.invitationCode().isBlank()) {
            account.put("invitationCode", s.invitationCode());
        }
        account.put("consents", s.consents());
        r.put("account", account);
        // Medical access goes with the liveness check passed, or — when it could not be passed — with
        // staff's in-person check instead (the central service then reviews it: pending_review).
        if (s.documentType() != null && (s.livenessPassed() || s.staffCheckedInPerson())) {
            Map<String, Object> medical = new LinkedHashMap<>();
            List<Map<String, Object>> images = new ArrayList<>();
            s.documentImages().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                    images.add(image("side", e.getKey().name().toLowerCase(java.util.Locale.ROOT), e.getValue())));
            medical.put("document", Map.of("type", s.documentType().code(), "images", images));
            List<Map<String, Object>> faces = new ArrayList<>();
            s.faceImages().forEach((pose, bytes) -> faces.add(image("pose", pose, bytes)));
            medical.put("faces", faces);
            medical.put("livenessPassed", s.livenessPassed());
            Map<String, Object> secret = new LinkedHashMap<>();
            secret.put("question", s.secretQuestion());
            secret.put("custom", s.secretQuestionCustom());
            secret.put("answerHash", s.secretAnswerHash());
            medical.put("secretQuestion", secret);
            medical.put("staffCheckedInPerson", s.staffCheckedInPerson());
            if (s.staffCheckedInPerson() && s.staffId() != null) {
                medical.put("staffId", s.staffId());
            }
            r.put("medicalAccess", medical);
        }
        return r;
    }

    private static Map<String, Object> image(String field, String value, byte[] jpeg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(field, value);
        m.put("mediaType", "image/jpeg");
        m.put("data", Base64.getEncoder().encodeToString(jpeg));
        return m;
    }

    private static String password(RegistrationSnapshot s) {
        char[] p = s.password();
        try {
            return new String(p);
        } finally {
            Arrays.fill(p, '\0');
        }
    }

    /** A version-4 UUID from the injected random source. */
    private String uuid() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        ByteBuffer buf = ByteBuffer.wrap(b);
        return new UUID(buf.getLong(), buf.getLong()).toString();
    }
}
