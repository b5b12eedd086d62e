package jp.kenpo.kiosk.core.resume;

/** The central service's answer to claiming a signup: the draft, or why there is none. */
public record Claim(Outcome outcome, SignupDraft draft) {

    public enum Outcome {
        /** 200: the draft (this device claimed it, now or before). */
        CLAIMED,
        /** 404: the central service knows no such signup. */
        UNKNOWN,
        /** 410: expired, or claimed at another kiosk. */
        GONE,
        /** No answer, or one that is not the contract's (network, timeout, 5xx, a broken draft): the offline path. */
        UNREACHABLE
    }

    public static Claim of(Outcome outcome) {
        return new Claim(outcome, null);
    }
}
