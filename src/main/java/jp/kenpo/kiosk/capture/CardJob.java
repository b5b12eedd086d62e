package jp.kenpo.kiosk.capture;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import jp.kenpo.kiosk.core.camera.CameraState;
import jp.kenpo.kiosk.core.camera.CardPreview;
import jp.kenpo.kiosk.core.camera.PreviewFrame;
import jp.kenpo.kiosk.core.camera.Steadiness;
import jp.kenpo.kiosk.core.config.MaskRegion;
import jp.kenpo.kiosk.core.document.CardReason;
import jp.kenpo.kiosk.core.port.CameraRequest;

/**
 * One card preview: the analysis stages a frame goes through (find and judge the card, count
 * steadiness, draw the preview, capture) and what the screen polls. The stages run on the
 * camera thread; {@link CardPreview} is called from the screen's thread.
 */
final class CardJob implements CardPreview {

    /** Preview pictures are scaled to at most this width: the preview's size on the screen, cheap to copy. */
    static final int PREVIEW_WIDTH = 800;
    /** A corner may move this share of the picture's width between frames and still count as held still. */
    static final double MAX_MOVE = 0.01;

    final CameraRequest request;
    private final List<MaskRegion> masks;
    private final Steadiness steadiness;
    private final NewestOnly<PreviewFrame> frames = new NewestOnly<>(PreviewFrame::new);
    private final AtomicBoolean shutter = new AtomicBoolean();
    private final AtomicReference<byte[]> captured = new AtomicReference<>();
    private final double[] shares = new double[8];
    private volatile CameraState state = CameraState.STARTING;
    private volatile boolean paused;
    private volatile boolean closed;
    private long sequence;

    CardJob(CameraRequest request, List<MaskRegion> masks, int steadyFrames) {
        this.request = request;
        this.masks = List.copyOf(masks);
        this.steadiness = new Steadiness(steadyFrames, MAX_MOVE);
    }

    /** The camera thread's working images, reused across frames and jobs. */
    static final class Work implements AutoCloseable {
        final CardAnalyzer analyzer = new CardAnalyzer();
        final Mat preview = new Mat();
        final Mat previewBgra = new Mat();
        final Mat keep = new Mat();

        @Override
        public void close() {
            analyzer.close();
            preview.release();
            previewBgra.release();
            keep.release();
        }
    }

    /** Runs one frame through the stages. Camera thread only. */
    void process(Mat frame, Work w) {
        if (paused || closed) {
            return;
        }
        CardAnalysis a = w.analyzer.analyze(frame);
        if (a.found()) {
            for (int i = 0; i < 4; i++) {
                shares[2 * i] = a.corners().get(i)[0] / frame.cols();
                shares[2 * i + 1] = a.corners().get(i)[1] / frame.rows();
            }
        }
        boolean steady = steadiness.offer(a.accept(), a.found() ? shares : null,
                frame.cols() / (double) frame.rows());
        boolean pressed = shutter.getAndSet(false);
        publishPreview(frame, a, w, steady || pressed);
        state = CameraState.LIVE;
        if (steady || pressed) {
            Mat card = a.found() ? w.analyzer.corrected() : null;
            if (card == null) {
                CardImages.guideCrop(frame, w.keep);
            } else {
                card.copyTo(w.keep);
            }
            CardImages.mask(w.keep, masks);
            paused = true;
            captured.set(CardImages.jpeg(w.keep));
        }
    }

    private void publishPreview(Mat frame, CardAnalysis a, Work w, boolean capturedNow) {
        double scale = Math.min(1.0, PREVIEW_WIDTH / (double) frame.cols());
        Mat src = frame;
        if (scale < 1.0) {
            Imgproc.resize(frame, w.preview, new Size(Math.round(frame.cols() * scale),
                    Math.round(frame.rows() * scale)), 0, 0, Imgproc.INTER_LINEAR);
            src = w.preview;
        }
        Imgproc.cvtColor(src, w.previewBgra, Imgproc.COLOR_BGR2BGRA);
        PreviewFrame f = frames.back();
        w.previewBgra.get(0, 0, f.pixels(w.previewBgra.cols(), w.previewBgra.rows()));
        System.arraycopy(shares, 0, f.corners(), 0, 8);
        CardReason reason = a.reasons().isEmpty() ? null : a.reasons().get(0);
        f.result(a.found(), a.accept(), reason, capturedNow ? 1.0 : steadiness.progress(), ++sequence);
        frames.publish();
    }

    void unavailable() {
        state = CameraState.UNAVAILABLE;
        steadiness.reset();
    }

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
            java.util.Arrays.fill(old, (byte) 0);
        }
        steadiness.reset();
        shutter.set(false);
        paused = false;
    }

    @Override
    public void close() {
        closed = true;
        retake();
    }
}
