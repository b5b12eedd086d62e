package jp.kenpo.kiosk.capture;

import java.nio.charset.StandardCharsets;

import org.opencv.core.Mat;

import jp.kenpo.kiosk.capture.qr.QrResult;
import jp.kenpo.kiosk.core.port.CameraRequest;

/**
 * A QR preview: each frame the camera thread gets to (the newest; those it had no time for are
 * dropped) is searched for a QR code within the live time budget; the first text read is kept and the
 * preview pauses until {@link #retake()}.
 */
final class QrJob extends CameraJob {

    private static final double[] NO_CORNERS = new double[8];

    QrJob(CameraRequest request) {
        super(request);
    }

    @Override
    byte[] analyze(Mat frame, Stages s, boolean shutter) {
        QrResult r = s.qr().decode(frame);
        publish(frame, s, NO_CORNERS, r.found(), r.found(), null, r.found() ? 1.0 : 0.0);
        return r.found() ? r.text().getBytes(StandardCharsets.UTF_8) : null;
    }

    @Override
    void restart() {
        // nothing is counted between frames
    }
}
