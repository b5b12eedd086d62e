package jp.kenpo.kiosk.core.camera;

/**
 * What the analyzers read in the newest frame of a camera test, as numbers for staff and the IT
 * administrator (docs/architecture.md §8 explains each). Card readings are zero and face readings
 * empty when that analyzer did not run.
 *
 * @param card       whether the card analyzer ran on this frame (else the face analyzer did)
 * @param sharpness  1 / blur σ in pixels: higher is sharper
 * @param glare      share of the card's pixels blown out (0–1)
 * @param exposure   the card's mean luma (0–255)
 * @param fill       the card's area as a share of the frame
 * @param tilt       degrees between the card's plane and the picture plane
 * @param faceSize   the largest face's width as a share of the frame's width
 * @param yaw        {@code frontal}, {@code left} or {@code right}, with {@code yawScore}
 * @param mouthScore the inner-lip gap over the mouth's width
 * @param fps        frames analyzed per second, lately
 * @param msPerFrame milliseconds the analysis and the preview took per frame, lately
 * @param reason     the first reason the frame is not accepted (a {@code CardReason}/{@code FaceReason} code), or null
 */
public record CameraReadings(boolean card, boolean found, double sharpness, double glare, double exposure,
                             double fill, double tilt, int faces, double faceSize, String yaw, double yawScore,
                             double mouthScore, boolean accept, String reason, double fps, double msPerFrame,
                             long frames) {
}
