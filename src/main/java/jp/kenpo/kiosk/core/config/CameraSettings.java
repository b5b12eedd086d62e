package jp.kenpo.kiosk.core.config;

/**
 * @param source       {@code virtual:DIR} (still images played as a camera), {@code device:NAME} or
 *                     {@code index:N} for a USB camera
 * @param steadyFrames how many frames in a row a card must be good and still before it is captured
 * @param findSeconds  after this long without a capture the screen suggests asking staff
 */
public record CameraSettings(String source, Integer width, Integer height, Integer fps, Integer steadyFrames,
                             Integer findSeconds) {

    public CameraSettings {
        width = width == null ? 1280 : width;
        height = height == null ? 720 : height;
        fps = fps == null ? 15 : fps;
        steadyFrames = steadyFrames == null ? 5 : steadyFrames;
        findSeconds = findSeconds == null ? 45 : findSeconds;
    }

    /** How a virtual camera's source begins: {@code virtual:DIR}, DIR a folder of still pictures. */
    public static final String VIRTUAL = "virtual:";

    /** Whether {@code source} names a virtual camera ({@code virtual:DIR}). */
    public static boolean isVirtual(String source) {
        return source != null && source.startsWith(VIRTUAL);
    }

    /** The folder a {@code virtual:DIR} source names, as written; {@code null} for a USB camera. */
    public static String virtualFolder(String source) {
        return isVirtual(source) ? source.substring(VIRTUAL.length()) : null;
    }

    /** The same camera with another source. */
    public CameraSettings withSource(String other) {
        return new CameraSettings(other, width, height, fps, steadyFrames, findSeconds);
    }
}
