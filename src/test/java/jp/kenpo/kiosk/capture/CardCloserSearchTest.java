package jp.kenpo.kiosk.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

import jp.kenpo.kiosk.capture.card.CardAnalyzer;
import jp.kenpo.kiosk.capture.scenes.CardScenes;

/**
 * The closer search on a live stream: a card on a striped cloth that only the search of the copy
 * twice the size finds is found on every frame by a still's analysis, and on a live stream within
 * {@link CardAnalyzer#LIVE_CLOSER_EVERY} frames — the search runs on one frame in that many while no
 * card is found, and on the first frame after one is lost.
 */
class CardCloserSearchTest {

    @Test
    void aCardOnlyTheCloserSearchFindsIsFoundWithinEveryFewFramesOfAStream() {
        OpenCv.load();
        List<CardScenes.Scene> scenes = CardScenes.generate(9107, 20);
        Mat hard = scenes.get(0).image(); // a good card on a striped cloth, 1280×720
        Mat empty = new Mat(hard.rows(), hard.cols(), CvType.CV_8UC3, new Scalar(90, 100, 110));
        try (CardAnalyzer still = new CardAnalyzer();
             CardAnalyzer stream = new CardAnalyzer().closerSearchEvery(3);
             CardAnalyzer never = new CardAnalyzer().closerSearchEvery(Integer.MAX_VALUE)) {
            never.analyze(empty); // its one closer search spent on a frame without a card
            assertThat(never.analyze(hard).found()).as("the ordinary search does not find it").isFalse();
            assertThat(still.analyze(hard).found()).as("a still's analysis does").isTrue();

            assertThat(stream.analyze(hard).found()).as("the first frame").isTrue();
            assertThat(stream.analyze(empty).found()).as("the card gone: looked for closely at once").isFalse();
            assertThat(stream.analyze(hard).found()).as("one frame after the closer search").isFalse();
            assertThat(stream.analyze(hard).found()).as("two frames after").isFalse();
            assertThat(stream.analyze(hard).found()).as("the third frame: searched closely again").isTrue();
        } finally {
            empty.release();
            scenes.forEach(s -> s.image().release());
        }
    }
}
