package jp.kenpo.kiosk.core.port;

import java.util.List;

import jp.kenpo.kiosk.core.camera.TestPreview;

/**
 * Staff's camera test: which cameras are present, which one the kiosk uses (a choice kept between
 * runs in the {@link SettingsRepository}, over {@code camera.source} of the configuration), and a preview with the analyzers' readings.
 */
public interface CameraTest {

    /**
     * One camera: {@code source} as {@code camera.source} names it ({@code device:NAME},
     * {@code virtual:DIR}), {@code name} as the system names it.
     */
    record Choice(String source, String name) {
    }

    /** The cameras present, the virtual camera among them when the configuration has one (blocking). */
    List<Choice> cameras();

    /** The source the kiosk uses now. */
    String source();

    /** Uses this camera from now on, also after a restart (blocking: kept in the settings). */
    void choose(String source);

    /** Starts a test preview of the card analyzer ({@link CameraRequest#CARD_FRONT}) or the face analyzer ({@code face-…}). */
    TestPreview startTest(CameraRequest request);
}
