package jp.kenpo.kiosk.capture;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import jp.kenpo.kiosk.capture.card.CardAnalyzer;
import jp.kenpo.kiosk.capture.face.FaceAnalyzer;
import jp.kenpo.kiosk.core.camera.CameraPreview;
import jp.kenpo.kiosk.core.camera.CameraState;
import jp.kenpo.kiosk.core.camera.PreviewFrame;
import jp.kenpo.kiosk.core.port.CameraRequest;

/**
 * One preview a screen asked for: the stages each frame goes through run on the camera thread
 * ({@link #process}); what the screen polls ({@link CameraPreview}) is called from its thread and
 * never blocks. Subclasses say what is analyzed and when a picture is taken.
 */
abstract class CameraJob implements CameraPreview {

    /** Preview pictures are scaled to at most this width: the preview's size on the screen, cheap to copy. */
    static final int PREVIEW_WIDTH = 800;

    final CameraRequest request;
    private final NewestOnly<PreviewFrame> frames = new NewestOnly<>(PreviewFrame::new);
    private final AtomicBoolean shutter = new AtomicBoolean();
    private final AtomicReference<byte[]> captured = new AtomicReference<>();
    private volatile CameraState state = CameraState.STARTING;
    private volatile boolean paused;
    private volatile boolean closed;
    private long sequence;

    CameraJob(CameraRequest request) {
        this.request = request;
    }

    /** The camera thread's working images and analyzers, made when first needed and reused. */
    static final class Stages implements AutoCloseable {
        private CardAnalyzer card;
        private FaceAnalyzer face;
        private jp.kenpo.kiosk.capture.qr.QrDecoder qr;
        final Mat preview = new Mat();
        final Mat previewBgra = new Mat();
        final Mat keep = new Mat();

        CardAnalyzer card() {
            if (card == null) {
                card = new CardAnalyzer().closerSearchEvery(CardAnalyzer.LIVE_CLOSER_EVERY);
            }
            return card;
        }

        FaceAnalyzer face() {
            if (face == null) {
                face = new FaceAnalyzer();
            }
            return face;
        }

        jp.kenpo.kiosk.capture.qr.QrDecoder qr() {
            if (qr == null) {
                qr = new jp.kenpo.kiosk.capture.qr.QrDecoder();
            }
            return qr;
        }

        @Override
        public void close() {
            if (qr != null) {
                qr.close();
            }
            if (card != null) {
                card.close();
            }
            if (face != null) {
                face.close();
            }
            preview.release();
            previewBgra.release();
            keep.release();
        }
    }

    /** Runs one frame through the stages. Camera thread only. */
    final void process(Mat frame, Stages s) {
        if (paused || closed) {
            return;
        }
        boolean pressed = shutter.getAndSet(false);
        byte[] picture = analyze(frame, s, pressed);
        state = CameraState.LIVE;
        if (picture != null) {
            paused = true;
            captured.set(picture);
        }
    }

    /**
     * Analyzes the frame, publishes the preview (with {@link #publish}) and returns the picture to
     * keep when one is taken now (steady enough, or {@code shutter} pressed), else {@code null}.
     */
    abstract byte[] analyze(Mat frame, Stages s, boolean shutter);

    /** Scales the frame into the newest preview picture with the analysis's results. */
    final void publish(Mat frame, Stages s, double[] shares, boolean found, boolean accept, String reasonKey,
                       double steady) {
        double scale = Math.min(1.0, PREVIEW_WIDTH / (double) frame.cols());
        Mat src = frame;
        if (scale < 1.0) {
            Imgproc.resize(frame, s.preview, new Size(Math.round(frame.cols() * scale),
                    Math.round(frame.rows() * scale)), 0, 0, Imgproc.INTER_LINEAR);
            src = s.preview;
        }
        Imgproc.cvtColor(src, s.previewBgra, Imgproc.COLOR_BGR2BGRA);
        PreviewFrame f = frames.back();
        s.previewBgra.get(0, 0, f.pixels(s.previewBgra.cols(), s.previewBgra.rows()));
        System.arraycopy(shares, 0, f.corners(), 0, 8);
        f.result(found, accept, reasonKey, steady, ++sequence);
        frames.publish();
    }

    void unavailable() {
        state = CameraState.UNAVAILABLE;
        restart();
    }

    /** Forget what was counted towards a capture (the camera went away, or a retake). */
    abstract void restart();

    boolean closed() {
        return closed;
    }

    boolean paused() {
        return paused;
    }

    @Override
    public PreviewFrame latest() {
        return frames.take();
    }

    @Override
    public CameraState state() {
        return state;
    }

    @Override
    public void shutter() {
        shutter.set(true);
    }

    @Override
    public byte[] takeCaptured() {
        return captured.getAndSet(null);
    }

    @Override
    public void retake() {
        byte[] old = captured.getAndSet(null);
        if (old != null) {
            Arrays.fill(old, (byte) 0);
        }
        restart();
        shutter.set(false);
        paused = false;
    }

    @Override
    public void close() {
        closed = true;
        retake();
    }
}
