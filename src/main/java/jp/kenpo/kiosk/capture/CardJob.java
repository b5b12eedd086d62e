package jp.kenpo.kiosk.capture;

import java.util.List;

import org.opencv.core.Mat;

import jp.kenpo.kiosk.capture.card.CardAnalysis;
import jp.kenpo.kiosk.capture.card.CardAnalyzer;

import jp.kenpo.kiosk.core.camera.Steadiness;
import jp.kenpo.kiosk.core.config.MaskRegion;
import jp.kenpo.kiosk.core.document.CardReason;
import jp.kenpo.kiosk.core.port.CameraRequest;

/**
 * A card preview: find and judge the card, count how long it has been good and still, and take
 * the perspective-corrected card with the masks blacked out.
 */
final class CardJob extends CameraJob {

    /** A corner may move this share of the picture's width between frames and still count as held still. */
    static final double MAX_MOVE = 0.01;

    private final List<MaskRegion> masks;
    private final Steadiness steadiness;
    private final double[] shares = new double[8];

    CardJob(CameraRequest request, List<MaskRegion> masks, int steadyFrames) {
        super(request);
        this.masks = List.copyOf(masks);
        this.steadiness = new Steadiness(steadyFrames, MAX_MOVE);
    }

    @Override
    byte[] analyze(Mat frame, Stages s, boolean shutter) {
        CardAnalyzer analyzer = s.card();
        CardAnalysis a = analyzer.analyze(frame);
        if (a.found()) {
            for (int i = 0; i < 4; i++) {
                shares[2 * i] = a.corners().get(i)[0] / frame.cols();
                shares[2 * i + 1] = a.corners().get(i)[1] / frame.rows();
            }
        }
        boolean steady = steadiness.offer(a.accept(), a.found() ? shares : null, frame.cols() / (double) frame.rows());
        CardReason reason = a.reasons().isEmpty() ? null : a.reasons().get(0);
        boolean take = steady || shutter;
        publish(frame, s, shares, a.found(), a.accept(), reason == null ? null : reason.messageKey(),
                take ? 1.0 : steadiness.progress());
        if (!take) {
            return null;
        }
        if (a.found()) {
            analyzer.rectify(frame, s.keep);
        } else {
            CardImages.guideCrop(frame, s.keep);
        }
        CardImages.mask(s.keep, masks);
        return CardImages.jpeg(s.keep);
    }

    @Override
    void restart() {
        steadiness.reset();
    }
}
