package jp.kenpo.kiosk.core.config;

/**
 * @param source  {@code virtual:DIR} (still images played as a camera), {@code device:NAME} or
 *                {@code index:N} for a USB camera
 */
public record CameraSettings(String source, Integer width, Integer height, Integer fps) {

    public CameraSettings {
        width = width == null ? 1280 : width;
        height = height == null ? 720 : height;
        fps = fps == null ? 15 : fps;
    }
}
