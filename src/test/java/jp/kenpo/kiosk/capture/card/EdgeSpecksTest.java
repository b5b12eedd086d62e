package jp.kenpo.kiosk.capture.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

import jp.kenpo.kiosk.capture.OpenCv;

class EdgeSpecksTest {

    static {
        OpenCv.load();
    }

    /** The finder's limits on its 320 × 180 copy: outlines of 2 % of it, sides of a card that size. */
    private static final double MIN_AREA = 0.02 * 320 * 180;
    private static final double MIN_SIDE = Math.sqrt(MIN_AREA / CardGeometry.ID1_ASPECT);

    @Test
    void specksAndPoresGoTheOutlinesTakenStay() {
        Mat edges = Mat.zeros(180, 320, CvType.CV_8UC1);
        Scalar on = new Scalar(255);
        // a card's outline, a square of a printed box inside it, and a stroke as long as a side
        Imgproc.rectangle(edges, new Point(20, 30), new Point(150, 112), on, 1);
        Imgproc.rectangle(edges, new Point(30, 40), new Point(70, 80), on, 1);
        Imgproc.line(edges, new Point(40, 150), new Point(40 + MIN_SIDE + 2, 152), on, 1);
        // a cloth's weave beside it: one piece of edge full of pores
        for (int x = 180; x <= 300; x += 6) {
            Imgproc.line(edges, new Point(x, 20), new Point(x, 160), on, 1);
        }
        for (int y = 20; y <= 160; y += 5) {
            Imgproc.line(edges, new Point(180, y), new Point(300, y), on, 1);
        }
        // grain: specks, some in the card, some in the weave's pores
        for (int i = 0; i < 60; i++) {
            int x = 25 + (i * 37) % 290;
            int y = 35 + (i * 53) % 120;
            Imgproc.rectangle(edges, new Point(x, y), new Point(x + 1, y), on, -1);
        }
        List<MatOfPoint> before = contours(edges);
        List<String> taken = taken(before);

        new EdgeSpecks().clear(edges, MIN_AREA, MIN_SIDE);
        List<MatOfPoint> after = contours(edges);

        assertTrue(before.size() > 300, "the weave's pores and the specks are outlines before: " + before.size());
        assertEquals(taken, taken(after), "the outlines of the size taken are the same");
        assertEquals(taken.size(), after.size(), "no outline too small to be taken is left");
        before.forEach(Mat::release);
        after.forEach(Mat::release);
        edges.release();
    }

    @Test
    void aPoreOpenToTheBorderIsNotFilled() {
        // a pore walled off by the picture's outermost column and row: OpenCV may trace outlines as if
        // those pixels were 0, and then the pore is open to the outside, not a hole to fill
        Mat edges = Mat.zeros(180, 320, CvType.CV_8UC1);
        Imgproc.line(edges, new Point(0, 0), new Point(60, 0), new Scalar(255), 1);
        Imgproc.line(edges, new Point(0, 0), new Point(0, 3), new Scalar(255), 1);
        Imgproc.rectangle(edges, new Point(0, 3), new Point(3, 3), new Scalar(255), 1);
        Imgproc.line(edges, new Point(3, 0), new Point(3, 3), new Scalar(255), 1);
        Mat copy = edges.clone();
        new EdgeSpecks().clear(edges, MIN_AREA, MIN_SIDE);
        Mat diff = new Mat();
        org.opencv.core.Core.absdiff(edges, copy, diff);
        assertEquals(0, org.opencv.core.Core.countNonZero(diff), "the pore at the border is left open");
        edges.release();
        copy.release();
        diff.release();
    }

    private static List<MatOfPoint> contours(Mat edges) {
        List<MatOfPoint> found = new ArrayList<>();
        Imgproc.findContours(edges, found, new Mat(), Imgproc.RETR_LIST, Imgproc.CHAIN_APPROX_SIMPLE);
        return found;
    }

    /** The outlines the finder reads — box of at least MIN_AREA or a side of MIN_SIDE — by box and hull area. */
    private static List<String> taken(List<MatOfPoint> contours) {
        List<String> out = new ArrayList<>();
        for (MatOfPoint c : contours) {
            Rect box = Imgproc.boundingRect(c);
            if ((double) box.width * box.height >= MIN_AREA || Math.max(box.width, box.height) >= MIN_SIDE) {
                out.add(box + " area " + Imgproc.contourArea(c));
            }
        }
        out.sort(null);
        return out;
    }
}
