package jp.kenpo.kiosk.capture;

import jp.kenpo.kiosk.capture.card.CardAnalysis;
import jp.kenpo.kiosk.capture.card.CardAnalyzer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Generated camera frames of synthetic ID-1 cards (synthetic people, Japanese text in an installed
 * font) on varied backgrounds, seen by a pinhole camera, with the labels the generator knows: where
 * the card's corners are and whether the frame is good enough to keep. Kinds: good (some with
 * sensor noise; held within 10° of facing the camera), blurry, glare, dark, small, cut off, tilted
 * (35–45° out of the picture's plane), no card, and rectangular distractors (paper, phone).
 */
public final class CardFixtures {

    public enum Kind { GOOD, NOISY, BLURRY, GLARE, DARK, SMALL, CUT_OFF, TILTED, EMPTY, PAPER, PHONE }

    /** One frame and its truth. {@code corners} is null when no card is in the frame. */
    public record Frame(Mat image, Kind kind, Point[] corners) {
        public boolean cardFullyVisible() {
            return corners != null && kind != Kind.CUT_OFF;
        }

        public boolean shouldAccept() {
            return kind == Kind.GOOD || kind == Kind.NOISY;
        }
    }

    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;

    private static final String[] FAMILY = {"見本", "試験", "仮名", "例示", "検証"};
    private static final String[] GIVEN = {"花子", "太郎", "一郎", "桜", "健"};
    private static final Kind[] MIX = {Kind.GOOD, Kind.GOOD, Kind.GOOD, Kind.NOISY, Kind.GOOD, Kind.BLURRY,
            Kind.GLARE, Kind.DARK, Kind.SMALL, Kind.CUT_OFF, Kind.TILTED, Kind.EMPTY, Kind.PAPER, Kind.PHONE,
            Kind.GOOD, Kind.NOISY, Kind.BLURRY, Kind.GLARE, Kind.GOOD, Kind.DARK};

    private CardFixtures() {
    }

    /** {@code n} frames, the kinds mixed in a fixed proportion, repeatable for a seed. */
    public static List<Frame> generate(long seed, int n) {
        Random r = new Random(seed);
        Core.setRNGSeed((int) seed); // the sensor noise too
        List<Frame> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(frame(MIX[i % MIX.length], r));
        }
        return out;
    }

    public static Frame frame(Kind kind, Random r) {
        return frame(kind, r, CardFixtures::card);
    }

    /** A frame showing the card face (front or back) drawn by {@code face}. */
    public static Frame frame(Kind kind, Random r, java.util.function.Function<Random, BufferedImage> face) {
        Mat scene = background(r);
        Point[] corners = null;
        switch (kind) {
            case EMPTY -> clutter(scene, r);
            case PAPER -> place(scene, plain(r, new Color(246, 246, 242), 842, 595), r, 560 + r.nextInt(200), 0);
            case PHONE -> place(scene, phone(r), r, 300 + r.nextInt(120), 0);
            default -> {
                double width = switch (kind) {
                    case SMALL -> 190 + r.nextInt(80);
                    default -> 520 + r.nextInt(300);
                };
                double roll = r.nextDouble() * 12 - 6;
                double tilt = kind == Kind.TILTED ? 35 + 10 * r.nextDouble() : 10 * r.nextDouble();
                corners = place(scene, face.apply(r), r, width, roll, tilt, kind == Kind.CUT_OFF);
            }
        }
        switch (kind) {
            case NOISY -> noise(scene, r, 6);
            case BLURRY -> Imgproc.GaussianBlur(scene, scene, new Size(0, 0), 3.5 + r.nextDouble() * 2.5);
            case GLARE -> glare(scene, corners, r);
            case DARK -> Core.multiply(scene, new Scalar(0.22, 0.22, 0.22), scene);
            default -> {
            }
        }
        return new Frame(scene, kind, corners);
    }

    // ---- drawing ------------------------------------------------------------------------------

    /** A synthetic licence-like card face, 856×540: header, name, birthdate, address, number, photo. */
    public static BufferedImage card(Random r) {
        BufferedImage img = new BufferedImage(856, 540, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int tint = r.nextInt(3);
        g.setColor(tint == 0 ? new Color(226, 236, 226) : tint == 1 ? new Color(230, 230, 238) : new Color(236, 232, 222));
        g.fillRect(0, 0, 856, 540);
        // Like real cards, the coloured band sits inside a light margin.
        g.setColor(new Color(70, 140, 100));
        g.fillRoundRect(16, 14, 824, 62, 12, 12);
        g.setColor(Color.WHITE);
        g.setFont(new Font("IPAGothic", Font.BOLD, 40));
        g.drawString("見本証明書（テスト用）", 34, 60);
        g.setColor(new Color(20, 20, 20));
        g.setFont(new Font("IPAGothic", Font.PLAIN, 36));
        g.drawString("氏名　" + FAMILY[r.nextInt(FAMILY.length)] + "　" + GIVEN[r.nextInt(GIVEN.length)], 30, 130);
        g.setFont(new Font("IPAGothic", Font.PLAIN, 28));
        g.drawString("昭和" + (20 + r.nextInt(40)) + "年" + (1 + r.nextInt(12)) + "月" + (1 + r.nextInt(28)) + "日生", 30, 180);
        g.drawString("住所　東京都見本区試験町" + (1 + r.nextInt(9)) + "丁目" + (1 + r.nextInt(30)) + "番", 30, 230);
        g.drawString("交付　令和" + (1 + r.nextInt(7)) + "年" + (1 + r.nextInt(12)) + "月" + (1 + r.nextInt(28)) + "日", 30, 280);
        g.setFont(new Font("Monospaced", Font.BOLD, 34));
        g.drawString(String.format("第 %012d 号", Math.abs(r.nextLong()) % 1_000_000_000_000L), 30, 350);
        g.setFont(new Font("IPAGothic", Font.PLAIN, 22));
        g.drawString("この証明書は試験用に作られた見本で、実在の人物とは関係ありません。", 30, 500);
        // Photo area: a drawn head and shoulders (no real face).
        g.setColor(new Color(170, 190, 210));
        g.fillRect(620, 100, 200, 250);
        g.setColor(new Color(224, 190, 160));
        g.fillOval(665, 140, 110, 135);
        g.setColor(new Color(50, 40, 35));
        g.fillArc(660, 125, 120, 90, 0, 180);
        g.setColor(new Color(60, 70, 90));
        g.fillRoundRect(640, 280, 160, 90, 60, 60);
        g.setColor(new Color(30, 30, 30));
        g.setStroke(new BasicStroke(3));
        g.drawRect(620, 100, 200, 250);
        g.dispose();
        return img;
    }

    /**
     * A synthetic licence-like back, 856×540: the remarks field (備考) with one entry, and at the
     * bottom an organ-donation-like field that the kiosk's masks black out.
     */
    public static BufferedImage back(Random r) {
        BufferedImage img = new BufferedImage(856, 540, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(238, 238, 232));
        g.fillRect(0, 0, 856, 540);
        g.setColor(new Color(40, 40, 40));
        g.setStroke(new BasicStroke(3));
        g.drawRect(20, 20, 816, 300);
        g.setFont(new Font("IPAGothic", Font.BOLD, 30));
        g.drawString("備考", 36, 62);
        g.setFont(new Font("IPAGothic", Font.PLAIN, 28));
        g.drawString("令和" + (1 + r.nextInt(6)) + "年" + (1 + r.nextInt(12)) + "月" + (1 + r.nextInt(28))
                + "日　住所　東京都見本区試験町" + (1 + r.nextInt(9)) + "丁目", 36, 120);
        g.drawLine(20, 150, 836, 150);
        g.drawLine(20, 220, 836, 220);
        // Organ-donation-like field (臓器提供意思表示欄 on real licences): masked on the stored image.
        g.setColor(new Color(250, 250, 250));
        g.fillRect(20, 380, 816, 140);
        g.setColor(new Color(40, 40, 40));
        g.drawRect(20, 380, 816, 140);
        g.setFont(new Font("IPAGothic", Font.PLAIN, 24));
        g.drawString("見本記入欄（意思表示）　1. する　2. しない　3. 提供しない　署名", 36, 420);
        g.drawString("見本　署名欄", 36, 480);
        g.dispose();
        return img;
    }

    static BufferedImage plain(Random r, Color c, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(120, 120, 120));
        g.setFont(new Font("IPAGothic", Font.PLAIN, 24));
        for (int y = 80; y < h - 40; y += 40) {
            g.drawString("お知らせ　見本の文書です。" + y, 60, y);
        }
        g.dispose();
        return img;
    }

    static BufferedImage phone(Random r) {
        BufferedImage img = new BufferedImage(300, 620, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(25, 25, 28));
        g.fillRect(0, 0, 300, 620);
        g.setColor(new Color(90 + r.nextInt(60), 140, 200));
        g.fillRect(18, 50, 264, 520);
        g.dispose();
        return img;
    }

    static Mat background(Random r) {
        Mat m = new Mat(HEIGHT, WIDTH, CvType.CV_8UC3);
        int style = r.nextInt(3);
        double b = 40 + r.nextInt(90);
        m.setTo(new Scalar(b * (0.7 + r.nextDouble() * 0.6), b, b * (0.7 + r.nextDouble() * 0.6)));
        if (style == 1) { // wood-like grain
            for (int y = 0; y < HEIGHT; y += 6 + r.nextInt(10)) {
                Imgproc.line(m, new Point(0, y), new Point(WIDTH, y + r.nextInt(30) - 15),
                        new Scalar(b * 0.8, b * 0.9, b * 1.1), 2 + r.nextInt(3));
            }
        } else if (style == 2) { // counter edge and a shadow
            Imgproc.rectangle(m, new Point(0, HEIGHT * 0.8), new Point(WIDTH, HEIGHT), new Scalar(b * 0.5, b * 0.5, b * 0.5), -1);
        }
        noise(m, r, 4);
        return m;
    }

    private static void clutter(Mat m, Random r) {
        for (int i = 0; i < 4; i++) {
            Imgproc.circle(m, new Point(r.nextInt(WIDTH), r.nextInt(HEIGHT)), 20 + r.nextInt(60),
                    new Scalar(r.nextInt(255), r.nextInt(255), r.nextInt(255)), -1);
        }
    }

    /** Places an image in the scene; returns the corners it landed at (clockwise from top-left). */
    private static Point[] place(Mat scene, BufferedImage img, Random r, double width, double angle) {
        return place(scene, img, r, width, angle, 10 * r.nextDouble(), false);
    }

    /**
     * Puts the image into the scene as a flat object seen by a pinhole camera (70° across, the
     * principal point in the middle): turned {@code rollDeg} within the picture and tilted
     * {@code tiltDeg} out of it about a random axis in its plane, about {@code width} pixels wide.
     * Returns the corners it landed at, in the image's own order (top-left, top-right,
     * bottom-right, bottom-left).
     */
    private static Point[] place(Mat scene, BufferedImage img, Random r, double width, double rollDeg, double tiltDeg,
                                 boolean cut) {
        double f = WIDTH / 2.0 / Math.tan(Math.toRadians(35));
        double axis = r.nextDouble() * Math.PI;
        Point[] dst;
        double cx;
        double cy;
        while (true) {
            double height = width * img.getHeight() / img.getWidth();
            if (cut) {
                cx = r.nextBoolean() ? width * 0.25 : WIDTH - width * 0.25;
                cy = HEIGHT / 2.0 + r.nextInt(100) - 50;
            } else {
                double halfDiag = Math.hypot(width, height) / 2 + 10;
                double spanX = Math.max(0, WIDTH - 2 * halfDiag);
                double spanY = Math.max(0, HEIGHT - 2 * halfDiag);
                cx = spanX == 0 ? WIDTH / 2.0 : halfDiag + r.nextDouble() * spanX;
                cy = spanY == 0 ? HEIGHT / 2.0 : halfDiag + r.nextDouble() * spanY;
            }
            dst = project(width, height, rollDeg, tiltDeg, axis, cx, cy, f);
            if (cut || fits(dst)) {
                break;
            }
            width *= 0.95; // a turned or tilted card must still fit the frame: shrink until it does
        }
        Mat src = toMat(img);
        Mat mask = new Mat(src.size(), CvType.CV_8UC1, new Scalar(255));
        MatOfPoint2f from = new MatOfPoint2f(new Point(0, 0), new Point(src.cols() - 1, 0),
                new Point(src.cols() - 1, src.rows() - 1), new Point(0, src.rows() - 1));
        MatOfPoint2f to = new MatOfPoint2f(dst);
        Mat h = Imgproc.getPerspectiveTransform(from, to);
        Mat warped = new Mat();
        Mat warpedMask = new Mat();
        Imgproc.warpPerspective(src, warped, h, scene.size(), Imgproc.INTER_LINEAR);
        Imgproc.warpPerspective(mask, warpedMask, h, scene.size(), Imgproc.INTER_LINEAR);
        warped.copyTo(scene, warpedMask);
        for (Mat m : new Mat[] {src, mask, from, to, h, warped, warpedMask}) {
            m.release();
        }
        return dst;
    }

    private static Point[] project(double width, double height, double rollDeg, double tiltDeg, double axis, double cx,
                                   double cy, double f) {
        double[][] local = {{-width / 2, -height / 2}, {width / 2, -height / 2}, {width / 2, height / 2},
            {-width / 2, height / 2}};
        double t = Math.toRadians(tiltDeg);
        double ax = Math.cos(axis);
        double ay = Math.sin(axis);
        double roll = Math.toRadians(rollDeg);
        Point[] out = new Point[4];
        for (int i = 0; i < 4; i++) {
            double x = local[i][0];
            double y = local[i][1];
            // tilt about the axis (ax, ay, 0) in the object's plane (Rodrigues), then turn within the picture
            double along = x * ax + y * ay;
            double px = along * ax + (x - along * ax) * Math.cos(t);
            double py = along * ay + (y - along * ay) * Math.cos(t);
            double pz = (ay * x - ax * y) * Math.sin(t);
            double rx = px * Math.cos(roll) - py * Math.sin(roll);
            double ry = px * Math.sin(roll) + py * Math.cos(roll);
            // the object's centre at depth f, seen at (cx, cy): one unit is one pixel there
            double X = (cx - WIDTH / 2.0) + rx;
            double Y = (cy - HEIGHT / 2.0) + ry;
            double Z = f + pz;
            out[i] = new Point(WIDTH / 2.0 + f * X / Z, HEIGHT / 2.0 + f * Y / Z);
        }
        return out;
    }

    private static boolean fits(Point[] q) {
        for (Point p : q) {
            if (p.x < 20 || p.y < 20 || p.x > WIDTH - 21 || p.y > HEIGHT - 21) {
                return false;
            }
        }
        return true;
    }

    private static void glare(Mat scene, Point[] c, Random r) {
        double cx = (c[0].x + c[2].x) / 2 + (r.nextDouble() - 0.5) * (c[1].x - c[0].x) * 0.4;
        double cy = (c[0].y + c[2].y) / 2 + (r.nextDouble() - 0.5) * (c[3].y - c[0].y) * 0.4;
        double w = Math.hypot(c[1].x - c[0].x, c[1].y - c[0].y);
        Imgproc.ellipse(scene, new Point(cx, cy), new Size(w * (0.12 + r.nextDouble() * 0.1), w * 0.08), r.nextInt(180),
                0, 360, new Scalar(255, 255, 255), -1);
        Imgproc.GaussianBlur(scene, scene, new Size(0, 0), 1.2);
    }

    private static void noise(Mat m, Random r, double sigma) {
        Mat n = new Mat(m.size(), CvType.CV_16SC3);
        Core.randn(n, 0, sigma);
        Mat wide = new Mat();
        m.convertTo(wide, CvType.CV_16SC3);
        Core.add(wide, n, wide);
        wide.convertTo(m, CvType.CV_8UC3);
        n.release();
        wide.release();
    }

    static Mat toMat(BufferedImage img) {
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        Mat m = new Mat(img.getHeight(), img.getWidth(), CvType.CV_8UC3);
        m.put(0, 0, data);
        return m;
    }
}
