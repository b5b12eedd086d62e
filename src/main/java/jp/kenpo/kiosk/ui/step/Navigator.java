package jp.kenpo.kiosk.ui.step;

/** What a screen may ask of the shell. */
public interface Navigator {

    /**
     * The member goes on from this step, as with 次へ: the step's view model commits (see
     * {@link StepViewModel#commit}), and the next step is shown once it says so. For a screen's own
     * way on — a document chosen, 「スキップ」 — after it told its view model the choice.
     */
    void next();

    /** 戻る: the step before this one, if going back is meaningful. */
    void back();

    /** Start a new member session from the welcome screen. */
    void startSession();

    /** Start a session that resumes a signup begun in the app: its QR code is scanned first. */
    void startResume();

    /** End the session (wipe) and return to the welcome screen. */
    void home(String reason);

    /** Show the error screen with a message and a way back to the start. */
    void showError(String messageKey);

    /** Open the staff PIN pad. */
    void staffEntry();

    /** Staff mode unlocked. */
    void staffUnlocked();

    /**
     * Staff mode only: shows one of the staff pages — {@code "staff"} (the staff screen),
     * {@code "camera"} (the camera test), {@code "refused"} (refused registrations), {@code "counts"}.
     */
    default void staffPage(String page) {
    }

    /** Quit the kiosk (staff mode only). */
    void exitKiosk();
}
