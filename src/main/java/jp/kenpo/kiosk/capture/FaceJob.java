package jp.kenpo.kiosk.capture;

import org.opencv.core.Mat;
import org.opencv.core.Rect;

import jp.kenpo.kiosk.capture.face.FaceAnalysis;
import jp.kenpo.kiosk.core.camera.FacePreview;
import jp.kenpo.kiosk.core.face.FaceJudge;
import jp.kenpo.kiosk.core.face.FaceReason;
import jp.kenpo.kiosk.core.port.CameraRequest;

/**
 * A face preview: find and judge the face, and once the judge has wanted enough frames in a row,
 * take the face with a margin around it (the crop the central service receives).
 */
final class FaceJob extends CameraJob implements FacePreview {

    /** The kept picture: the face box widened by this factor, clipped to the frame. */
    static final double CROP_MARGIN = 2.0;

    private final FaceJudge judge;
    private final int framesNeeded;
    private final double[] shares = new double[8];
    private int run;
    private volatile double capturedMouth;

    FaceJob(CameraRequest request, FaceJudge judge, int framesNeeded) {
        super(request);
        this.judge = judge;
        this.framesNeeded = framesNeeded;
    }

    @Override
    byte[] analyze(Mat frame, Stages s, boolean shutter) {
        FaceAnalysis a = s.face().analyze(frame);
        boolean found = a.box() != null;
        if (found) {
            double x0 = a.box()[0] / frame.cols();
            double y0 = a.box()[1] / frame.rows();
            double x1 = (a.box()[0] + a.box()[2]) / frame.cols();
            double y1 = (a.box()[1] + a.box()[3]) / frame.rows();
            double[] c = {x0, y0, x1, y0, x1, y1, x0, y1};
            System.arraycopy(c, 0, shares, 0, 8);
        }
        boolean wanted = judge.wanted(a.faces(), a.yawScore(), a.mouthScore(), a.accept());
        run = wanted ? run + 1 : 0;
        boolean take = run >= framesNeeded; // no shutter: a face is taken only when it is what was asked for
        FaceReason reason = a.reasons().isEmpty() ? null : a.reasons().get(0);
        publish(frame, s, shares, found, wanted, wanted ? null : reason == null ? null : reason.messageKey(),
                take ? 1.0 : Math.min(1.0, (double) run / framesNeeded));
        if (!take) {
            return null;
        }
        capturedMouth = a.mouthScore();
        double cx = a.box()[0] + a.box()[2] / 2;
        double cy = a.box()[1] + a.box()[3] / 2;
        double side = Math.max(a.box()[2], a.box()[3]) * CROP_MARGIN;
        int x = (int) Math.max(0, Math.round(cx - side / 2));
        int y = (int) Math.max(0, Math.round(cy - side / 2));
        int w = (int) Math.min(frame.cols() - x, Math.round(side));
        int h = (int) Math.min(frame.rows() - y, Math.round(side));
        Mat crop = frame.submat(new Rect(x, y, w, h));
        crop.copyTo(s.keep);
        crop.release();
        return CardImages.jpeg(s.keep);
    }

    @Override
    void restart() {
        run = 0;
    }

    @Override
    public double capturedMouthScore() {
        return capturedMouth;
    }
}
