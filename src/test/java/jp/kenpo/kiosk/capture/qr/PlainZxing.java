package jp.kenpo.kiosk.capture.qr;

import java.util.EnumMap;
import java.util.Map;

import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;

/**
 * The plain ZXing integration the decoder is measured against: {@code MultiFormatReader} with
 * {@code TRY_HARDER} on the grey frame through the {@code HybridBinarizer}, one try, all formats.
 */
final class PlainZxing {

    private final MultiFormatReader reader = new MultiFormatReader();
    private final Mat gray = new Mat();

    PlainZxing() {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        reader.setHints(hints);
    }

    /** What it read: the format and text, or {@code null}. */
    Result decode(Mat bgr) {
        Imgproc.cvtColor(bgr, gray, Imgproc.COLOR_BGR2GRAY);
        byte[] luma = new byte[gray.cols() * gray.rows()];
        gray.get(0, 0, luma);
        PlanarYUVLuminanceSource source = new PlanarYUVLuminanceSource(luma, gray.cols(), gray.rows(), 0, 0,
                gray.cols(), gray.rows(), false);
        try {
            return reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(source)));
        } catch (ReaderException e) {
            return null;
        } finally {
            reader.reset();
        }
    }

    /** The QR code's text it read, or {@code null} (another format read counts as no QR code). */
    String qr(Mat bgr) {
        Result r = decode(bgr);
        return r == null || r.getBarcodeFormat() != BarcodeFormat.QR_CODE ? null : r.getText();
    }
}
