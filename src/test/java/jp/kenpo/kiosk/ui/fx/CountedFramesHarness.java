package jp.kenpo.kiosk.ui.fx;

/**
 * The harness for tests that wait for the camera: {@link #frames} counts the frames the screens have
 * analysed, so a test waits for a number of them instead of sleeping.
 */
abstract class CountedFramesHarness extends KioskFxHarness {

    protected final FrameCount frames = new FrameCount();

    @Override
    protected jp.kenpo.kiosk.ui.shell.ShellServices services() {
        return frames.around(kiosk.services());
    }
}
