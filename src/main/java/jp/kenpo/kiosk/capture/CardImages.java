package jp.kenpo.kiosk.capture;

import java.util.List;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

import jp.kenpo.kiosk.capture.card.CardAnalyzer;
import jp.kenpo.kiosk.core.camera.GuideFrame;
import jp.kenpo.kiosk.core.config.MaskRegion;

/** The stored picture of a card side: masked regions blacked out, encoded as JPEG. */
public final class CardImages {

    static final int JPEG_QUALITY = 92;
    private static final double PX_PER_MM = CardAnalyzer.CARD_WIDTH / MaskRegion.CARD_WIDTH_MM;

    private CardImages() {
    }

    /** Blacks out the masks on a corrected card ({@link CardAnalyzer#CARD_WIDTH} wide) in place. */
    public static void mask(Mat card, List<MaskRegion> masks) {
        double sx = card.cols() / (double) CardAnalyzer.CARD_WIDTH * PX_PER_MM;
        double sy = card.rows() / (double) CardAnalyzer.CARD_HEIGHT * PX_PER_MM;
        for (MaskRegion m : masks) {
            Imgproc.rectangle(card, new Point(Math.floor(m.x() * sx), Math.floor(m.y() * sy)),
                    new Point(Math.ceil((m.x() + m.width()) * sx), Math.ceil((m.y() + m.height()) * sy)),
                    new Scalar(0, 0, 0), Imgproc.FILLED);
        }
    }

    /**
     * What the shutter keeps when no card was found: the part of the frame inside the guide frame,
     * stretched to the corrected card's size.
     */
    public static void guideCrop(Mat frame, Mat out) {
        Rect guide = guide(frame.cols(), frame.rows());
        Mat roi = frame.submat(guide);
        Imgproc.resize(roi, out, new Size(CardAnalyzer.CARD_WIDTH, CardAnalyzer.CARD_HEIGHT), 0, 0,
                Imgproc.INTER_AREA);
        roi.release();
    }

    static Rect guide(int width, int height) {
        GuideFrame g = GuideFrame.in(width, height);
        return new Rect((int) Math.round(g.x()), (int) Math.round(g.y()), (int) Math.round(g.width()),
                (int) Math.round(g.height()));
    }

    public static byte[] jpeg(Mat image) {
        MatOfByte out = new MatOfByte();
        MatOfInt params = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, JPEG_QUALITY);
        try {
            if (!Imgcodecs.imencode(".jpg", image, out, params)) {
                throw new IllegalStateException("JPEG encoding failed");
            }
            return out.toArray();
        } finally {
            out.release();
            params.release();
        }
    }
}
