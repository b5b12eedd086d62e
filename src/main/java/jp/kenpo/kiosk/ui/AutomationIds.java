package jp.kenpo.kiosk.ui;

/**
 * The stable CSS ids of the kiosk's screens and controls (docs/architecture.md §9), in one place: UI tests and
 * accessibility tooling drive the kiosk by these without reading its code. Screen roots take their
 * ids from {@link jp.kenpo.kiosk.core.flow.Step#screenId()}.
 */
public final class AutomationIds {

    private AutomationIds() {
    }

    // Screens outside the member journey
    public static final String SCREEN_ERROR = "screen-error";
    public static final String SCREEN_STAFF_PIN = "screen-staff-pin";
    public static final String SCREEN_STAFF = "screen-staff";

    // Shell
    public static final String NEXT = "next";
    public static final String BACK = "back";
    public static final String CANCEL = "cancel";
    public static final String LANG = "lang";
    public static final String LANG_DIALOG = "lang-dialog";
    /** A language on the picker: {@code lang-} and the tag of {@code kiosk.languages} ({@code lang-zh-CN}). */
    public static final String LANG_CHOICE_PREFIX = "lang-";
    public static final String LANG_CLOSE = "lang-close";
    public static final String TEXT_SIZE = "text-size";
    /** The high-contrast theme on and off. */
    public static final String CONTRAST = "contrast";
    public static final String STEP_INDICATOR = "step-indicator";
    public static final String MESSAGE = "message";
    public static final String CANCEL_DIALOG = "cancel-dialog";
    public static final String CANCEL_CONFIRM = "cancel-confirm";
    public static final String CANCEL_KEEP = "cancel-keep";
    /** The header's voice toggle: 「音声 オン」 / 「音声 オフ」. */
    public static final String VOICE = "voice";
    public static final String IDLE_DIALOG = "idle-dialog";
    public static final String IDLE_CONTINUE = "idle-continue";
    public static final String IDLE_SECONDS = "idle-seconds";

    // Welcome
    public static final String START = "start";
    public static final String RESUME_QR = "resume-qr";
    public static final String STAFF_ENTRY = "staff-entry";

    // Consent
    public static final String CONSENT_TEXT = "consent-text";
    public static final String CONSENT_MORE = "consent-more";
    public static final String CONSENT_AGREE = "consent-agree";

    // Insurer number
    public static final String INSURER_NUMBER = "insurerNumber";

    // Keypads
    public static final String KEY_PREFIX = "key-";
    public static final String KEY_DELETE = "key-delete";
    public static final String KEY_CLEAR = "key-clear";

    // Staff
    public static final String PIN = "pin";
    public static final String PIN_OK = "pin-ok";
    public static final String PIN_CANCEL = "pin-cancel";
    public static final String STAFF_LOCK = "staff-lock";
    public static final String STAFF_EXIT = "staff-exit";

    // Document capture
    public static final String SHUTTER = "shutter";
    public static final String RETAKE = "retake";
    public static final String CAMERA_PREVIEW = "camera-preview";
    public static final String CAPTURED_IMAGE = "captured-image";
    public static final String CAPTURE_HELP = "capture-help";
    /** The frontal face photo has not been taken for a while: ask staff. */
    public static final String FACE_HELP = "face-help";

    // Face photos
    public static final String INSTRUCTION = "instruction";

    // Secret question
    public static final String SECRET_QUESTION = "secretQuestion";
    public static final String SECRET_QUESTION_CUSTOM = "secretQuestionCustom";
    public static final String SECRET_ANSWER = "secretAnswer";

    // Final confirmation and outcome
    public static final String SUBMIT = "submit";
    public static final String RECEIPT_NUMBER = "receiptNumber";
    public static final String DONE_FINISH = "done-finish";
    /** The outcome screen's sentence under the title. */
    public static final String OUTCOME_LEAD = "outcome-lead";
    /** The outcome screen's countdown to the welcome screen. */
    public static final String OUTCOME_SECONDS = "outcome-seconds";

    // Error screen
    public static final String ERROR_HOME = "error-home";

    // Calling staff, and staff over a member's session
    public static final String CALL_STAFF = "call-staff";
    public static final String SCREEN_STAFF_CALL = "screen-staff-call";
    public static final String STAFF_OPEN = "staff-open";
    public static final String CALL_CANCEL = "call-cancel";
    public static final String SCREEN_STAFF_PANEL = "screen-staff-panel";
    public static final String STAFF_PANEL_STEP = "staff-panel-step";
    public static final String STAFF_CONFIRM_PERSON = "staff-confirm-person";
    public static final String STAFF_RETAKE = "staff-retake";
    public static final String STAFF_STOP_MEDICAL = "staff-stop-medical";
    public static final String STAFF_RETURN = "staff-return";
}
