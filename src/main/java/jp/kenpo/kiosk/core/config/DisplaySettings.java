package jp.kenpo.kiosk.core.config;

/**
 * @param dpi           the screen's density, for sizing touch targets in millimetres
 * @param largeText     start every session with large text
 */
public record DisplaySettings(Integer dpi, Boolean largeText) {

    public DisplaySettings {
        dpi = dpi == null ? 96 : dpi;
        largeText = largeText != null && largeText;
    }

    /** Pixels for a length in millimetres at this screen's density. */
    public double mmToPx(double mm) {
        return mm * dpi / 25.4;
    }
}
