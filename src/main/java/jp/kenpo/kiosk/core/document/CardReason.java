package jp.kenpo.kiosk.core.document;

/**
 * Why a camera frame of an identity card is not good enough yet (docs/architecture.md §8), each with the sentence
 * the member reads under the preview.
 */
public enum CardReason {
    NOT_FOUND("not_found", "capture.reason.notFound"),
    BLURRY("blurry", "capture.reason.blurry"),
    GLARE("glare", "capture.reason.glare"),
    TOO_DARK("too_dark", "capture.reason.tooDark"),
    TOO_SMALL("too_small", "capture.reason.tooSmall"),
    CUT_OFF("cut_off", "capture.reason.cutOff"),
    TILTED("tilted", "capture.reason.tilted");

    private final String code;
    private final String messageKey;

    CardReason(String code, String messageKey) {
        this.code = code;
        this.messageKey = messageKey;
    }

    /** The name in {@code analyze card} output. */
    public String code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }
}
