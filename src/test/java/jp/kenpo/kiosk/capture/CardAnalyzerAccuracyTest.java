package jp.kenpo.kiosk.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Point;

import jp.kenpo.kiosk.capture.CardFixtures.Frame;
import jp.kenpo.kiosk.capture.CardFixtures.Kind;
import jp.kenpo.kiosk.core.document.CardReason;

/**
 * The card analyzer on 240 generated 1280×720 frames whose truth the generator knows: finding
 * (recall ≥ 0.95 on frames with the whole card, precision ≥ 0.97 — a find on a frame without a card,
 * or with corners off by more than 3 % of the card's width, counts against it) and the accept
 * decision (precision ≥ 0.95, recall ≥ 0.90).
 */
class CardAnalyzerAccuracyTest {

    static List<Frame> frames;
    static CardAnalyzer analyzer;

    @BeforeAll
    static void generate() {
        OpenCv.load();
        frames = CardFixtures.generate(20261122, 240);
        analyzer = new CardAnalyzer();
    }

    @AfterAll
    static void release() {
        frames.forEach(f -> f.image().release());
        analyzer.close();
    }

    private static boolean cornersMatch(Point[] truth, List<double[]> found) {
        double tolerance = 0.03 * Math.hypot(truth[1].x - truth[0].x, truth[1].y - truth[0].y);
        for (int i = 0; i < 4; i++) {
            if (Math.hypot(truth[i].x - found.get(i)[0], truth[i].y - found.get(i)[1]) > tolerance) {
                return false;
            }
        }
        return true;
    }

    @Test
    void findingAndAcceptingMeetTheTargets() {
        int visible = 0;
        int foundVisible = 0;
        int foundAll = 0;
        int foundRight = 0;
        int good = 0;
        int accepted = 0;
        int acceptedGood = 0;
        Map<Kind, List<String>> seen = new EnumMap<>(Kind.class);
        List<String> wrongAccepts = new ArrayList<>();
        for (Frame f : frames) {
            CardAnalysis a = analyzer.analyze(f.image());
            seen.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(String.format("%s s=%.0f g=%.3f e=%.0f f=%.2f t=%.0f %s",
                    a.found() ? "F" : "-", a.sharpness(), a.glare(), a.exposure(), a.fill(), a.tilt(),
                    a.reasons().stream().map(CardReason::code).toList()));
            if (f.cardFullyVisible()) {
                visible++;
                if (a.found()) {
                    foundVisible++;
                }
            }
            if (a.found() && f.kind() != Kind.CUT_OFF) {
                foundAll++;
                if (f.corners() != null && cornersMatch(f.corners(), a.corners())) {
                    foundRight++;
                }
            }
            if (f.shouldAccept()) {
                good++;
            }
            if (a.accept()) {
                accepted++;
                if (f.shouldAccept()) {
                    acceptedGood++;
                } else {
                    wrongAccepts.add(f.kind().name());
                }
            }
        }
        double findRecall = (double) foundVisible / visible;
        double findPrecision = (double) foundRight / foundAll;
        double acceptPrecision = (double) acceptedGood / accepted;
        double acceptRecall = (double) acceptedGood / good;
        System.out.printf("card analyzer on %d frames: finding recall %.3f (%d/%d), precision %.3f (%d/%d); "
                        + "accept precision %.3f (%d/%d), recall %.3f (%d/%d); wrongly accepted %s%n",
                frames.size(), findRecall, foundVisible, visible, findPrecision, foundRight, foundAll,
                acceptPrecision, acceptedGood, accepted, acceptRecall, acceptedGood, good, wrongAccepts);
        if (Boolean.getBoolean("card.calibrate")) {
            seen.forEach((k, v) -> v.stream().limit(8).forEach(line -> System.out.println(k + " " + line)));
        }
        assertThat(findRecall).as("finding recall").isGreaterThanOrEqualTo(0.95);
        assertThat(findPrecision).as("finding precision").isGreaterThanOrEqualTo(0.97);
        assertThat(acceptPrecision).as("accept precision").isGreaterThanOrEqualTo(0.95);
        assertThat(acceptRecall).as("accept recall").isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void eachFlawGetsItsOwnReason() {
        Map<Kind, CardReason> expected = Map.of(Kind.BLURRY, CardReason.BLURRY, Kind.GLARE, CardReason.GLARE,
                Kind.DARK, CardReason.TOO_DARK, Kind.SMALL, CardReason.TOO_SMALL, Kind.TILTED, CardReason.TILTED,
                Kind.EMPTY, CardReason.NOT_FOUND);
        Map<Kind, int[]> tally = new EnumMap<>(Kind.class);
        for (Frame f : frames) {
            CardReason want = expected.get(f.kind());
            if (want == null) {
                continue;
            }
            int[] t = tally.computeIfAbsent(f.kind(), k -> new int[2]);
            t[1]++;
            if (analyzer.analyze(f.image()).reasons().contains(want)) {
                t[0]++;
            }
        }
        tally.forEach((k, t) -> assertThat((double) t[0] / t[1]).as("%s gives %s in %d of %d frames", k,
                expected.get(k), t[0], t[1]).isGreaterThanOrEqualTo(0.8));
    }
}
