package jp.kenpo.kiosk.capture.qr;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.oned.EAN13Writer;
import com.google.zxing.datamatrix.DataMatrixWriter;
import com.google.zxing.pdf417.PDF417Writer;
import com.google.zxing.aztec.AztecWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import jp.kenpo.kiosk.central.ResumeTokenIssuer;
import jp.kenpo.kiosk.core.resume.ResumeStep;
import jp.kenpo.kiosk.testing.Jpeg;

/**
 * 1280×720 camera frames of QR codes as a kiosk's camera sees them, made in the test: ZXing's
 * QRCodeWriter draws the code; it is printed on a slip lying on a desk or shown on a phone's
 * screen (a pixel grid that beats with the camera's into moiré, a glare, dark mode), placed with a
 * pinhole camera's perspective at any turn and a tilt, lit unevenly, blurred by the lens, given
 * sensor noise and sent through JPEG. Frames without a code show slips of text and other barcodes
 * (EAN-13, Code 128, Data Matrix, PDF417, Aztec) the same way.
 */
public final class QrFixtures {

    static final int WIDTH = 1280;
    static final int HEIGHT = 720;
    /** The camera's focal length in pixels (a webcam's 70° across at 1280 px). */
    static final double FOCAL = 900;

    public enum Kind {
        SLIP(true), SLIP_SMALL(true), SLIP_LARGE(true), SLIP_TILTED(true), SLIP_BLURRED(true), SLIP_LOW_CONTRAST(true),
        PHONE(true), PHONE_GLARE(true), PHONE_MOIRE(true), PHONE_SMALL(true), PHONE_DARK_MODE(true),
        MIRRORED(true), NO_CODE(false), OTHER_BARCODE(false), TEXT_ONLY(false);

        final boolean hasCode;

        Kind(boolean hasCode) {
            this.hasCode = hasCode;
        }
    }

    /** One frame and the text of its QR code ({@code null}: there is none). */
    public record Frame(Kind kind, int index, Mat image, String expected) {
        String name() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + "#" + index;
        }
    }

    private static final ResumeTokenIssuer ISSUER = issuer();

    /** The demo's key: Ed25519 signatures are deterministic, so the same seed makes the same codes. */
    private static ResumeTokenIssuer issuer() {
        try {
            return new ResumeTokenIssuer(ResumeTokenIssuer.DEMO_KID, ResumeTokenIssuer.readPrivateKey(
                    java.nio.file.Path.of("kiosk-config", ResumeTokenIssuer.DEMO_PRIVATE_KEY)),
                    Clock.fixed(Instant.parse("2026-12-02T01:00:00Z"), ZoneOffset.UTC), new Random(5));
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private QrFixtures() {
    }

    /** {@code perKind} frames of every kind. */
    public static List<Frame> generate(long seed, int perKind) {
        Random r = new Random(seed);
        Core.setRNGSeed((int) seed); // the desk's grain and the sensor's noise
        List<Frame> frames = new ArrayList<>();
        for (Kind k : Kind.values()) {
            for (int i = 0; i < perKind; i++) {
                frames.add(frame(k, i, r));
            }
        }
        return frames;
    }

    /** What the codes say: mostly resume tokens (about 260 characters), some URLs and short texts. */
    static String text(Random r) {
        int pick = r.nextInt(10);
        if (pick < 6) {
            return ISSUER.issue(r.nextBoolean() ? ResumeStep.ACCOUNT_CREATED : ResumeStep.IDENTITY_VERIFIED,
                    "01130012", Duration.ofHours(1 + r.nextInt(23))).text();
        }
        if (pick < 8) {
            return "https://app.kenpo.example/r/" + Long.toString(r.nextLong() & Long.MAX_VALUE, 36);
        }
        return "MEMO-" + r.nextInt(1_000_000);
    }

    static Frame frame(Kind kind, int index, Random r) {
        Mat frame = desk(r);
        String text = kind.hasCode ? text(r) : null;
        ErrorCorrectionLevel ec = r.nextInt(4) == 0 ? ErrorCorrectionLevel.L : r.nextInt(3) == 0
                ? ErrorCorrectionLevel.Q : ErrorCorrectionLevel.M;
        double blur = 0.5 + r.nextDouble() * 0.5;
        double noise = 2 + r.nextDouble() * 2;
        int quality = 70 + r.nextInt(21);
        switch (kind) {
            case SLIP, MIRRORED -> slip(frame, r, text, ec, 220 + r.nextInt(140), 25, 0, 1.0);
            case SLIP_SMALL -> slip(frame, r, text, ec, 120 + r.nextInt(40), 20, 0, 1.0);
            case SLIP_LARGE -> slip(frame, r, text, ec, 380 + r.nextInt(100), 15, 0, 1.0); // fits the frame at any turn
            case SLIP_TILTED -> slip(frame, r, text, ec, 240 + r.nextInt(120), 25, 25 + r.nextInt(20), 1.0);
            case SLIP_BLURRED -> {
                slip(frame, r, text, ec, 240 + r.nextInt(120), 25, 0, 1.0);
                blur = 1.4 + r.nextDouble() * 0.8;
            }
            case SLIP_LOW_CONTRAST -> slip(frame, r, text, ec, 220 + r.nextInt(140), 25, 0, 0.3 + r.nextDouble() * 0.1);
            case PHONE -> phone(frame, r, text, ec, 200 + r.nextInt(140), false, false, false);
            case PHONE_GLARE -> phone(frame, r, text, ec, 220 + r.nextInt(120), true, false, false);
            case PHONE_MOIRE -> phone(frame, r, text, ec, 200 + r.nextInt(160), false, true, false);
            case PHONE_SMALL -> phone(frame, r, text, ec, 120 + r.nextInt(40), false, r.nextBoolean(), false);
            case PHONE_DARK_MODE -> phone(frame, r, text, ec, 200 + r.nextInt(140), false, false, true);
            case NO_CODE -> {
                if (r.nextBoolean()) {
                    phone(frame, r, null, ec, 260, r.nextBoolean(), false, false);
                } else {
                    textSlip(frame, r);
                }
            }
            case OTHER_BARCODE -> other(frame, r);
            case TEXT_ONLY -> textSlip(frame, r);
            default -> throw new IllegalArgumentException(kind.name());
        }
        light(frame, r);
        Mat out = camera(frame, blur, noise, quality, r);
        if (kind == Kind.MIRRORED) {
            Core.flip(out, out, 1);
        }
        return new Frame(kind, index, out, text);
    }

    /** A slip with this text lying on a desk, photographed: a code about 300 px across, turned, slightly tilted. */
    static Mat photo(String text, Random r) {
        Mat frame = desk(r);
        slip(frame, r, text, ErrorCorrectionLevel.M, 300, 10, 0, 1.0);
        light(frame, r);
        return camera(frame, 0.7, 2, 85, r);
    }

    /** A desk: a wood-brown ground with a soft grain and a few objects lying about. */
    static Mat desk(Random r) {
        Mat small = new Mat(HEIGHT / 8, WIDTH / 8, CvType.CV_8UC3);
        Core.randu(small, 0, 255);
        Mat grain = new Mat();
        Imgproc.resize(small, grain, new Size(WIDTH, HEIGHT), 0, 0, Imgproc.INTER_CUBIC);
        Imgproc.GaussianBlur(grain, grain, new Size(0, 0), 6);
        Mat desk = new Mat(HEIGHT, WIDTH, CvType.CV_8UC3,
                new Scalar(50 + r.nextInt(40), 80 + r.nextInt(40), 110 + r.nextInt(50)));
        Core.addWeighted(desk, 0.85, grain, 0.15, 0, desk);
        for (int i = 0, n = r.nextInt(3); i < n; i++) { // a pen, a box, a card lying about
            Point a = new Point(r.nextInt(WIDTH), r.nextInt(HEIGHT));
            Imgproc.rectangle(desk, a, new Point(a.x + 40 + r.nextInt(200), a.y + 10 + r.nextInt(120)),
                    new Scalar(r.nextInt(255), r.nextInt(255), r.nextInt(255)), -1);
        }
        small.release();
        grain.release();
        return desk;
    }

    /** The code's modules: 0 dark, 255 light, {@code px} pixels a module, {@code quiet} modules of margin. */
    static Mat code(String text, ErrorCorrectionLevel ec, int px, int quiet) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ec);
        hints.put(EncodeHintType.MARGIN, 0);
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
            return bits(m, px, quiet);
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    static Mat bits(BitMatrix m, int px, int quiet) {
        int w = m.getWidth() + 2 * quiet;
        int h = m.getHeight() + 2 * quiet;
        byte[] cells = new byte[w * h];
        java.util.Arrays.fill(cells, (byte) 255);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    cells[(y + quiet) * w + x + quiet] = 0;
                }
            }
        }
        Mat small = new Mat(h, w, CvType.CV_8UC1);
        small.put(0, 0, cells);
        Mat img = new Mat();
        Imgproc.resize(small, img, new Size(w * px, h * px), 0, 0, Imgproc.INTER_NEAREST);
        small.release();
        return img;
    }

    /**
     * A printed slip: the code (and its 4-module quiet zone) in ink on paper, lines of text below,
     * placed so the code is about {@code codePx} frame pixels across, tilted {@code tilt}° out of
     * the picture's plane; {@code contrast} 1 is black ink, less is faded ink on grey paper.
     */
    static void slip(Mat frame, Random r, String text, ErrorCorrectionLevel ec, int codePx, int maxTiltWhenFlat,
                     int tilt, double contrast) {
        Mat code = code(text, ec, 8, 4);
        int margin = code.cols() / 6;
        Mat paper = new Mat(code.rows() + margin * 2 + code.cols() / 2, code.cols() + margin * 2, CvType.CV_8UC1,
                new Scalar(225 + r.nextInt(25)));
        double paperLevel = paper.get(0, 0)[0];
        double ink = paperLevel - (paperLevel - 25) * contrast;
        Mat inked = new Mat();
        code.convertTo(inked, CvType.CV_8UC1, (paperLevel - ink) / 255.0, ink);
        inked.copyTo(paper.submat(new Rect(margin, margin, code.cols(), code.rows())));
        for (int y = code.rows() + margin * 3 / 2; y + 20 < paper.rows(); y += 40) {
            int len = paper.cols() / 3 + r.nextInt(paper.cols() / 2);
            for (int x = margin; x < margin + len; x += 30 + r.nextInt(10)) {
                Imgproc.rectangle(paper, new Point(x, y), new Point(x + 18 + r.nextInt(8), y + 22),
                        new Scalar(ink), -1);
            }
        }
        Mat bgr = new Mat();
        Imgproc.cvtColor(paper, bgr, Imgproc.COLOR_GRAY2BGR);
        double scale = codePx / (double) code.cols();
        place(frame, bgr, scale, tilt > 0 ? tilt : r.nextInt(maxTiltWhenFlat + 1), r,
                new Point(margin + code.cols() / 2.0, margin + code.rows() / 2.0));
        code.release();
        inked.release();
        paper.release();
        bgr.release();
    }

    /**
     * A phone held up: the code on a bright screen inside a dark body. {@code moire}: the screen's
     * pixel grid is drawn (its dark gaps between pixels) and sampled by the camera without
     * smoothing; {@code glare}: a ceiling light's reflection over part of the screen; {@code dark}:
     * light modules on a dark screen. {@code text} {@code null}: a screen of other content.
     */
    static void phone(Mat frame, Random r, String text, ErrorCorrectionLevel ec, int codePx, boolean glare,
                      boolean moire, boolean dark) {
        int px = moire ? 9 : 6; // screen pixels per module
        Mat code = text == null ? content(r, 57 * px + 8 * px) : code(text, ec, px, 4);
        int grid = moire ? 3 : 1;
        int screenW = code.cols() + 2 * px;
        int screenH = (int) (screenW * 2.0);
        Mat screen = new Mat(screenH, screenW, CvType.CV_8UC1, new Scalar(dark ? 18 : 250));
        Mat shown = new Mat();
        if (dark) {
            Core.bitwise_not(code, shown);
            shown.convertTo(shown, CvType.CV_8UC1, 220 / 255.0, 18);
        } else {
            code.convertTo(shown, CvType.CV_8UC1, 230 / 255.0, 20);
        }
        int top = screenH / 3;
        shown.copyTo(screen.submat(new Rect(px, top, code.cols(), code.rows())));
        Imgproc.rectangle(screen, new Point(px * 2, px * 4), new Point(screenW - px * 8, px * 9),
                new Scalar(dark ? 200 : 40), -1); // a title
        Mat big = screen;
        if (grid > 1) {
            big = new Mat();
            Imgproc.resize(screen, big, new Size(screenW * grid, screenH * grid), 0, 0, Imgproc.INTER_NEAREST);
            // the dark gaps between the screen's pixels: every third row and column at a third of the light
            Mat tile = new Mat(grid, grid, CvType.CV_8UC1, new Scalar(255));
            tile.row(grid - 1).setTo(new Scalar(90));
            tile.col(grid - 1).setTo(new Scalar(90));
            Mat mask = new Mat();
            Core.repeat(tile, screenH, screenW, mask);
            Core.multiply(big, mask, big, 1 / 255.0);
            tile.release();
            mask.release();
        }
        int bezel = big.cols() / 14;
        Mat body = new Mat(big.rows() + 2 * bezel, big.cols() + 2 * bezel, CvType.CV_8UC1, new Scalar(22));
        big.copyTo(body.submat(new Rect(bezel, bezel, big.cols(), big.rows())));
        Mat bgr = new Mat();
        Imgproc.cvtColor(body, bgr, Imgproc.COLOR_GRAY2BGR);
        double scale = codePx / (double) (code.cols() * grid);
        Point codeCentre = new Point(bezel + (px + code.cols() / 2.0) * grid, bezel + (top + code.rows() / 2.0) * grid);
        Point[] quad = place(frame, bgr, scale, r.nextInt(20), r, codeCentre);
        if (glare) {
            glare(frame, quad, r);
        }
        code.release();
        shown.release();
        screen.release();
        if (big != screen) {
            big.release();
        }
        body.release();
        bgr.release();
    }

    /** Something else on a screen or slip: blocks of text and a picture, no code. */
    static Mat content(Random r, int size) {
        Mat m = new Mat(size, size, CvType.CV_8UC1, new Scalar(255));
        for (int y = 10; y + 20 < size; y += 34) {
            for (int x = 10; x < size - 40; x += 26 + r.nextInt(10)) {
                if (r.nextInt(8) > 0) {
                    Imgproc.rectangle(m, new Point(x, y), new Point(x + 16 + r.nextInt(6), y + 18), new Scalar(30), -1);
                }
            }
        }
        Imgproc.rectangle(m, new Point(size / 4.0, size / 3.0), new Point(size * 3 / 4.0, size * 2 / 3.0),
                new Scalar(120), -1);
        return m;
    }

    /** A slip of text with a table and square bullets (the finder patterns' look-alikes). */
    static void textSlip(Mat frame, Random r) {
        Mat m = content(r, 500);
        for (int i = 0; i < 3; i++) {
            Point p = new Point(20 + r.nextInt(440), 20 + r.nextInt(440));
            Imgproc.rectangle(m, p, new Point(p.x + 28, p.y + 28), new Scalar(0), -1);
            Imgproc.rectangle(m, new Point(p.x + 4, p.y + 4), new Point(p.x + 23, p.y + 23), new Scalar(255), -1);
            Imgproc.rectangle(m, new Point(p.x + 8, p.y + 8), new Point(p.x + 19, p.y + 19), new Scalar(0), -1);
        }
        Mat bgr = new Mat();
        Imgproc.cvtColor(m, bgr, Imgproc.COLOR_GRAY2BGR);
        place(frame, bgr, 0.6 + r.nextDouble() * 0.6, r.nextInt(25), r, new Point(250, 250));
        m.release();
        bgr.release();
    }

    /** Another kind of barcode on a slip. */
    static void other(Mat frame, Random r) {
        BitMatrix m;
        int pick = r.nextInt(5);
        try {
            m = switch (pick) {
                case 0 -> new EAN13Writer().encode("4901234567894", BarcodeFormat.EAN_13, 0, 0);
                case 1 -> new Code128Writer().encode("KIOSK-" + r.nextInt(99999), BarcodeFormat.CODE_128, 0, 0);
                case 2 -> new DataMatrixWriter().encode("DM" + r.nextInt(999999), BarcodeFormat.DATA_MATRIX, 0, 0);
                case 3 -> new PDF417Writer().encode("PDF417 " + r.nextInt(999999), BarcodeFormat.PDF_417, 0, 0);
                default -> new AztecWriter().encode("AZTEC " + r.nextInt(999999), BarcodeFormat.AZTEC, 0, 0);
            };
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
        boolean linear = pick <= 1;
        Mat img = bits(m, linear ? 3 : 8, 6);
        if (linear) { // a 1-D code is one row: give it height
            Mat tall = new Mat();
            Imgproc.resize(img, tall, new Size(img.cols(), img.cols() / 3.0), 0, 0, Imgproc.INTER_NEAREST);
            img.release();
            img = tall;
        }
        Mat bgr = new Mat();
        Imgproc.cvtColor(img, bgr, Imgproc.COLOR_GRAY2BGR);
        place(frame, bgr, (250 + r.nextInt(200)) / (double) img.cols(), r.nextInt(20), r,
                new Point(img.cols() / 2.0, img.rows() / 2.0));
        img.release();
        bgr.release();
    }

    /**
     * Draws {@code carrier} into the frame through a pinhole camera: scaled by {@code scale} at the
     * frame's plane, turned any way within it, tilted {@code tilt}° out of it about a random axis,
     * with the point {@code centre} of the carrier landing near the frame's middle. The carrier's
     * corners in the frame.
     */
    static Point[] place(Mat frame, Mat carrier, double scale, double tilt, Random r, Point centre) {
        double roll = r.nextDouble() * 2 * Math.PI;
        double axis = r.nextDouble() * Math.PI;
        double t = Math.toRadians(tilt);
        double cu = WIDTH / 2.0 + (r.nextDouble() - 0.5) * WIDTH * 0.2;
        double cv = HEIGHT / 2.0 + (r.nextDouble() - 0.5) * HEIGHT * 0.2;
        Point[] src = {new Point(0, 0), new Point(carrier.cols(), 0), new Point(carrier.cols(), carrier.rows()),
                new Point(0, carrier.rows())};
        Point[] dst = new Point[4];
        for (int i = 0; i < 4; i++) {
            double x = (src[i].x - centre.x) * scale;
            double y = (src[i].y - centre.y) * scale;
            // in-plane turn
            double xr = x * Math.cos(roll) - y * Math.sin(roll);
            double yr = x * Math.sin(roll) + y * Math.cos(roll);
            // tilt about an in-plane axis at angle `axis`: the component across the axis leans into depth
            double along = xr * Math.cos(axis) + yr * Math.sin(axis);
            double across = -xr * Math.sin(axis) + yr * Math.cos(axis);
            double z = across * Math.sin(t);
            across = across * Math.cos(t);
            double X = along * Math.cos(axis) - across * Math.sin(axis);
            double Y = along * Math.sin(axis) + across * Math.cos(axis);
            double k = FOCAL / (FOCAL + z);
            dst[i] = new Point(cu + X * k, cv + Y * k);
        }
        MatOfPoint2f a = new MatOfPoint2f(src);
        MatOfPoint2f b = new MatOfPoint2f(dst);
        Mat h = Imgproc.getPerspectiveTransform(a, b);
        Imgproc.warpPerspective(carrier, frame, h, frame.size(), Imgproc.INTER_LINEAR, Core.BORDER_TRANSPARENT);
        a.release();
        b.release();
        h.release();
        return dst;
    }

    /** A ceiling light's reflection on a phone's glass: a soft bright patch over part of the screen, clipping. */
    static void glare(Mat frame, Point[] quad, Random r) {
        double u = 0;
        double v = 0;
        for (Point p : quad) {
            u += p.x / 4;
            v += p.y / 4;
        }
        double span = Math.hypot(quad[1].x - quad[0].x, quad[1].y - quad[0].y);
        Mat patch = Mat.zeros(frame.size(), CvType.CV_8UC3);
        Point c = new Point(u + (r.nextDouble() - 0.5) * span * 0.8, v + (r.nextDouble() - 0.5) * span * 0.8);
        Imgproc.ellipse(patch, c, new Size(span * (0.12 + r.nextDouble() * 0.15), span * (0.05 + r.nextDouble() * 0.08)),
                r.nextDouble() * 180, 0, 360, new Scalar(170, 170, 170), -1);
        Imgproc.GaussianBlur(patch, patch, new Size(0, 0), span * 0.04 + 2);
        Core.add(frame, patch, frame);
        patch.release();
    }

    /** Uneven light: brighter on one side, darker in the corners. */
    static void light(Mat frame, Random r) {
        Mat gain = new Mat(HEIGHT / 8, WIDTH / 8, CvType.CV_32FC3);
        double gx = (r.nextDouble() - 0.5) * 0.5;
        double gy = (r.nextDouble() - 0.5) * 0.3;
        double base = 0.75 + r.nextDouble() * 0.35;
        float[] row = new float[gain.cols() * 3];
        for (int y = 0; y < gain.rows(); y++) {
            for (int x = 0; x < gain.cols(); x++) {
                double nx = x / (double) gain.cols() - 0.5;
                double ny = y / (double) gain.rows() - 0.5;
                double g = base * (1 + gx * nx * 2 + gy * ny * 2) * (1 - 0.35 * (nx * nx + ny * ny));
                row[3 * x] = row[3 * x + 1] = row[3 * x + 2] = (float) g;
            }
            gain.put(y, 0, row);
        }
        Mat full = new Mat();
        Imgproc.resize(gain, full, frame.size(), 0, 0, Imgproc.INTER_LINEAR);
        Mat f = new Mat();
        frame.convertTo(f, CvType.CV_32FC3);
        Core.multiply(f, full, f);
        f.convertTo(frame, CvType.CV_8UC3);
        gain.release();
        full.release();
        f.release();
    }

    /** The lens's blur, the sensor's noise and the stream's JPEG. */
    static Mat camera(Mat frame, double blurSigma, double noiseSigma, int quality, Random r) {
        Imgproc.GaussianBlur(frame, frame, new Size(0, 0), blurSigma);
        Mat noise = new Mat(frame.size(), CvType.CV_16SC3);
        Core.randn(noise, 0, noiseSigma);
        Mat f = new Mat();
        frame.convertTo(f, CvType.CV_16SC3);
        Core.add(f, noise, f);
        f.convertTo(frame, CvType.CV_8UC3);
        noise.release();
        f.release();
        Mat out = Jpeg.roundTrip(frame, quality);
        frame.release();
        return out;
    }
}
