package jp.kenpo.kiosk.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

import jp.kenpo.kiosk.capture.card.CardAnalysis;
import jp.kenpo.kiosk.capture.card.CardAnalyzer;
import jp.kenpo.kiosk.capture.scenes.CardScenes;

/**
 * The analyzer follows the card of the last frame (a live camera's frames are nearly the same):
 * that must save the full search without changing what a frame is judged to be.
 */
class CardFollowTest {

    static {
        OpenCv.load();
    }

    private static List<Mat> frames() {
        List<Mat> frames = new ArrayList<>();
        CardFixtures.generate(31, 16).forEach(f -> frames.add(f.image()));
        CardScenes.generate(32, 16).forEach(s -> frames.add(s.image()));
        return frames;
    }

    /** Every field but the time taken. */
    private static String fields(CardAnalysis a) {
        StringBuilder s = new StringBuilder().append(a.found()).append(' ').append(a.sharpness()).append(' ')
                .append(a.blur()).append(' ').append(a.glare()).append(' ').append(a.exposure()).append(' ')
                .append(a.fill()).append(' ').append(a.tilt()).append(' ').append(a.roll()).append(' ')
                .append(a.accept()).append(' ').append(a.reasons());
        a.corners().forEach(c -> s.append(' ').append(c[0]).append(',').append(c[1]));
        return s.toString();
    }

    /** The same frame twice: the second analysis follows the first's card and finds it to the last digit. */
    @Test
    void theSameFrameAgainIsAnalysedTheSame() {
        int found = 0;
        int followed = 0;
        try (CardAnalyzer analyzer = new CardAnalyzer()) {
            for (Mat frame : frames()) {
                CardAnalysis first = analyzer.analyze(frame);
                CardAnalysis again = analyzer.analyze(frame);
                assertThat(fields(again)).isEqualTo(fields(first));
                found += first.found() ? 1 : 0;
                followed += analyzer.followedLast() ? 1 : 0;
                frame.release();
            }
        }
        assertThat(found).isGreaterThan(10);
        assertThat(followed).as("cards followed of %d found", found).isGreaterThanOrEqualTo(found / 2);
    }

    /**
     * Each frame held as a live camera gives it, with fresh sensor noise: a card followed is judged as
     * the full search alone judges the same frame — the same decision to keep the picture or not.
     */
    @Test
    void aHeldCardIsKeptOrNotAsTheFullSearchDecides() {
        int followed = 0;
        int frames = 0;
        Mat frame = new Mat();
        try (CardAnalyzer analyzer = new CardAnalyzer(); LiveFrames live = new LiveFrames(33, 6, 1280, 720)) {
            for (Mat scene : frames()) {
                if (scene.cols() != 1280) {
                    scene.release();
                    continue;
                }
                for (int k = 0; k < 6; k++) {
                    live.frame(scene, k, frame);
                    CardAnalysis seen = analyzer.analyze(frame);
                    CardAnalysis alone;
                    try (CardAnalyzer fresh = new CardAnalyzer()) {
                        alone = fresh.analyze(frame);
                    }
                    assertThat(seen.accept()).as("kept, frame %d of scene %d", k, frames / 6).isEqualTo(alone.accept());
                    followed += analyzer.followedLast() ? 1 : 0;
                    frames++;
                }
                scene.release();
            }
        }
        frame.release();
        assertThat(followed).as("frames whose card was followed, of %d", frames).isGreaterThanOrEqualTo(frames / 3);
    }
}
