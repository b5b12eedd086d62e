package jp.kenpo.kiosk.capture.card;

import java.util.List;

import jp.kenpo.kiosk.core.document.CardReason;

/**
 * What the card analyzer sees in one frame (the JSON of {@code analyze card}).
 *
 * @param found     whether the whole card was found (a card reaching over the frame's edge is not
 *                  found: its reason is {@code cut_off})
 * @param corners   clockwise from the card's top-left, in frame pixels; empty when not found
 * @param sharpness 1 / {@code blur}: higher is sharper
 * @param blur      the card's blur as the σ of a Gaussian, in frame pixels (0 when not found)
 * @param glare     share of the card's pixels that are blown out (0–1)
 * @param exposure  the card's mean luma (0–255)
 * @param fill      the card's area as a share of the frame
 * @param tilt      degrees between the card's plane and the camera's picture plane (0 = face on)
 * @param roll      degrees the card's top edge is turned from the horizontal
 * @param ms        the time the analysis took
 */
public record CardAnalysis(boolean found, List<double[]> corners, double sharpness, double blur, double glare,
                           double exposure, double fill, double tilt, double roll, boolean accept,
                           List<CardReason> reasons, double ms) {

    static CardAnalysis notFound(CardReason reason, double ms) {
        return new CardAnalysis(false, List.of(), 0, 0, 0, 0, 0, 0, 0, false, List.of(reason), ms);
    }
}
