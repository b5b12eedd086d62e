package jp.kenpo.kiosk.core.port;

import java.time.Instant;
import java.util.List;

import jp.kenpo.kiosk.core.session.DayCounts;

/**
 * What happened at the kiosk, counted for the union without personal data: a kind, the step it
 * concerns and a duration — never a session id, a name or an answer (docs/central-service.md §10).
 */
public interface KioskCounts {

    /** One kind of thing counted. The {@link #code()} is what is stored. */
    enum Kind {
        /** A member session started (new or resumed). */
        STARTED("started"),
        /** A session ended after the submit, the central service registered it. */
        COMPLETE("complete"),
        /** A session ended after the submit, the registration is pending (review, queue or refusal). */
        PENDING("pending"),
        /** A session ended after the submit of the account only (no medical-access authentication). */
        ACCOUNT_ONLY("account_only"),
        /** A session ended before the submit (idle, 中止): {@code step} is where. */
        ABANDONED("abandoned"),
        /** A step was left: {@code seconds} the member spent on {@code step}. */
        STEP_TIME("step_time"),
        /** A card or face picture was taken again. */
        CAPTURE_RETRY("capture_retry"),
        /** The member called staff. */
        HELP_CALL("help_call"),
        /** Staff checked the member in person. */
        IN_PERSON_CHECK("in_person_check");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** The kind of a stored code, or null for one this version does not know. */
        public static Kind ofCode(String code) {
            for (Kind k : values()) {
                if (k.code.equals(code)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** One counted event, as stored. {@code step} and {@code seconds} may be null. */
    record Event(Instant at, Kind kind, String step, Double seconds) {
    }

    /** Counts {@code kind} now; {@code step} (a {@code Step} name) and {@code seconds} may be null. Never throws. */
    void record(Kind kind, String step, Double seconds);

    /** The events at or after {@code since}, oldest first (blocking). */
    List<Event> since(Instant since);

    /** Everything counted at or after {@code since}. */
    default DayCounts counts(Instant since) {
        return DayCounts.of(since, since(since));
    }

    /** Counts nothing: for tests and tools that do not keep counts. */
    KioskCounts NONE = new KioskCounts() {
        @Override
        public void record(Kind kind, String step, Double seconds) {
        }

        @Override
        public List<Event> since(Instant since) {
            return List.of();
        }
    };
}
