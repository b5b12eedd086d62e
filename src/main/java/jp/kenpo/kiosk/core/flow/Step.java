package jp.kenpo.kiosk.core.flow;

/**
 * One screen of the member journey. The automation id of each step's screen root is
 * {@link #screenId()}; the capture steps share the capture screen.
 */
public enum Step {
    WELCOME("screen-welcome", null),
    RESUME_SCAN("screen-resume-scan", Phase.MEMBERSHIP),
    RESUMED("screen-resumed", Phase.MEMBERSHIP),
    CONSENT("screen-consent", Phase.AGREE),
    INSURER("screen-insurer", Phase.MEMBERSHIP),
    POINTS_CONSENT("screen-points-consent", Phase.MEMBERSHIP),
    CARD("screen-card", Phase.MEMBERSHIP),
    BASIC_INFO("screen-basic-info", Phase.MEMBERSHIP),
    BASIC_CONFIRM("screen-basic-confirm", Phase.MEMBERSHIP),
    ELIGIBILITY("screen-eligibility", Phase.MEMBERSHIP),
    ACCOUNT("screen-account", Phase.ACCOUNT),
    EMAIL_CODE("screen-email-code", Phase.ACCOUNT),
    MEDICAL_OFFER("screen-medical-offer", Phase.AUTHENTICATION),
    DOCUMENT_CHOICE("screen-document-choice", Phase.AUTHENTICATION),
    DOCUMENT_FRONT("screen-document-capture", Phase.AUTHENTICATION),
    DOCUMENT_BACK_QUESTION("screen-document-remarks", Phase.AUTHENTICATION),
    DOCUMENT_BACK("screen-document-capture", Phase.AUTHENTICATION),
    FACE_FRONT("screen-face-front", Phase.AUTHENTICATION),
    FACE_ANGLE("screen-face-angle", Phase.AUTHENTICATION),
    SECRET_QUESTION("screen-secret-question", Phase.AUTHENTICATION),
    CONFIRM("screen-confirm", Phase.FINISH),
    DONE("screen-done", Phase.FINISH);

    private final String screenId;
    private final Phase phase;

    Step(String screenId, Phase phase) {
        this.screenId = screenId;
        this.phase = phase;
    }

    public String screenId() {
        return screenId;
    }

    /** The indicator's phase; {@code null} for the welcome screen, which has no indicator. */
    public Phase phase() {
        return phase;
    }

    /** Whether this screen belongs to a member session (and so has 中止 and the idle timeout). */
    public boolean inSession() {
        return this != WELCOME;
    }
}
