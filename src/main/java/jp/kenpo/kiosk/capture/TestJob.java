package jp.kenpo.kiosk.capture;

import org.opencv.core.Mat;

import jp.kenpo.kiosk.capture.card.CardAnalysis;
import jp.kenpo.kiosk.capture.face.FaceAnalysis;
import jp.kenpo.kiosk.core.camera.CameraReadings;
import jp.kenpo.kiosk.core.camera.TestPreview;
import jp.kenpo.kiosk.core.port.CameraRequest;

/**
 * Staff's camera test: every frame through the card analyzer (a {@code card-…} request) or the face
 * analyzer (any other), published with the outline and the readings as numbers, with the frame
 * rate and the time per frame. Nothing is ever captured.
 */
final class TestJob extends CameraJob implements TestPreview {

    /** Weight of the newest frame in the running averages of the rate and the time per frame. */
    private static final double SMOOTHING = 0.2;

    private final boolean card;
    private final double[] shares = new double[8];
    private volatile CameraReadings readings;
    private long lastNanos;
    private double frameNanos;
    private double workMs;
    private long frames;

    TestJob(CameraRequest request) {
        super(request);
        this.card = request.folder().startsWith("card");
    }

    @Override
    byte[] analyze(Mat frame, Stages s, boolean shutter) {
        long start = System.nanoTime();
        if (lastNanos != 0) {
            double dt = start - lastNanos;
            frameNanos = frameNanos == 0 ? dt : frameNanos + SMOOTHING * (dt - frameNanos);
        }
        lastNanos = start;
        CameraReadings r;
        if (card) {
            CardAnalysis a = s.card().analyze(frame);
            if (a.found()) {
                for (int i = 0; i < 4; i++) {
                    shares[2 * i] = a.corners().get(i)[0] / frame.cols();
                    shares[2 * i + 1] = a.corners().get(i)[1] / frame.rows();
                }
            }
            String reason = a.reasons().isEmpty() ? null : a.reasons().get(0).code();
            publish(frame, s, shares, a.found(), a.accept(),
                    a.reasons().isEmpty() ? null : a.reasons().get(0).messageKey(), 0);
            r = new CameraReadings(true, a.found(), a.sharpness(), a.glare(), a.exposure(), a.fill(), a.tilt(), 0, 0,
                    null, 0, 0, a.accept(), reason, 0, 0, 0);
        } else {
            FaceAnalysis a = s.face().analyze(frame);
            boolean found = a.box() != null;
            if (found) {
                double x0 = a.box()[0] / frame.cols();
                double y0 = a.box()[1] / frame.rows();
                double x1 = (a.box()[0] + a.box()[2]) / frame.cols();
                double y1 = (a.box()[1] + a.box()[3]) / frame.rows();
                System.arraycopy(new double[] {x0, y0, x1, y0, x1, y1, x0, y1}, 0, shares, 0, 8);
            }
            String reason = a.reasons().isEmpty() ? null : a.reasons().get(0).code();
            publish(frame, s, shares, found, a.accept(),
                    a.reasons().isEmpty() ? null : a.reasons().get(0).messageKey(), 0);
            r = new CameraReadings(false, found, a.sharpness(), 0, a.brightness(), 0, 0, a.faces(),
                    found ? a.box()[2] / frame.cols() : 0, a.yaw().name().toLowerCase(java.util.Locale.ROOT),
                    a.yawScore(), a.mouthScore(), a.accept(), reason, 0, 0, 0);
        }
        double ms = (System.nanoTime() - start) / 1e6;
        workMs = frames == 0 ? ms : workMs + SMOOTHING * (ms - workMs);
        frames++;
        double fps = frameNanos == 0 ? 0 : 1e9 / frameNanos;
        readings = new CameraReadings(r.card(), r.found(), r.sharpness(), r.glare(), r.exposure(), r.fill(), r.tilt(),
                r.faces(), r.faceSize(), r.yaw(), r.yawScore(), r.mouthScore(), r.accept(), r.reason(), fps, workMs,
                frames);
        return null;
    }

    @Override
    void restart() {
        lastNanos = 0;
    }

    @Override
    public CameraReadings readings() {
        return readings;
    }
}
