package jp.kenpo.kiosk.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencv.core.Point;

import jp.kenpo.kiosk.capture.card.CardAnalysis;
import jp.kenpo.kiosk.capture.card.CardAnalyzer;
import jp.kenpo.kiosk.capture.scenes.CardScenes;
import jp.kenpo.kiosk.core.document.CardReason;

/**
 * The card analyzer on two independent sets of generated camera frames whose truth the generators
 * know: {@link CardFixtures} (drawn licences on plain and grained backgrounds, 1280×720) and
 * {@link CardScenes} (the four documents on desks and cloths, with hands, pens and coins, light
 * fall-off, colour casts, noise and JPEG, at 1280×720 and 640×480; written without looking at the
 * first generator or at the analyzer). Each is reported on its own against the targets: finding
 * recall ≥ 0.95 on frames with the whole card, finding precision ≥ 0.97 (a find on a frame without
 * the whole card, or with a corner off by more than 3 % of the card's width, counts against it),
 * accept precision ≥ 0.95 and recall ≥ 0.90, and each flaw's own reason in ≥ 80 % of its frames.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CardAnalyzerAccuracyTest {

    static final String FIRST = "first generator (CardFixtures)";
    static final String SECOND = "second generator (CardScenes)";

    /** What the analyzer said about one labelled frame; the frame itself is released at once. */
    record Outcome(String kind, String surface, Point[] truth, boolean wholeCard, boolean good, CardReason expected,
                   CardAnalysis seen) {
    }

    private final Map<String, List<Outcome>> outcomes = new TreeMap<>();

    @BeforeAll
    void analyze() {
        OpenCv.load();
        try (CardAnalyzer analyzer = new CardAnalyzer()) {
            List<Outcome> first = new ArrayList<>();
            for (int chunk = 0; chunk < 12; chunk++) { // 240 frames, 20 at a time
                for (CardFixtures.Frame f : CardFixtures.generate(20261122 + chunk, 20)) {
                    first.add(outcome(f, analyzer.analyze(f.image())));
                    f.image().release();
                }
            }
            outcomes.put(FIRST, first);
            List<Outcome> second = new ArrayList<>();
            for (int chunk = 0; chunk < 10; chunk++) { // 200 frames
                for (CardScenes.Scene s : CardScenes.generate(7100 + chunk, 20)) {
                    second.add(outcome(s, analyzer.analyze(s.image())));
                    s.image().release();
                }
            }
            outcomes.put(SECOND, second);
        }
    }

    @AfterAll
    void report() {
        outcomes.forEach((source, list) -> System.out.println(summary(source, list)));
    }

    private static Outcome outcome(CardFixtures.Frame f, CardAnalysis a) {
        CardReason expected = switch (f.kind()) {
            case BLURRY -> CardReason.BLURRY;
            case GLARE -> CardReason.GLARE;
            case DARK -> CardReason.TOO_DARK;
            case SMALL -> CardReason.TOO_SMALL;
            case CUT_OFF -> CardReason.CUT_OFF;
            case TILTED -> CardReason.TILTED;
            case EMPTY, PAPER, PHONE -> CardReason.NOT_FOUND;
            case GOOD, NOISY -> null;
        };
        return new Outcome(f.kind().name(), "", f.corners(), f.cardFullyVisible(), f.shouldAccept(), expected, a);
    }

    private static Outcome outcome(CardScenes.Scene s, CardAnalysis a) {
        CardReason expected = switch (s.flaw()) {
            case BLURRY -> CardReason.BLURRY;
            case GLARE -> CardReason.GLARE;
            case DARK -> CardReason.TOO_DARK;
            case SMALL -> CardReason.TOO_SMALL;
            case CUT_OFF -> CardReason.CUT_OFF;
            case TILTED -> CardReason.TILTED;
            case NO_CARD -> CardReason.NOT_FOUND;
            case GOOD -> null;
        };
        String kind = s.flaw() == CardScenes.Flaw.NO_CARD ? "NO_CARD/" + s.distractor() : s.flaw().name();
        return new Outcome(kind, s.background().replaceAll("-(oak|maple|cherry|walnut|teak)$", ""), s.corners(),
                s.corners() != null && s.flaw() != CardScenes.Flaw.CUT_OFF, s.flaw() == CardScenes.Flaw.GOOD, expected, a);
    }

    /** Every found corner within 3 % of the card's width of a true one, whichever corner the analyzer calls first. */
    static boolean cornersMatch(Point[] truth, List<double[]> found) {
        double tolerance = 0.03 * Math.hypot(truth[1].x - truth[0].x, truth[1].y - truth[0].y);
        for (int shift = 0; shift < 4; shift++) {
            boolean all = true;
            for (int i = 0; i < 4 && all; i++) {
                double[] f = found.get((i + shift) % 4);
                all = Math.hypot(truth[i].x - f[0], truth[i].y - f[1]) <= tolerance;
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    record Figures(int wholeCards, int foundWhole, int found, int foundRight, int good, int accepted, int acceptedGood) {
        double findRecall() {
            return (double) foundWhole / wholeCards;
        }

        double findPrecision() {
            return found == 0 ? 1 : (double) foundRight / found;
        }

        double acceptPrecision() {
            return accepted == 0 ? 1 : (double) acceptedGood / accepted;
        }

        double acceptRecall() {
            return (double) acceptedGood / good;
        }
    }

    static Figures figures(List<Outcome> list) {
        int whole = 0;
        int foundWhole = 0;
        int found = 0;
        int right = 0;
        int good = 0;
        int accepted = 0;
        int acceptedGood = 0;
        for (Outcome o : list) {
            CardAnalysis a = o.seen();
            if (o.wholeCard()) {
                whole++;
                foundWhole += a.found() ? 1 : 0;
            }
            if (a.found()) {
                found++;
                right += o.wholeCard() && cornersMatch(o.truth(), a.corners()) ? 1 : 0;
            }
            good += o.good() ? 1 : 0;
            if (a.accept()) {
                accepted++;
                acceptedGood += o.good() ? 1 : 0;
            }
        }
        return new Figures(whole, foundWhole, found, right, good, accepted, acceptedGood);
    }

    private String summary(String source, List<Outcome> list) {
        Figures f = figures(list);
        StringBuilder s = new StringBuilder(String.format(
                "card analyzer, %s, %d frames: finding recall %.3f (%d/%d), precision %.3f (%d/%d); accept precision %.3f (%d/%d), recall %.3f (%d/%d)%n",
                source, list.size(), f.findRecall(), f.foundWhole(), f.wholeCards(), f.findPrecision(), f.foundRight(),
                f.found(), f.acceptPrecision(), f.acceptedGood(), f.accepted(), f.acceptRecall(), f.acceptedGood(), f.good()));
        reasons(list).forEach((kind, t) -> s.append(String.format("  %-18s its reason in %d of %d%n", kind, t[0], t[1])));
        Map<String, int[]> bySurface = new TreeMap<>();
        for (Outcome o : list) {
            if (o.wholeCard() && !o.surface().isEmpty()) {
                int[] t = bySurface.computeIfAbsent(o.surface(), k -> new int[2]);
                t[1]++;
                t[0] += o.seen().found() ? 1 : 0;
            }
        }
        bySurface.forEach((surface, t) -> s.append(String.format("  found on %-14s %d of %d%n", surface, t[0], t[1])));
        list.stream().filter(o -> o.wholeCard() && !o.seen().found())
                .forEach(o -> s.append(String.format("  missed: %s on %s, %s%n", o.kind(), o.surface(), o.seen().reasons())));
        list.stream().filter(o -> o.seen().found() && !(o.wholeCard() && cornersMatch(o.truth(), o.seen().corners())))
                .forEach(o -> s.append(String.format("  wrong find: %s on %s, fill %.3f, tilt %.0f, roll %.0f, %s%n", o.kind(),
                        o.surface(), o.seen().fill(), o.seen().tilt(), o.seen().roll(), o.seen().reasons())));
        return s.toString();
    }

    /** Per flaw kind: frames whose reasons include the flaw's own, and frames of the kind. */
    static Map<String, int[]> reasons(List<Outcome> list) {
        Map<String, int[]> tally = new TreeMap<>();
        for (Outcome o : list) {
            if (o.expected() == null) {
                continue;
            }
            String kind = o.kind().startsWith("NO_CARD") || o.expected() == CardReason.NOT_FOUND ? "no card"
                    : o.kind().toLowerCase(Locale.ROOT);
            int[] t = tally.computeIfAbsent(kind, k -> new int[2]);
            t[1]++;
            t[0] += o.seen().reasons().contains(o.expected()) ? 1 : 0;
        }
        return tally;
    }

    /** The targets, on each generator by itself. */
    @ParameterizedTest
    @ValueSource(strings = {FIRST, SECOND})
    void findingAndAcceptingMeetTheTargets(String source) {
        Figures f = figures(outcomes.get(source));
        assertThat(f.findRecall()).as("%s: finding recall", source).isGreaterThanOrEqualTo(0.95);
        assertThat(f.findPrecision()).as("%s: finding precision", source).isGreaterThanOrEqualTo(0.97);
        assertThat(f.acceptPrecision()).as("%s: accept precision", source).isGreaterThanOrEqualTo(0.95);
        assertThat(f.acceptRecall()).as("%s: accept recall", source).isGreaterThanOrEqualTo(0.90);
        eachFlawGivesItsOwnReason(source, 0.8);
    }

    private void eachFlawGivesItsOwnReason(String source, double share) {
        Map<String, int[]> tally = reasons(outcomes.get(source));
        assertThat(tally.keySet()).contains("blurry", "glare", "dark", "small", "cut_off", "tilted", "no card");
        tally.forEach((kind, t) -> assertThat((double) t[0] / t[1])
                .as("%s: %s gives its own reason in %d of %d frames (target 0.8)", source, kind, t[0], t[1])
                .isGreaterThanOrEqualTo(share));
    }

    /**
     * Beyond the targets, what the second generator's frames (busier desks and cloths, hands, faint
     * edges) reach for each flaw's reason, so that nothing slips back. Cut-off cards reach it since a
     * card seen by one corner is told by that corner's rounding (17 of 20); small cards since a frame
     * where no card is found is searched again flattened (a cloth's pattern given the colour around
     * it) and in a copy twice the size (20 of 20); blurred cards since a card whose edges are too soft
     * for the fit at full resolution is fitted in the small copy (20 of 20); a certificate whose dark
     * header is lost in a dark cloth or desk is found from its ground's outline, too wide for a card,
     * or in the small copy (dark cards 20 of 20).
     */
    @Test
    void theSecondGeneratorKeepsWhatIsReached() {
        Map<String, Double> reached = Map.of("blurry", 0.95, "glare", 0.95, "tilted", 0.85, "no card", 0.8,
                "small", 0.9, "dark", 0.95, "cut_off", 0.8);
        Map<String, int[]> tally = reasons(outcomes.get(SECOND));
        assertThat(tally.keySet()).containsExactlyInAnyOrderElementsOf(reached.keySet());
        tally.forEach((kind, t) -> assertThat((double) t[0] / t[1])
                .as("%s: %s gives its own reason in %d of %d frames (reached %.2f)", SECOND, kind, t[0], t[1], reached.get(kind))
                .isGreaterThanOrEqualTo(reached.get(kind)));
    }
}
