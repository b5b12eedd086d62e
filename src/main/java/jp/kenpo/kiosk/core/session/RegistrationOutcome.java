package jp.kenpo.kiosk.core.session;

/**
 * What the member is told after 「この内容で認証する」: the central service's answer when it came in
 * time, else that the registration waits on this kiosk to be sent.
 */
public enum RegistrationOutcome {

    /** The central service registered it ({@code complete}): 「完了しました」. */
    COMPLETE,
    /** The central service took it for review ({@code pending_review}): 「申請を受け付けました」, completion is mailed. */
    PENDING_REVIEW,
    /** The central service refused it (409, 413, 422): the member shows the receipt to staff; no mail follows. */
    REFUSED,
    /** No answer in time, offline, or not taken yet: it waits in the outbox and is sent later. */
    QUEUED
}
