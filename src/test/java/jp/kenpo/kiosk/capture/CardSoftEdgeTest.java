package jp.kenpo.kiosk.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.capture.card.CardAnalysis;
import jp.kenpo.kiosk.capture.card.CardAnalyzer;
import jp.kenpo.kiosk.capture.scenes.CardScenes;
import jp.kenpo.kiosk.core.document.CardReason;

/**
 * A card whose edges are too soft for the fit at full resolution is fitted in the small copy instead
 * (docs/architecture.md §8), and found; a sheet of paper whose row of print the copy softens into a
 * step is not.
 */
class CardSoftEdgeTest {

    /**
     * Residence cards moved 18–24 px during the exposure on a light desk (the second generator; one
     * from the accuracy test's seeds, two from seeds it does not use): their sides across the motion
     * are ramps too shallow to be steps at full resolution. Found, and refused as blurry — the member
     * is told to hold the card still, not to put it in the frame.
     */
    @Test
    void aCardSmearedByTheHandOnALightDeskIsFoundAndRefusedAsBlurry() {
        OpenCv.load();
        try (CardAnalyzer analyzer = new CardAnalyzer()) {
            for (long[] which : new long[][] {{7107, 11}, {9101, 11}, {9209, 11}}) {
                List<CardScenes.Scene> scenes = CardScenes.generate(which[0], 20);
                CardScenes.Scene s = scenes.get((int) which[1]);
                CardAnalysis a = analyzer.analyze(s.image());
                scenes.forEach(x -> x.image().release());
                assertThat(s.motionPx()).as("%d/%d is moved", which[0], which[1]).isGreaterThan(15);
                assertThat(a.found()).as("%d/%d found", which[0], which[1]).isTrue();
                assertThat(a.reasons()).as("%d/%d refused as blurry", which[0], which[1]).contains(CardReason.BLURRY);
            }
        }
    }

    /**
     * On the camera's stream the searches beyond the first run on one frame in {@value
     * CardAnalyzer#LIVE_CLOSER_EVERY} while no card is found, but on every frame after one was: a card
     * smeared by the hand, once found, is found and called blurry on the frames that follow, so the
     * sentence under the preview (which changes only when a reason holds for half a second) becomes
     * 「…動かさずにお持ちください」 instead of staying 「カードを白い枠に合わせてください」. Each frame with
     * fresh sensor noise, as a camera gives the same smeared card over a second.
     */
    @Test
    void onTheLiveStreamASmearedCardOnceFoundStaysFound() {
        OpenCv.load();
        List<CardScenes.Scene> scenes = CardScenes.generate(7107, 20);
        CardScenes.Scene s = scenes.get(11);
        int fps = 15;
        int blurry = 0;
        int first = -1;
        try (CardAnalyzer analyzer = new CardAnalyzer().closerSearchEvery(CardAnalyzer.LIVE_CLOSER_EVERY);
             LiveFrames live = new LiveFrames(11, fps, s.image().cols(), s.image().rows())) {
            org.opencv.core.Mat frame = new org.opencv.core.Mat();
            for (int k = 0; k < fps; k++) {
                live.frame(s.image(), k, frame);
                CardAnalysis a = analyzer.analyze(frame);
                if (a.found() && a.reasons().contains(CardReason.BLURRY)) {
                    blurry++;
                    first = first < 0 ? k : first;
                }
            }
            frame.release();
        }
        scenes.forEach(x -> x.image().release());
        assertThat(first).as("first frame found").isBetween(0, CardAnalyzer.LIVE_CLOSER_EVERY - 1);
        assertThat(blurry).as("frames of %d found and called blurry", fps).isGreaterThanOrEqualTo(fps - first - 2);
    }

    /**
     * Sheets of A4 paper with rows of print on a dark desk (the first generator's, in the accuracy
     * test): in the small copy the first row reads as a soft step, and with three of the sheet's edges
     * makes ID-1's proportions. What the soft-edge search finds sharp is no soft card; nothing is
     * found.
     */
    @Test
    void aRowOfPrintOnASheetIsNotTakenForASoftSide() {
        OpenCv.load();
        try (CardAnalyzer analyzer = new CardAnalyzer()) {
            for (long seed : new long[] {20261123, 20261127, 20261133}) {
                List<CardFixtures.Frame> frames = CardFixtures.generate(seed, 20);
                CardFixtures.Frame f = frames.get(12);
                CardAnalysis a = analyzer.analyze(f.image());
                frames.forEach(x -> x.image().release());
                assertThat(f.kind()).isEqualTo(CardFixtures.Kind.PAPER);
                assertThat(a.found()).as("%d/12: a sheet of paper", seed).isFalse();
            }
        }
    }
}
