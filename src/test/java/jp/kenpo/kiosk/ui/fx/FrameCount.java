package jp.kenpo.kiosk.ui.fx;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.testfx.util.WaitForAsyncUtils;

import jp.kenpo.kiosk.core.camera.CameraPreview;
import jp.kenpo.kiosk.core.camera.CameraState;
import jp.kenpo.kiosk.core.camera.FacePreview;
import jp.kenpo.kiosk.core.camera.PreviewFrame;
import jp.kenpo.kiosk.core.port.DocumentCamera;
import jp.kenpo.kiosk.core.port.FaceCamera;
import jp.kenpo.kiosk.ui.shell.ShellServices;

/**
 * Counts the frames the camera thread has analyzed for the newest preview, as the screen takes them
 * ({@link PreviewFrame#sequence()} rises by one per analyzed frame, also for the frames the screen
 * had no pulse for). A test waits for a number of analyzed frames instead of sleeping.
 */
final class FrameCount {

    private volatile Counted current;

    /** {@code s} with both cameras counted. */
    ShellServices around(ShellServices s) {
        DocumentCamera document = s.camera();
        FaceCamera face = s.faceCamera();
        DocumentCamera countedDocument = (request, masks) -> track(new Counted(document.start(request, masks)));
        FaceCamera countedFace = (request, judge) -> track(new CountedFace(face.startFace(request, judge)));
        return new ShellServices(s.config(), s.clock(), s.random(), s.flow(), s.i18n(), s.audit(), s.staffGate(),
                s.eligibility(), s.codeMailer(), countedDocument, countedFace, s.submitter(), s.queue(), s.consents(),
                s.background(), s.fx(), s.staffAlert(), s.counts(), s.cameraTest(), s.resume());
    }

    private <P extends Counted> P track(P preview) {
        current = preview;
        return preview;
    }

    /**
     * Waits until the preview that runs now has analyzed {@code frames} more frames than when this
     * was called (a new preview counts from its first frame), or has handed a picture to the screen
     * (then no more frames come, and what the test asserts next tells what was taken).
     */
    void awaitMore(int frames, Duration timeout) throws Exception {
        Counted at = current;
        long from = at == null ? 0 : at.seen();
        WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, () -> {
            Counted now = current;
            return now != null && (now.taken || now.seen() - (now == at ? from : 0) >= frames);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static class Counted implements CameraPreview {
        final CameraPreview inner;
        private long first = -1;
        private volatile long newest = -1;
        volatile boolean taken;

        Counted(CameraPreview inner) {
            this.inner = inner;
        }

        /** How many frames were analyzed from the first the screen took to the newest. */
        long seen() {
            long n = newest;
            return n < 0 ? 0 : n - first + 1;
        }

        @Override
        public PreviewFrame latest() {
            PreviewFrame f = inner.latest();
            if (f != null) {
                if (first < 0) {
                    first = f.sequence();
                }
                newest = f.sequence();
            }
            return f;
        }

        @Override
        public CameraState state() {
            return inner.state();
        }

        @Override
        public void shutter() {
            inner.shutter();
        }

        @Override
        public byte[] takeCaptured() {
            byte[] picture = inner.takeCaptured();
            if (picture != null) {
                taken = true;
            }
            return picture;
        }

        @Override
        public void retake() {
            inner.retake();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    private static final class CountedFace extends Counted implements FacePreview {
        CountedFace(FacePreview inner) {
            super(inner);
        }

        @Override
        public double capturedMouthScore() {
            return ((FacePreview) inner).capturedMouthScore();
        }
    }
}
