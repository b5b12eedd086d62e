package jp.kenpo.kiosk.capture.card;

import static jp.kenpo.kiosk.capture.Measures.msSince;
import static jp.kenpo.kiosk.capture.Measures.round;

import java.util.ArrayList;
import java.util.List;

import jp.kenpo.kiosk.core.config.MaskRegion;
import jp.kenpo.kiosk.core.document.CardReason;

/**
 * Whether the picture of a card found in the frame is good enough to keep, and if not why: how
 * blurred it is ({@link BlurMeter}), how much of it is blown out, how bright it is, how much of
 * the frame it fills, how far it is tilted out of the picture's plane and turned within it, and
 * whether it touches the frame's edge. Every limit is argued from the camera, the card and the
 * member, not fitted to test pictures.
 */
final class CardVerdict {

    /**
     * Blur, as the σ of a Gaussian in frame pixels. A webcam in focus draws an edge with σ of about
     * 0.5–1 px (lens, demosaicing, compression); above 2 px the card is out of focus or moving
     * (a card moving 5 px during a 1/30 s exposure, 150 px/s, reads about 2 px). The auto-capture
     * waits for a frame below this; members hold still for a moment.
     */
    static final double MAX_BLUR_PX = 2.0;
    /**
     * Blur measured on the card itself: σ 0.4 mm. A card far from a 640×480 camera has only about
     * 3 px/mm, so 1.3 px of blur already smears 0.4 mm of print — the name and the number (3 mm
     * characters and more) stay readable, a blur beyond that makes them guesswork.
     */
    static final double MAX_BLUR_MM = 0.4;
    /**
     * Glare: luma at or above {@value #BLOWN_OUT} is clipped by the camera — nothing printed there
     * can be read. 1.5 % of the card is about 69 mm², an 8 mm patch: two characters of the name
     * or the number.
     */
    static final double MAX_GLARE = 0.015;
    static final int BLOWN_OUT = 251;
    /**
     * Exposure: the card's mean luma. ID cards are light (white or pastel grounds); exposed
     * properly they read 140–220. Below 70 the room or the camera gives the card less than a
     * third of its light: the camera has turned its gain up, and noise eats the small print.
     */
    static final double MIN_EXPOSURE = 70;
    /**
     * Fill: the card's area over the frame's. The guide frame is 70 % of the picture's width
     * (55 % of a 16:9 picture's area); below 12 % the card is less than half the guide's width
     * away — held twice as far as asked. That still gives 4.9 px/mm at 1280×720 (2 mm print 10 px
     * high) and 2.8 px/mm at 640×480, the least such a camera can do for a card held in the guide.
     */
    static final double MIN_FILL = 0.12;
    /**
     * Tilt out of the picture's plane. Correcting the perspective cannot give back resolution: at
     * 30° the print is squeezed to cos 30° = 87 % across the tilt, and at a counter's 20–30 cm the
     * far end of the card is about a quarter smaller than the near one; glare also rises as the
     * card turns towards a ceiling light. Held flat facing the camera, members stay within 15°.
     */
    static final double MAX_TILT = 30;
    /**
     * Turn within the picture. The correction turns the card upright whatever its turn, but beyond
     * 30° it no longer sits in the guide frame, and near 90° the card is held upright (portrait),
     * where top and bottom can be mistaken.
     */
    static final double MAX_ROLL = 30;
    /** A corner closer than 1 % of the frame's size to its edge: the card touches the edge. */
    static final double EDGE_MARGIN = 0.01;
    /** The light is read on a grid of 80 × 50 points over the card: about one per square millimetre. */
    private static final int GRID_U = 80;
    private static final int GRID_V = 50;

    private final BlurMeter blurMeter = new BlurMeter();

    /** The analysis of the card found at {@code card} with {@code pose} in a {@code w} × {@code h} frame. */
    CardAnalysis of(FramePixels pixels, Quad card, CardGeometry.Pose pose, int w, int h, long start) {
        Homography onCard = Homography.unitSquareTo(card);
        double blur = blurMeter.measure(pixels, onCard);
        double area = card.area();
        double pxPerMm = Math.sqrt(area / Math.cos(Math.toRadians(Math.min(pose.tilt(), 80)))) / Math.sqrt(MaskRegion.CARD_WIDTH_MM * MaskRegion.CARD_HEIGHT_MM);
        double[] light = light(pixels, onCard);
        double exposure = light[0];
        double glare = light[1];
        double fill = area / ((double) w * h);

        List<CardReason> reasons = new ArrayList<>();
        if (card.margin(w, h) < EDGE_MARGIN * Math.max(w, h)) {
            reasons.add(CardReason.CUT_OFF);
        }
        if (pose.tilt() > MAX_TILT || Math.abs(pose.roll()) > MAX_ROLL) {
            reasons.add(CardReason.TILTED);
        }
        if (fill < MIN_FILL) {
            reasons.add(CardReason.TOO_SMALL);
        }
        if (exposure < MIN_EXPOSURE) {
            reasons.add(CardReason.TOO_DARK);
        }
        if (glare > MAX_GLARE) {
            reasons.add(CardReason.GLARE);
        }
        if (Double.isNaN(blur) || blur > MAX_BLUR_PX || blur / pxPerMm > MAX_BLUR_MM) {
            reasons.add(CardReason.BLURRY);
        }
        List<double[]> corners = new ArrayList<>(4);
        for (int i = 0; i < 4; i++) {
            corners.add(new double[] {round(card.x[i], 1), round(card.y[i], 1)});
        }
        double shownBlur = Double.isNaN(blur) ? 99 : blur;
        return new CardAnalysis(true, corners, round(1 / Math.max(0.05, shownBlur), 2), round(shownBlur, 2),
                round(glare, 4), round(exposure, 1), round(fill, 4), round(pose.tilt(), 1), round(pose.roll(), 1),
                reasons.isEmpty(), List.copyOf(reasons), msSince(start));
    }

    /** The card's mean luma and its blown-out share, on a grid over the card in its own directions. */
    private static double[] light(FramePixels pixels, Homography hm) {
        double sum = 0;
        int blown = 0;
        int n = 0;
        for (int j = 0; j < GRID_V; j++) {
            double v = 0.02 + 0.96 * (j + 0.5) / GRID_V;
            for (int i = 0; i < GRID_U; i++) {
                double u = 0.02 + 0.96 * (i + 0.5) / GRID_U;
                double luma = pixels.luma(hm.x(u, v), hm.y(u, v));
                if (!Double.isNaN(luma)) {
                    sum += luma;
                    n++;
                    if (luma >= BLOWN_OUT) { // 255 clipped; JPEG leaves clipped patches at 251–255
                        blown++;
                    }
                }
            }
        }
        return n == 0 ? new double[] {0, 0} : new double[] {sum / n, (double) blown / n};
    }

}
