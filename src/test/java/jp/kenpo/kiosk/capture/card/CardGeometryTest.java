package jp.kenpo.kiosk.capture.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proportions, tilt and turn recovered from four corners seen through pinhole cameras of several
 * fields of view — the camera's focal length is never told to {@link CardGeometry}.
 */
class CardGeometryTest {

    static final double W = 85.60;
    static final double H = 53.98;

    /** Corners (x[4], y[4]) of a w × h mm rectangle seen by a camera, clockwise from its top-left. */
    static double[][] project(double w, double h, double hfovDeg, double tiltDeg, double axisDeg, double rollDeg,
                              double fill, double offX, double offY) {
        int width = 1280;
        int height = 720;
        double f = width / 2.0 / Math.tan(Math.toRadians(hfovDeg / 2));
        double area = w * h * Math.cos(Math.toRadians(tiltDeg));
        double d = f * Math.sqrt(area / (fill * width * height));
        double t = Math.toRadians(tiltDeg);
        double ax = Math.cos(Math.toRadians(axisDeg));
        double ay = Math.sin(Math.toRadians(axisDeg));
        double r = Math.toRadians(rollDeg);
        double[][] local = {{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}};
        double[] xs = new double[4];
        double[] ys = new double[4];
        for (int i = 0; i < 4; i++) {
            double px = local[i][0] * Math.cos(r) - local[i][1] * Math.sin(r);
            double py = local[i][0] * Math.sin(r) + local[i][1] * Math.cos(r);
            double along = px * ax + py * ay;
            double qx = along * ax + (px - along * ax) * Math.cos(t);
            double qy = along * ay + (py - along * ay) * Math.cos(t);
            double qz = (ay * px - ax * py) * Math.sin(t);
            double z = d + qz;
            xs[i] = width / 2.0 + f * (qx + offX * d / f) / z;
            ys[i] = height / 2.0 + f * (qy + offY * d / f) / z;
        }
        return new double[][] {xs, ys};
    }

    /** The pose of projected corners, put in the card's order first as the analyzer does. */
    static CardGeometry.Pose seen(double[][] c) {
        int[] order = CardGeometry.cardOrder(c[0], c[1], 1280, 720);
        double[] x = new double[4];
        double[] y = new double[4];
        for (int i = 0; i < 4; i++) {
            x[i] = c[0][order[i]];
            y[i] = c[1][order[i]];
        }
        return CardGeometry.pose(x, y, 1280, 720);
    }

    static Stream<Arguments> cards() {
        return Stream.of(
                // hfov, tilt, tilt axis, roll, fill, offset x, offset y
                Arguments.of(70, 0, 0, 0, 0.3, 0, 0),
                Arguments.of(70, 10, 30, 5, 0.3, 100, -50),
                Arguments.of(55, 25, 90, -8, 0.25, -200, 80),
                Arguments.of(90, 25, 0, 12, 0.2, 150, 100),
                Arguments.of(60, 40, 45, 0, 0.2, 0, 0),
                Arguments.of(80, 43, 120, 3, 0.15, -100, -60),
                Arguments.of(70, 45, 0, -5, 0.3, 50, 20),
                Arguments.of(50, 35, 160, 10, 0.35, 0, 0),
                Arguments.of(70, 5, 0, 40, 0.3, 0, 0),
                Arguments.of(70, 5, 0, 88, 0.3, 0, 0));
    }

    @ParameterizedTest(name = "fov {0}°, tilt {1}° about {2}°, roll {3}°")
    @MethodSource("cards")
    void aCardMeasuresId1AndItsTiltWhateverTheCamera(double fov, double tilt, double axis, double roll, double fill,
                                                     double offX, double offY) {
        CardGeometry.Pose p = seen(project(W, H, fov, tilt, axis, roll, fill, offX, offY));
        assertThat(p).isNotNull();
        assertThat(p.aspectError()).as("proportions").isLessThan(0.01);
        assertThat(p.tilt()).as("tilt").isCloseTo(tilt, within(tilt < 8 ? 4.0 : 2.0));
        // the long side is the first: a card held upright reads turned by about 90°
        assertThat(p.roll()).as("roll").isCloseTo(roll, within(Math.max(3, tilt / 3)));
    }

    static Stream<Arguments> notCards() {
        return Stream.of(
                Arguments.of("A4 paper", 297, 210, 0),
                Arguments.of("A4 paper, tilted", 297, 210, 30),
                Arguments.of("A4 paper upright, tilted", 210, 297, 35),
                Arguments.of("letter paper", 279.4, 215.9, 20),
                Arguments.of("B5 notebook", 257, 182, 25),
                Arguments.of("phone", 147, 71, 10),
                Arguments.of("phone, tilted", 147, 71, 40),
                Arguments.of("receipt", 250, 70, 15),
                Arguments.of("square note", 75, 75, 20));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notCards")
    void otherRectanglesDoNotMeasureId1(String what, double w, double h, double tilt) {
        for (double fov : new double[] {55, 70, 90}) {
            for (double axis : new double[] {0, 45, 90, 135}) {
                CardGeometry.Pose p = seen(project(w, h, fov, tilt, axis, 4, 0.3, 30, -20));
                assertThat(p.aspectError()).as("%s seen by a %.0f° camera, tilted about %.0f°", what, fov, axis)
                        .isGreaterThan(CardAnalyzer.MAX_ASPECT_ERROR);
            }
        }
    }

    @Test
    void pointsThatAreNotAConvexQuadrilateralInFrontOfTheCameraAreRefused() {
        // a bow tie: corners 2 and 3 swapped
        double[] x = {100, 600, 100, 600};
        double[] y = {100, 100, 400, 400};
        CardGeometry.Pose p = CardGeometry.pose(x, y, 1280, 720);
        assertThat(p == null || p.aspectError() > 0.5).isTrue();
    }
}
