package jp.kenpo.kiosk.core.port;

/**
 * What the kiosk is asking the camera to look at. The virtual camera plays the sub-folder of this
 * name (docs/architecture.md §7); a USB camera ignores it.
 *
 * @param folder {@code card-front}, {@code card-back}, {@code face-left_mouth_open}, {@code qr}, …
 */
public record CameraRequest(String folder) {

    public static final CameraRequest CARD_FRONT = new CameraRequest("card-front");
    public static final CameraRequest CARD_BACK = new CameraRequest("card-back");
    public static final CameraRequest QR = new CameraRequest("qr");

    public CameraRequest {
        if (folder == null || !folder.matches("[a-z][a-z0-9_-]*")) {
            throw new IllegalArgumentException("not a camera request name: " + folder);
        }
    }
}
