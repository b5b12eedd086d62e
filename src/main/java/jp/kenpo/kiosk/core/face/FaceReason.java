package jp.kenpo.kiosk.core.face;

/**
 * Why a camera frame is not (yet) a good face photo (docs/architecture.md §8 {@code analyze face}), each with the
 * sentence the member reads under the preview.
 */
public enum FaceReason {
    NO_FACE("no_face", "face.reason.noFace"),
    SEVERAL_FACES("several_faces", "face.reason.severalFaces"),
    TOO_FAR("too_far", "face.reason.tooFar"),
    TOO_CLOSE("too_close", "face.reason.tooClose"),
    OFF_CENTER("off_center", "face.reason.offCenter"),
    NOT_FRONTAL("not_frontal", "face.reason.notFrontal"),
    MOUTH_OPEN("mouth_open", "face.reason.mouthOpen"),
    EYES_CLOSED("eyes_closed", "face.reason.eyesClosed"),
    TOO_DARK("too_dark", "face.reason.tooDark"),
    BLURRY("blurry", "face.reason.blurry");

    private final String code;
    private final String messageKey;

    FaceReason(String code, String messageKey) {
        this.code = code;
        this.messageKey = messageKey;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }
}
