package jp.kenpo.kiosk.core.resume;

import java.util.Optional;

/**
 * The outcome of checking a scanned text: valid with its token, or refused for one reason. A
 * refused text may still carry the payload it stated ({@link #stated()}), for diagnosis only.
 */
public record ResumeCheck(ResumeToken stated, ResumeRefusal refusal) {

    static ResumeCheck valid(ResumeToken token) {
        return new ResumeCheck(token, null);
    }

    static ResumeCheck refused(ResumeRefusal why) {
        return new ResumeCheck(null, why);
    }

    static ResumeCheck refused(ResumeRefusal why, ResumeToken stated) {
        return new ResumeCheck(stated, why);
    }

    public boolean valid() {
        return refusal == null;
    }

    /** The verified token; empty when refused. */
    public Optional<ResumeToken> token() {
        return valid() ? Optional.of(stated) : Optional.empty();
    }
}
