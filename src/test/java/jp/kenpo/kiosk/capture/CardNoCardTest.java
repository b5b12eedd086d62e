package jp.kenpo.kiosk.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.capture.card.CardAnalysis;
import jp.kenpo.kiosk.capture.card.CardAnalyzer;
import jp.kenpo.kiosk.capture.scenes.CardScenes;

/**
 * Frames without a card, in numbers the accuracy test does not hold (it has 46): what a member lays
 * down or holds up instead — a sheet of printed paper, a phone showing an app, a notebook, a receipt,
 * clutter, an empty desk — from both generators, 400 frames. A card is never to be accepted on
 * them: a sheet's row of print or a line across a phone's screen makes ID-1's proportions with
 * three of its edges. Reported by what is seen; held to at most 1 % accepted (a phone's list beside
 * its title bar, or a notebook's white label of a card's shape with rounded corners, can still pass
 * as one) and at most 6 % found at all (mostly such a label or a screen's part, then refused as too
 * small or tilted). Before a side seen along less than half its length stopped its neighbours at
 * their corners, 10 of the 50 first-generator sheets were accepted as cards.
 */
class CardNoCardTest {

    @Test
    void framesWithoutACardAreNotAcceptedAndSeldomFound() {
        OpenCv.load();
        Map<String, int[]> seen = new TreeMap<>(); // what → frames, found, accepted
        try (CardAnalyzer analyzer = new CardAnalyzer()) {
            Random r = new Random(2026_12_03L);
            for (int i = 0; i < 250; i++) {
                CardScenes.Distractor d = CardScenes.Distractor.values()[1 + i % 5];
                boolean large = i % 2 == 0;
                CardScenes.Scene s = CardScenes.scene(CardScenes.Flaw.NO_CARD, null, d, large ? 1280 : 640,
                        large ? 720 : 480, r);
                count(seen, "second generator, " + d.name().toLowerCase(java.util.Locale.ROOT), analyzer.analyze(s.image()));
                s.image().release();
            }
            Random q = new Random(2026_12_04L);
            CardFixtures.Kind[] kinds = {CardFixtures.Kind.EMPTY, CardFixtures.Kind.PAPER, CardFixtures.Kind.PHONE};
            for (int i = 0; i < 150; i++) {
                CardFixtures.Frame f = CardFixtures.frame(kinds[i % 3], q);
                count(seen, "first generator, " + kinds[i % 3].name().toLowerCase(java.util.Locale.ROOT), analyzer.analyze(f.image()));
                f.image().release();
            }
        }
        int frames = 0;
        int found = 0;
        int accepted = 0;
        StringBuilder report = new StringBuilder("card analyzer on frames without a card:");
        for (Map.Entry<String, int[]> e : seen.entrySet()) {
            int[] t = e.getValue();
            report.append(String.format("%n  %-32s %3d frames, card found in %2d, accepted in %d", e.getKey(), t[0], t[1], t[2]));
            frames += t[0];
            found += t[1];
            accepted += t[2];
        }
        report.append(String.format("%n  all: %d frames, found %d (%.1f %%), accepted %d (%.1f %%)", frames, found,
                100.0 * found / frames, accepted, 100.0 * accepted / frames));
        System.out.println(report);
        assertThat(accepted).as("frames without a card where one was accepted").isLessThanOrEqualTo(frames / 100);
        assertThat(found).as("frames without a card where one was found").isLessThanOrEqualTo(frames * 6 / 100);
    }

    private static void count(Map<String, int[]> seen, String what, CardAnalysis a) {
        int[] t = seen.computeIfAbsent(what, k -> new int[3]);
        t[0]++;
        t[1] += a.found() ? 1 : 0;
        t[2] += a.accept() ? 1 : 0;
    }
}
