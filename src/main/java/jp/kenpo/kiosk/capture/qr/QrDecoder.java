package jp.kenpo.kiosk.capture.qr;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.QRCodeDetector;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * Reads a QR code in a camera frame (BGR, as the camera thread receives it), held up on a phone's
 * screen or on a printed slip, at any turn.
 *
 * <p>First ZXing's QR reader ({@code TRY_HARDER}) with the HybridBinarizer on the grey frame — what
 * reads most codes, in a few milliseconds. When it finds nothing, other looks at the same frame
 * ({@link QrAttempt}): every plausible three of finder-like squares, another binarizer, the picture inverted, halved, the middle doubled,
 * mirrored, and OpenCV's QRCodeDetector as a second engine. On the live camera they run within a
 * time budget per frame, taking turns from frame to frame: a member holds the code up for many
 * frames, so within a few frames every look has had its turn at it while no single frame keeps
 * the camera thread long. A still picture ({@link #decodeAll}) gets every look at once.
 *
 * <p>Not thread-safe: one decoder per camera thread. Its grey pictures, their byte arrays and the
 * readers are kept between frames; an array is made again only when the frame's size changes.
 */
public final class QrDecoder implements AutoCloseable {

    /**
     * The live budget per frame. At 15 frames a second the camera thread has 66 ms per frame, of
     * which the preview takes a few; 12 ms keeps a frame with no code (where every look fails) near
     * the first look's own cost and lets at least one other look run each frame.
     */
    public static final double LIVE_BUDGET_MS = 12;

    /**
     * On the live camera OpenCV's detector looks at a copy at most this wide: on a whole 1280×720
     * frame it costs several times ZXing's look, on 640 pixels about a third of that, and a code held
     * in the guide still has modules of 2 px or more there. A still picture gets the whole frame.
     */
    static final int OPENCV_WIDTH = 640;

    /** The looks after the first, in the order they take turns (the likeliest rescue first). */
    static final List<QrAttempt> FALLBACKS = List.of(QrAttempt.FINDER_TRIPLES, QrAttempt.INVERTED,
            QrAttempt.GLOBAL_HISTOGRAM,
            QrAttempt.DOWNSCALED, QrAttempt.UPSCALED, QrAttempt.OPENCV, QrAttempt.MIRRORED);

    private final double budgetMs;
    private final QRCodeReader reader = new QRCodeReader();
    private final QRCodeMultiReader multiReader = new QRCodeMultiReader();
    private final Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
    private final Map<QrAttempt, Double> cost = new EnumMap<>(QrAttempt.class);
    private final Mat gray = new Mat();
    private final Mat work = new Mat();
    private final Mat points = new Mat();
    private final Buffer full = new Buffer();
    private final Buffer other = new Buffer();
    private QRCodeDetector opencv;
    private int turn;
    private boolean live;

    /** A decoder for the live camera, with {@link #LIVE_BUDGET_MS}. */
    public QrDecoder() {
        this(LIVE_BUDGET_MS);
    }

    /** @param budgetMs how long the looks after the first may take per frame (the first and one more always run) */
    public QrDecoder(double budgetMs) {
        this.budgetMs = budgetMs;
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
    }

    /** A grey picture's bytes, reused while the size stays. */
    private static final class Buffer {
        byte[] bytes = new byte[0];
        int width;
        int height;

        LuminanceSource of(Mat gray) {
            int n = gray.cols() * gray.rows();
            if (bytes.length != n) {
                bytes = new byte[n];
            }
            width = gray.cols();
            height = gray.rows();
            gray.get(0, 0, bytes);
            return new GrayLuminance(bytes, width, height);
        }
    }

    /** The live camera's way: the first look, then the others in turn within the budget. */
    public QrResult decode(Mat bgr) {
        return run(bgr, budgetMs);
    }

    /** A still picture's way: every look until one reads a code. */
    public QrResult decodeAll(Mat bgr) {
        return run(bgr, Double.POSITIVE_INFINITY);
    }

    /** One look alone (for measuring what each costs); {@code null} when it reads nothing. */
    public String decodeWith(Mat bgr, QrAttempt attempt) {
        live = true;
        toGray(bgr);
        return attempt(attempt);
    }

    private QrResult run(Mat bgr, double budget) {
        long start = System.nanoTime();
        live = budget != Double.POSITIVE_INFINITY;
        toGray(bgr);
        String text = attempt(QrAttempt.HYBRID);
        if (text != null) {
            return new QrResult(text, QrAttempt.HYBRID, 1, ms(start));
        }
        int tried = 1;
        int n = FALLBACKS.size();
        for (int k = 0; k < n; k++) {
            QrAttempt a = FALLBACKS.get(turn);
            double spent = ms(start);
            if (k > 0 && spent + cost.getOrDefault(a, 0.0) > budget) {
                break; // its turn comes again with the next frame
            }
            turn = (turn + 1) % n;
            long t = System.nanoTime();
            text = attempt(a);
            cost.merge(a, ms(t), (old, now) -> 0.8 * old + 0.2 * now);
            tried++;
            if (text != null) {
                return new QrResult(text, a, tried, ms(start));
            }
        }
        return new QrResult(null, null, tried, ms(start));
    }

    private void toGray(Mat bgr) {
        if (bgr.channels() == 1) {
            bgr.copyTo(gray);
        } else {
            Imgproc.cvtColor(bgr, gray, Imgproc.COLOR_BGR2GRAY);
        }
    }

    private String attempt(QrAttempt a) {
        switch (a) {
            case HYBRID:
                return zxing(full.of(gray), true);
            case FINDER_TRIPLES:
                return triples(full.of(gray));
            case GLOBAL_HISTOGRAM:
                return zxing(full.of(gray), false);
            case INVERTED:
                Core.bitwise_not(gray, work);
                return zxing(other.of(work), true);
            case DOWNSCALED:
                Imgproc.resize(gray, work, new Size(gray.cols() / 2, gray.rows() / 2), 0, 0, Imgproc.INTER_AREA);
                return zxing(other.of(work), true);
            case UPSCALED: {
                int w = gray.cols() / 2;
                int h = gray.rows() / 2;
                Mat middle = gray.submat(new Rect((gray.cols() - w) / 2, (gray.rows() - h) / 2, w, h));
                Imgproc.resize(middle, work, new Size(w * 2, h * 2), 0, 0, Imgproc.INTER_CUBIC);
                middle.release(); // a view: the pixels stay with the grey frame
                return zxing(other.of(work), true);
            }
            case MIRRORED:
                Core.flip(gray, work, 1);
                return zxing(other.of(work), true);
            case OPENCV:
                return opencv();
            default:
                throw new IllegalArgumentException(a.name());
        }
    }

    private String zxing(LuminanceSource source, boolean hybrid) {
        Binarizer b = hybrid ? new HybridBinarizer(source) : new GlobalHistogramBinarizer(source);
        try {
            return reader.decode(new BinaryBitmap(b), hints).getText();
        } catch (ReaderException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return null; // no code, or one that does not read
        } finally {
            reader.reset();
        }
    }

    private String triples(LuminanceSource source) {
        try {
            Result[] read = multiReader.decodeMultiple(new BinaryBitmap(new HybridBinarizer(source)), hints);
            return read.length == 0 ? null : read[0].getText();
        } catch (ReaderException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return null;
        } finally {
            multiReader.reset();
        }
    }

    private String opencv() {
        if (opencv == null) {
            opencv = new QRCodeDetector();
        }
        try {
            Mat picture = gray;
            if (live && gray.cols() > OPENCV_WIDTH) {
                Imgproc.resize(gray, work, new Size(OPENCV_WIDTH, Math.round(gray.rows() * (double) OPENCV_WIDTH
                        / gray.cols())), 0, 0, Imgproc.INTER_AREA);
                picture = work;
            }
            String text = opencv.detectAndDecode(picture, points);
            return text == null || text.isEmpty() ? null : text;
        } catch (RuntimeException e) {
            return null; // OpenCV's own assertion on an odd picture: no code read
        }
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    @Override
    public void close() {
        gray.release();
        work.release();
        points.release();
    }
}
