package jp.kenpo.kiosk.core.flow;

/** Where a session starts: a new registration, or a signup resumed from the phone app's QR code. */
public enum EntryPoint {
    /** 新規登録 at the kiosk. */
    NEW,
    /** 「アプリで登録中の方」: the app's QR code is being scanned; where the signup stood is not known yet. */
    RESUMING,
    /** The app created the account (and its email); membership is still to be proven. */
    RESUMED_ACCOUNT_CREATED,
    /** The app created the account and verified membership; medical access remains. */
    RESUMED_IDENTITY_VERIFIED
}
