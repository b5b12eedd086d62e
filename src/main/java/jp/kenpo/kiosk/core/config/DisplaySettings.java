package jp.kenpo.kiosk.core.config;

/**
 * @param dpi           the screen's density, for sizing touch targets in millimetres; by default
 *                      {@value #DEFAULT_DPI}, the densest counter screen a union installs — a 15.6"
 *                      1920×1080 panel (2203 px on a 15.6" diagonal) — so that 15 mm (83 px) is at
 *                      least 15 mm on every screen from 15.6" to 21.5" (102 dpi: 20.7 mm), where 96
 *                      would give 10.3 mm on the 15.6" one
 * @param largeText     start every session with large text
 */
public record DisplaySettings(Integer dpi, Boolean largeText) {

    public DisplaySettings {
        dpi = dpi == null ? DEFAULT_DPI : dpi;
        largeText = largeText != null && largeText;
    }

    public static final int DEFAULT_DPI = 141;

    /** Pixels for a length in millimetres at this screen's density. */
    public double mmToPx(double mm) {
        return mm * dpi / 25.4;
    }
}
